package io.kubelab.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.TreeMap;

/** An object's labels as a map, for selectors. */
public final class Labels {

    private Labels() {
    }

    public static Map<String, String> of(JsonNode object) {
        Map<String, String> labels = new TreeMap<>();
        object.path("metadata").path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }
}
