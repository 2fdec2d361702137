package io.kubelab.kubectl.create;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

import java.util.List;
import java.util.Map;

/** {@code kubectl create configmap NAME --from-literal/--from-file/--from-env-file}. */
final class CreateConfigMap extends GeneratorCommand {

    @Override
    public String name() {
        return "configmap";
    }

    @Override
    public List<String> aliases() {
        return List.of("cm");
    }

    @Override
    public String summary() {
        return "Create a config map from a local file, directory or literal value";
    }

    @Override
    public String description() {
        return """
                Create a config map based on a file, directory, or specified literal value.

                 A config map holds one or more key/value pairs. A file gives one key, its base name unless a key is
                given (key=path); a directory gives one key per regular file in it; an env file gives one key per
                KEY=VALUE line.""";
    }

    @Override
    public String usage() {
        return "kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]";
    }

    @Override
    public String examples() {
        return """
                  # A config map with two literal values
                  kubectl create configmap app-config --from-literal=mode=debug --from-literal=level=3

                  # One key per file of a directory
                  kubectl create configmap app-files --from-file=path/to/dir

                  # Keys from an env file
                  kubectl create configmap app-env --from-env-file=app.env
                """;
    }

    @Override
    protected FlagSet generatorFlags() {
        return new FlagSet()
                .add(Flag.bool("append-hash", "", false, "Append a hash of the configmap to its name."))
                .add(Flag.stringSlice("from-env-file", "", "Specify the path to a file to read lines of key=val pairs to create a configmap."))
                .add(Flag.stringSlice("from-file", "", "Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key."))
                .add(Flag.stringArray("from-literal", "", "Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)"));
    }

    @Override
    protected String apiVersion() {
        return "v1";
    }

    @Override
    protected String kind() {
        return "ConfigMap";
    }

    @Override
    protected ObjectNode build(KubectlContext ctx, ParsedFlags flags, String name, String namespace)
            throws KubectlException {
        Map<String, String> data = DataSources.read(ctx, false, name, flags.strings("from-literal"),
                flags.strings("from-file"), flags.strings("from-env-file"));
        ObjectNode configMap = Typed.object(apiVersion(), kind(), name, namespace);
        if (!data.isEmpty()) {
            ObjectNode dataNode = configMap.putObject("data");
            data.forEach(dataNode::put);
        }
        if (flags.bool("append-hash")) {
            NameHash.append(configMap);
        }
        return configMap;
    }
}
