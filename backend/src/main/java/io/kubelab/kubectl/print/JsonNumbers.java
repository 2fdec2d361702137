package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.model.GoFloats;

/**
 * A number as kubectl holds it after decoding the server's JSON into an unstructured object (an int64 when the
 * text is an integer that fits, otherwise a float64), written back by encoding/json.
 */
final class JsonNumbers {

    private JsonNumbers() {
    }

    static String text(JsonNode number) {
        if (number.isIntegralNumber() && number.canConvertToLong()) {
            return Long.toString(number.longValue());
        }
        return GoFloats.json(number.doubleValue());
    }
}
