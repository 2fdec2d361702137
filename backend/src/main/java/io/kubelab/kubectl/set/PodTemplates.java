package io.kubelab.kubectl.set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * Where an object keeps the pod spec the {@code set} commands change (kubectl's UpdatePodSpecForObject),
 * and the strategic merge patches that reach it.
 */
final class PodTemplates {

    private static final List<String> POD = List.of("spec");
    private static final List<String> TEMPLATE = List.of("spec", "template", "spec");
    private static final Map<String, List<String>> PATHS = Map.of(
            "Pod", POD,
            "ReplicationController", TEMPLATE,
            "Deployment", TEMPLATE,
            "DaemonSet", TEMPLATE,
            "ReplicaSet", TEMPLATE,
            "StatefulSet", TEMPLATE,
            "Job", TEMPLATE,
            "CronJob", List.of("spec", "jobTemplate", "spec", "template", "spec"));

    private PodTemplates() {
    }

    /** The path of the pod spec in objects of this kind, or null when it has none. */
    static List<String> path(String kind) {
        return PATHS.get(kind);
    }

    /** The pod spec of {@code object} (created empty where missing, as Go's zero values are). */
    static ObjectNode spec(ObjectNode object, List<String> path) {
        ObjectNode node = object;
        for (String field : path) {
            node = node.with(field);
        }
        return node;
    }

    /** Go's {@code %T} of the typed object kubectl refuses: {@code *v1.Service}. */
    static String goType(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String version = apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion;
        return "*" + version + "." + object.path("kind").asText();
    }

    /** {@code {"spec":{"template":{"spec": <podSpecPatch>}}}}. */
    static ObjectNode wrap(List<String> path, ObjectNode podSpecPatch) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            node = node.putObject(path.get(i));
        }
        node.set(path.get(path.size() - 1), podSpecPatch);
        return root;
    }

    /**
     * Adds the {@code $setElementOrder/<list>} directives kubectl's two-way strategic patch carries for
     * every list of named items it changes ({@code containers}, {@code env}), so the server keeps the
     * items in the object's order.
     */
    static void keepOrder(ObjectNode patch, JsonNode whole) {
        List<String> lists = new java.util.ArrayList<>();
        patch.fieldNames().forEachRemaining(lists::add);
        for (String field : lists) {
            JsonNode value = patch.get(field);
            if (!value.isArray() || field.startsWith("$")) {
                continue;
            }
            com.fasterxml.jackson.databind.node.ArrayNode order = JsonNodeFactory.instance.arrayNode();
            for (JsonNode item : whole.path(field)) {
                order.addObject().put("name", item.path("name").asText());
            }
            patch.set("$setElementOrder/" + field, order);
            for (JsonNode item : value) {
                if (item.isObject() && !item.has("$patch")) {
                    JsonNode counterpart = null;
                    for (JsonNode w : whole.path(field)) {
                        if (w.path("name").asText().equals(item.path("name").asText())) {
                            counterpart = w;
                        }
                    }
                    if (counterpart != null) {
                        keepOrder((ObjectNode) item, counterpart);
                    }
                }
            }
        }
    }
}
