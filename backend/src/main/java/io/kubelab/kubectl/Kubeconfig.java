package io.kubelab.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.util.Optional;

/**
 * A kubeconfig file as kubectl reads it: clusters, users and contexts by name and the current context.
 * Every sandbox has one cluster, so a context matters for its namespace and its user.
 */
public final class Kubeconfig {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String path;
    private final ObjectNode tree;

    private Kubeconfig(String path, ObjectNode tree) {
        this.path = path;
        this.tree = tree;
    }

    /** An empty configuration: what kubectl has when no kubeconfig file exists. */
    public static Kubeconfig empty(String path) {
        return new Kubeconfig(path, YAML.createObjectNode());
    }

    /** Parses a kubeconfig file; kubectl's message when it is not one. */
    public static Kubeconfig parse(String path, String text) throws KubectlException {
        try {
            JsonNode node = YAML.readTree(text);
            if (node == null || node.isMissingNode() || node.isNull()) {
                return empty(path);
            }
            if (!node.isObject()) {
                throw KubectlException.error("error loading config file \"" + path
                        + "\": couldn't get version/kind; json parse error: json: cannot unmarshal "
                        + goType(node) + " into Go value of type struct { APIVersion string \"json:\\\"apiVersion,omitempty\\\"\"; Kind string \"json:\\\"kind,omitempty\\\"\" }");
            }
            return new Kubeconfig(path, (ObjectNode) node);
        } catch (java.io.IOException e) {
            // go-yaml's own wording of the problem differs from Jackson's; the file and line are right.
            String problem = e instanceof com.fasterxml.jackson.core.JsonProcessingException p
                    ? p.getOriginalMessage() : e.getMessage();
            throw KubectlException.error("error loading config file \"" + path + "\": yaml: line "
                    + lineOf(e) + ": " + problem);
        }
    }

    private static String goType(JsonNode node) {
        return node.isArray() ? "array" : node.isTextual() ? "string" : node.isNumber() ? "number" : "bool";
    }

    private static int lineOf(java.io.IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null) {
            return p.getLocation().getLineNr();
        }
        return 1;
    }

    public String path() {
        return path;
    }

    public ObjectNode tree() {
        return tree;
    }

    public String currentContext() {
        return tree.path("current-context").asText("");
    }

    /** The named context's body ({@code cluster}, {@code user}, {@code namespace}), if it exists. */
    public Optional<JsonNode> context(String name) {
        return named("contexts", name).map(entry -> entry.path("context"));
    }

    public Optional<JsonNode> cluster(String name) {
        return named("clusters", name).map(entry -> entry.path("cluster"));
    }

    public Optional<JsonNode> user(String name) {
        return named("users", name).map(entry -> entry.path("user"));
    }

    private Optional<JsonNode> named(String list, String name) {
        for (JsonNode entry : tree.path(list)) {
            if (entry.path("name").asText().equals(name)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }
}
