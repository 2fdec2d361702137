package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * How many bytes an object takes as compact JSON, counted without writing it out (escapes are counted as
 * the characters they stand for, which is close enough for a megabyte-scale limit). Stops counting once
 * past {@code limit}, so a huge object costs no more than a big one.
 */
final class JsonSize {

    private JsonSize() {
    }

    static long atLeast(JsonNode node, long limit) {
        return count(node, 0, limit);
    }

    private static long count(JsonNode node, long sum, long limit) {
        if (sum > limit) {
            return sum;
        }
        if (node.isObject()) {
            sum += 2;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext() && sum <= limit; ) {
                Map.Entry<String, JsonNode> field = it.next();
                sum = count(field.getValue(), sum + field.getKey().length() + 4, limit);
            }
            return sum;
        }
        if (node.isArray()) {
            sum += 2;
            for (JsonNode item : node) {
                sum = count(item, sum + 1, limit);
                if (sum > limit) {
                    return sum;
                }
            }
            return sum;
        }
        if (node.isTextual()) {
            return sum + node.textValue().length() + 2;
        }
        return sum + node.asText().length();
    }
}
