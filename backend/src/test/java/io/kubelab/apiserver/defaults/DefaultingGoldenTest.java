package io.kubelab.apiserver.defaults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Each {@code golden/defaults/<case>.input.json} defaulted must equal {@code <case>.output.json}, the object as
 * Kubernetes 1.32 would store it (less admission and registry fields). {@code -Dgolden.update=true} rewrites the
 * outputs; review the diff before committing it.
 */
class DefaultingGoldenTest {

    private static final Path DIR = Path.of("src/test/resources/golden/defaults");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static List<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".input.json"))
                    .map(n -> n.substring(0, n.length() - ".input.json".length()))
                    .sorted().toList();
            assertFalse(names.isEmpty(), "no golden cases under " + DIR.toAbsolutePath());
            return names;
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void defaultsAsKubernetes(String name) throws IOException {
        ObjectNode object = (ObjectNode) JSON.readTree(DIR.resolve(name + ".input.json").toFile());
        Defaulting.apply(object);
        Path expectedFile = DIR.resolve(name + ".output.json");
        String got = JSON.writeValueAsString(object) + "\n";
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expectedFile, got);
            return;
        }
        JsonNode expected = JSON.readTree(expectedFile.toFile());
        if (!expected.equals(object)) {
            // Compared as JSON (object key order is the serialiser's business), shown pretty for the diff.
            assertEquals(JSON.writeValueAsString(expected) + "\n", got, name);
        }
    }
}
