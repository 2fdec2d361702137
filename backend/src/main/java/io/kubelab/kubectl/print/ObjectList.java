package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The list kubectl prints for {@code get} of several objects (or of a whole kind) with {@code -o yaml|json}:
 * whatever list the server returned is replaced by a {@code v1 List} holding the items, with an empty
 * resourceVersion, which is what the printed text shows.
 */
public final class ObjectList {

    public static final String API_VERSION = "v1";
    public static final String KIND = "List";

    private ObjectList() {
    }

    /**
     * The List for a list the server returned ({@code PodList}...): its items, which the server sends without
     * apiVersion and kind, get the list's apiVersion and its kind less "List", as kubectl's unstructured list does.
     */
    public static ObjectNode fromServerList(JsonNode serverList) {
        String apiVersion = serverList.path("apiVersion").asText("");
        String listKind = serverList.path("kind").asText("");
        String kind = listKind.endsWith("List") ? listKind.substring(0, listKind.length() - 4) : listKind;
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.put("apiVersion", API_VERSION);
        var items = list.putArray("items");
        for (JsonNode item : serverList.path("items")) {
            if (item.hasNonNull("apiVersion") && item.hasNonNull("kind")) {
                items.add(item);
            } else {
                ObjectNode typed = JsonNodeFactory.instance.objectNode();
                typed.put("apiVersion", item.path("apiVersion").asText(apiVersion));
                typed.put("kind", item.path("kind").asText(kind));
                item.fields().forEachRemaining(field -> typed.putIfAbsent(field.getKey(), field.getValue()));
                items.add(typed);
            }
        }
        list.put("kind", KIND);
        list.putObject("metadata").put("resourceVersion", "");
        return list;
    }

    /** The List holding objects that already carry apiVersion and kind. */
    public static ObjectNode of(List<? extends JsonNode> items) {
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.put("apiVersion", API_VERSION);
        list.putArray("items").addAll(items);
        list.put("kind", KIND);
        list.putObject("metadata").put("resourceVersion", "");
        return list;
    }
}
