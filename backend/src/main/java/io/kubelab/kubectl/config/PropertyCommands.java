package io.kubelab.kubectl.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code kubectl config set|unset PROPERTY_NAME}: dotted paths into the kubeconfig whose named parts pick
 * entries of the lists ({@code contexts.dev.namespace}, {@code users.admin.token}, {@code current-context}).
 */
final class PropertyCommands {

    private PropertyCommands() {
    }

    static ConfigSub set() {
        return ConfigSub.of("set", "Set an individual value in a kubeconfig file",
                "kubectl config set PROPERTY_NAME PROPERTY_VALUE [options]",
                "  # Set the server field on the my-cluster cluster to https://1.2.3.4\n"
                        + "  kubectl config set clusters.my-cluster.server https://1.2.3.4\n\n"
                        + "  # Set the current-context in the kubeconfig file\n  kubectl config set current-context my-context",
                new FlagSet().add(Flag.bool("set-raw-bytes", "", false, "When writing a []byte PROPERTY_VALUE, write the "
                        + "given string directly without base64 decoding.")), (ctx, flags, self) -> {
                    if (flags.args().size() != 2) {
                        throw self.unexpectedArgs(ctx, flags);
                    }
                    ConfigFile file = ConfigFile.of(ctx);
                    String[] path = flags.args().get(0).split("\\.");
                    ObjectNode parent = parent(file, path, true);
                    String key = path[path.length - 1];
                    String value = flags.args().get(1);
                    // The *-data fields are bytes, kept base64-encoded in the file: raw bytes are encoded here.
                    if (flags.bool("set-raw-bytes") && key.endsWith("-data")) {
                        value = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
                    }
                    parent.put(key, value);
                    file.save(ctx);
                    ctx.out().append("Property \"").append(flags.args().get(0)).append("\" set.\n");
                });
    }

    static ConfigSub unset() {
        return ConfigSub.of("unset", "Unset an individual value in a kubeconfig file",
                "kubectl config unset PROPERTY_NAME [options]",
                "  # Unset the current-context\n  kubectl config unset current-context\n\n"
                        + "  # Unset namespace in foo context\n  kubectl config unset contexts.foo.namespace",
                new FlagSet(), (ctx, flags, self) -> {
                    if (flags.args().size() != 1) {
                        throw self.unexpectedArgs(ctx, flags);
                    }
                    ConfigFile file = ConfigFile.of(ctx);
                    String[] path = flags.args().get(0).split("\\.");
                    if (path.length == 2 && isEntryList(path[0])) {
                        // A whole entry is a key of kubectl's map: deleting a missing one is no error.
                        file.remove(path[0], path[1]);
                    } else {
                        ObjectNode parent = parent(file, path, false);
                        if (parent == null || !parent.has(path[path.length - 1])) {
                            throw KubectlException.error("current map key `" + path[path.length - 1] + "` is invalid");
                        }
                        parent.remove(path[path.length - 1]);
                    }
                    file.save(ctx);
                    ctx.out().append("Property \"").append(flags.args().get(0)).append("\" unset.\n");
                });
    }

    private static boolean isEntryList(String list) {
        return list.equals(ConfigFile.CLUSTERS) || list.equals(ConfigFile.USERS) || list.equals(ConfigFile.CONTEXTS);
    }

    /** The object holding the last path element: {@code contexts.NAME} is that entry's context body. */
    private static ObjectNode parent(ConfigFile file, String[] path, boolean create) throws KubectlException {
        if (path.length == 1) {
            return file.tree();
        }
        String list = path[0];
        if (!list.equals(ConfigFile.CLUSTERS) && !list.equals(ConfigFile.USERS) && !list.equals(ConfigFile.CONTEXTS)) {
            if (list.equals("preferences")) {
                return file.tree().with("preferences");
            }
            throw KubectlException.error("unable to locate path " + String.join(".", path));
        }
        if (path.length < 3) {
            throw KubectlException.error("unable to locate path " + String.join(".", path));
        }
        if (!create && file.entry(list, path[1]).isEmpty()) {
            return null;
        }
        ObjectNode node = file.body(list, path[1]);
        for (int i = 2; i < path.length - 1; i++) {
            JsonNode next = node.get(path[i]);
            if (next == null || !next.isObject()) {
                if (!create) {
                    return null;
                }
                next = node.putObject(path[i]);
            }
            node = (ObjectNode) next;
        }
        return node;
    }
}
