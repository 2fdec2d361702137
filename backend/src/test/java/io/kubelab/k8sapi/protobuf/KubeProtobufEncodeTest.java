package io.kubelab.k8sapi.protobuf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * encode writes what gogo-protobuf wrote: every captured kubectl body, decoded then encoded, is the same bytes.
 * That also checks the Go facts from the other side: a field wrongly taken for a pointer would be missing here.
 */
class KubeProtobufEncodeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyCapturedBodyIsEncodedBackToTheSameBytes() throws IOException, URISyntaxException {
        Path dir = Path.of(KubeProtobufEncodeTest.class.getResource("/protobuf").toURI());
        List<Path> bodies;
        try (Stream<Path> files = Files.list(dir)) {
            bodies = files.filter(p -> p.toString().endsWith(".pb")).sorted().toList();
        }
        return bodies.stream().map(pb -> DynamicTest.dynamicTest(pb.getFileName().toString(), () -> {
            byte[] body = Files.readAllBytes(pb);
            assertEquals(HexFormat.of().formatHex(body), HexFormat.of().formatHex(KubeProtobuf.encode(KubeProtobuf.decode(body))));
        }));
    }

    @Test
    void anObjectWithoutAMessageIsRefused() throws IOException {
        ObjectNode widget = (ObjectNode) JSON.readTree("{\"kind\":\"Widget\",\"apiVersion\":\"example.com/v1\"}");
        assertEquals("no protobuf message for example.com/v1 Widget",
                assertThrows(IllegalArgumentException.class, () -> KubeProtobuf.encode(widget)).getMessage());
    }
}
