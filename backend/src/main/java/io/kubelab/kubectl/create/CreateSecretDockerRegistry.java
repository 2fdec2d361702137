package io.kubelab.kubectl.create;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.apply.CompactJson;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code kubectl create secret docker-registry NAME}: a {@code .dockerconfigjson} with the registry's
 * credentials ({@code auths.SERVER.username/password/email/auth}), or the given config files.
 */
final class CreateSecretDockerRegistry extends GeneratorCommand {

    private static final String CONFIG_KEY = ".dockerconfigjson";

    @Override
    public String name() {
        return "docker-registry";
    }

    @Override
    public String summary() {
        return "Create a secret for use with a Docker registry";
    }

    @Override
    public String description() {
        return "Create a new secret for use with Docker registries.\n\n Pods name it in imagePullSecrets so that the "
                + "kubelet can pull their images from a private registry.";
    }

    @Override
    public String usage() {
        return "kubectl create secret docker-registry NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none] [options]";
    }

    @Override
    public String examples() {
        return """
                  # Credentials for a private registry
                  kubectl create secret docker-registry regcred --docker-server=registry.example.com \\
                    --docker-username=me --docker-password=secret --docker-email=me@example.com
                """;
    }

    @Override
    protected FlagSet generatorFlags() {
        return new FlagSet()
                .add(Flag.bool("append-hash", "", false, "Append a hash of the secret to its name."))
                .add(Flag.string("docker-email", "", "", "Email for Docker registry"))
                .add(Flag.string("docker-password", "", "", "Password for Docker registry authentication"))
                .add(Flag.string("docker-server", "", "https://index.docker.io/v1/", "Server location for Docker registry"))
                .add(Flag.string("docker-username", "", "", "Username for Docker registry authentication"))
                .add(Flag.stringSlice("from-file", "", "Key files can be specified using their file path, in which case a default name of .dockerconfigjson will be given to them, or optionally with a name and file path, in which case the given name will be used. Specifying a directory will iterate each named file in the directory that is a valid secret key. For this command, the key should always be .dockerconfigjson."));
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
        List<String> files = flags.strings("from-file");
        String user = flags.string("docker-username");
        String password = flags.string("docker-password");
        String server = flags.string("docker-server");
        Map<String, String> data;
        if (files.isEmpty()) {
            if (user.isEmpty() || password.isEmpty() || server.isEmpty()) {
                throw KubectlException.error("either --from-file or the combination of --docker-username, "
                        + "--docker-password and --docker-server is required");
            }
            ObjectNode entry = Typed.node();
            entry.put("username", user);
            entry.put("password", password);
            String email = flags.string("docker-email");
            if (!email.isEmpty()) {
                entry.put("email", email);
            }
            entry.put("auth", SecretData.base64(user + ":" + password));
            ObjectNode config = Typed.node();
            config.putObject("auths").set(server, entry);
            data = new TreeMap<>(Map.of(CONFIG_KEY, CompactJson.write(config, false)));
        } else {
            List<String> sources = files.stream().map(f -> f.contains("=") || ctx.workstation().isDirectory(f)
                    ? f : CONFIG_KEY + "=" + f).toList();
            data = DataSources.read(ctx, true, name, List.of(), sources, List.of());
        }
        ObjectNode secret = SecretData.secret(name, namespace, data, "kubernetes.io/dockerconfigjson");
        if (flags.bool("append-hash")) {
            NameHash.append(secret);
        }
        return secret;
    }
}
