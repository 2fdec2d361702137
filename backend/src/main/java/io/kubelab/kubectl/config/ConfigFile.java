package io.kubelab.kubectl.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The kubeconfig file as {@code kubectl config} edits it: named clusters, users and contexts, written
 * back the way clientcmd writes (every field of a v1 Config, lists sorted by name).
 */
final class ConfigFile {

    static final String CLUSTERS = "clusters";
    static final String USERS = "users";
    static final String CONTEXTS = "contexts";

    private final ObjectNode tree;
    private final String path;

    private ConfigFile(ObjectNode tree, String path) {
        this.tree = tree;
        this.path = path;
    }

    static ConfigFile of(KubectlContext ctx) {
        return new ConfigFile(ctx.kubeconfig().tree().deepCopy(), ctx.kubeconfig().path());
    }

    ObjectNode tree() {
        return tree;
    }

    String path() {
        return path;
    }

    String currentContext() {
        return tree.path("current-context").asText("");
    }

    void setCurrentContext(String name) {
        tree.put("current-context", name);
    }

    List<String> names(String list) {
        List<String> out = new ArrayList<>();
        tree.path(list).forEach(e -> out.add(e.path("name").asText()));
        out.sort(null);
        return out;
    }

    Optional<ObjectNode> entry(String list, String name) {
        for (JsonNode e : tree.path(list)) {
            if (e.path("name").asText().equals(name)) {
                return Optional.of((ObjectNode) e);
            }
        }
        return Optional.empty();
    }

    /** The body of a named entry ({@code cluster}, {@code user} or {@code context}), created if missing. */
    ObjectNode body(String list, String name) {
        String field = field(list);
        ObjectNode entry = entry(list, name).orElseGet(() -> {
            ArrayNode entries = tree.has(list) && tree.get(list).isArray() ? (ArrayNode) tree.get(list) : tree.putArray(list);
            ObjectNode created = entries.addObject();
            created.put("name", name);
            return created;
        });
        return entry.has(field) && entry.get(field).isObject() ? (ObjectNode) entry.get(field) : entry.putObject(field);
    }

    boolean remove(String list, String name) {
        JsonNode entries = tree.path(list);
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).path("name").asText().equals(name)) {
                ((ArrayNode) entries).remove(i);
                return true;
            }
        }
        return false;
    }

    static String field(String list) {
        return switch (list) {
            case CLUSTERS -> "cluster";
            case USERS -> "user";
            default -> "context";
        };
    }

    /** The file as clientcmd writes it. */
    String text() {
        return io.kubelab.kubectl.print.YamlPrinter.print(normalized(tree));
    }

    void save(KubectlContext ctx) throws KubectlException {
        try {
            ctx.workstation().write(path, text());
        } catch (java.io.IOException e) {
            throw KubectlException.error("open " + path + ": " + e.getMessage());
        }
    }

    /** Every field of a v1 Config present (null lists as kubectl shows them), lists sorted by name. */
    static ObjectNode normalized(ObjectNode tree) {
        ObjectNode out = tree.deepCopy();
        out.put("apiVersion", tree.path("apiVersion").asText("v1"));
        out.put("kind", tree.path("kind").asText("Config"));
        if (!out.has("preferences")) {
            out.putObject("preferences");
        }
        if (!out.has("current-context")) {
            out.put("current-context", "");
        }
        for (String list : List.of(CLUSTERS, CONTEXTS, USERS)) {
            JsonNode entries = out.path(list);
            if (!entries.isArray() || entries.isEmpty()) {
                out.putNull(list);
                continue;
            }
            List<JsonNode> sorted = new ArrayList<>();
            entries.forEach(sorted::add);
            sorted.sort(Comparator.comparing(e -> e.path("name").asText()));
            ArrayNode replaced = out.putArray(list);
            sorted.forEach(replaced::add);
        }
        // Fields of kubeconfig's v1 structs without omitempty: written even when empty.
        for (JsonNode entry : out.path(CONTEXTS)) {
            if (entry.path("context").isObject()) {
                ObjectNode context = (ObjectNode) entry.path("context");
                defaultEmpty(context, "cluster");
                defaultEmpty(context, "user");
            }
        }
        for (JsonNode entry : out.path(CLUSTERS)) {
            if (entry.path("cluster").isObject()) {
                defaultEmpty((ObjectNode) entry.path("cluster"), "server");
            }
        }
        return out;
    }

    private static void defaultEmpty(ObjectNode object, String field) {
        if (!object.has(field)) {
            object.put(field, "");
        }
    }
}
