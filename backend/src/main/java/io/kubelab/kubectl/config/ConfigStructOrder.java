package io.kubelab.kubectl.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The kubeconfig in the field order of client-go's v1 {@code Config} structs, which is how
 * {@code kubectl config view -o json} prints it (YAML sorts keys; JSON keeps the structs' order).
 */
final class ConfigStructOrder {

    private static final List<String> CONFIG = List.of("kind", "apiVersion", "preferences", "clusters", "users",
            "contexts", "current-context", "extensions");
    private static final List<String> NAMED = List.of("name", "cluster", "user", "context");
    private static final List<String> CLUSTER = List.of("server", "tls-server-name", "insecure-skip-tls-verify",
            "certificate-authority", "certificate-authority-data", "proxy-url", "disable-compression", "extensions");
    private static final List<String> USER = List.of("client-certificate", "client-certificate-data", "client-key",
            "client-key-data", "token", "tokenFile", "as", "as-uid", "as-groups", "as-user-extra", "username",
            "password", "auth-provider", "exec", "extensions");
    private static final List<String> CONTEXT = List.of("cluster", "user", "namespace", "extensions");

    private ConfigStructOrder() {
    }

    static ObjectNode of(ObjectNode config) {
        ObjectNode out = ordered(config, CONFIG);
        entries(out, ConfigFile.CLUSTERS, "cluster", CLUSTER);
        entries(out, ConfigFile.USERS, "user", USER);
        entries(out, ConfigFile.CONTEXTS, "context", CONTEXT);
        return out;
    }

    private static void entries(ObjectNode config, String list, String bodyField, List<String> bodyOrder) {
        JsonNode entries = config.get(list);
        if (entries == null || !entries.isArray()) {
            return;
        }
        ArrayNode replaced = config.arrayNode();
        for (JsonNode entry : entries) {
            if (!entry.isObject()) {
                replaced.add(entry);
                continue;
            }
            ObjectNode named = ordered((ObjectNode) entry, NAMED);
            JsonNode body = named.get(bodyField);
            if (body != null && body.isObject()) {
                named.set(bodyField, ordered((ObjectNode) body, bodyOrder));
            }
            replaced.add(named);
        }
        config.set(list, replaced);
    }

    /** The object's fields in {@code order}, then any others as they were. */
    private static ObjectNode ordered(ObjectNode object, List<String> order) {
        ObjectNode out = object.objectNode();
        for (String field : order) {
            JsonNode value = object.get(field);
            if (value != null) {
                out.set(field, value);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!out.has(field.getKey())) {
                out.set(field.getKey(), field.getValue());
            }
        }
        return out;
    }
}
