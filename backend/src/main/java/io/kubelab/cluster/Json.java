package io.kubelab.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Objects written as JSON text blocks with {@code ${name}} placeholders, parsed once per template. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bad bootstrap template: " + e.getOriginalMessage(), e);
        }
    }

    /** The template with each {@code ${key}} replaced; values are inserted as raw JSON-safe text. */
    static ObjectNode fill(String template, String... keyValues) {
        String out = template;
        for (int i = 0; i < keyValues.length; i += 2) {
            out = out.replace("${" + keyValues[i] + "}", keyValues[i + 1]);
        }
        return parse(out);
    }
}
