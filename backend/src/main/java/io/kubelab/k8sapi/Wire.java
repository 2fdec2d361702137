package io.kubelab.k8sapi;

import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/** Objects on the wire as kube-apiserver writes them: compact JSON followed by a newline (Go's json.Encoder). */
final class Wire {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Wire() {
    }

    static byte[] json(JsonNode node) {
        // Written with its newline into one builder: one copy of the bytes at the end, not two.
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(MAPPER.getFactory()._getBufferRecycler())) {
            MAPPER.writeValue(bytes, node);
            bytes.write('\n');
            return bytes.getClearAndRelease();
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
