package io.kubelab.k8sapi.protobuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every body kubectl 1.32 sent to a capture server ({@code protobuf/<case>.pb}) decodes to exactly the object
 * ({@code <case>.json}): for a create generator, what the same command line prints with {@code --dry-run=client
 * -o json}; for {@code create token} and {@code auth can-i|whoami}, which have no dry run, the Go JSON of the
 * object kubectl builds. Compared as text, so field order counts as much as values.
 * How the cases were captured: {@code protobuf/README.md}.
 */
class KubeProtobufGoldenTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyCapturedBodyDecodesToKubectlsObject() throws IOException, URISyntaxException {
        Path dir = Path.of(KubeProtobufGoldenTest.class.getResource("/protobuf").toURI());
        List<Path> bodies;
        try (Stream<Path> files = Files.list(dir)) {
            bodies = files.filter(p -> p.toString().endsWith(".pb")).sorted().toList();
        }
        assertTrue(bodies.size() >= 60, "captured bodies: " + bodies.size());
        return bodies.stream().map(pb -> DynamicTest.dynamicTest(name(pb), () -> {
            Path expected = pb.resolveSibling(name(pb) + ".json");
            JsonNode want = JSON.readTree(Files.readAllBytes(expected));
            ObjectNode got = KubeProtobuf.decode(Files.readAllBytes(pb));
            assertEquals(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(want),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(got));
        }));
    }

    private static String name(Path pb) {
        String file = pb.getFileName().toString();
        return file.substring(0, file.length() - ".pb".length());
    }
}
