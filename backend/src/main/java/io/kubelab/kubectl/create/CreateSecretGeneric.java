package io.kubelab.kubectl.create;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

import java.util.Map;

/** {@code kubectl create secret generic NAME}: like a config map, values base64-encoded, no type unless {@code --type} (the API server defaults it to Opaque). */
final class CreateSecretGeneric extends GeneratorCommand {

    @Override
    public String name() {
        return "generic";
    }

    @Override
    public String summary() {
        return "Create a secret from a local file, directory, or literal value";
    }

    @Override
    public String description() {
        return """
                Create a secret based on a file, directory, or specified literal value.

                 A file gives one key, its base name unless a key is given (key=path); a directory gives one key per
                regular file in it; an env file gives one key per KEY=VALUE line.""";
    }

    @Override
    public String usage() {
        return "kubectl create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]";
    }

    @Override
    public String examples() {
        return """
                  # A secret holding a user name and a password
                  kubectl create secret generic db-user --from-literal=username=admin --from-literal=password=s3cr3t

                  # One key per file of a directory
                  kubectl create secret generic keys --from-file=path/to/dir
                """;
    }

    @Override
    protected FlagSet generatorFlags() {
        return new FlagSet()
                .add(Flag.bool("append-hash", "", false, "Append a hash of the secret to its name."))
                .add(Flag.stringSlice("from-env-file", "", "Specify the path to a file to read lines of key=val pairs to create a secret."))
                .add(Flag.stringSlice("from-file", "", "Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key."))
                .add(Flag.stringArray("from-literal", "", "Specify a key and literal value to insert in secret (i.e. mykey=somevalue)"))
                .add(Flag.string("type", "", "", "The type of secret to create"));
    }

    @Override
    protected String apiVersion() {
        return "v1";
    }

    @Override
    protected String kind() {
        return "Secret";
    }

    @Override
    protected ObjectNode build(KubectlContext ctx, ParsedFlags flags, String name, String namespace)
            throws KubectlException {
        Map<String, String> data = DataSources.read(ctx, true, name, flags.strings("from-literal"),
                flags.strings("from-file"), flags.strings("from-env-file"));
        String type = flags.string("type");
        ObjectNode secret = SecretData.secret(name, namespace, data, type);
        if (flags.bool("append-hash")) {
            NameHash.append(secret);
        }
        return secret;
    }
}
