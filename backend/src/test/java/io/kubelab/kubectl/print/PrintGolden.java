package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The golden files of the output formats: {@code <case>.input.json} is an object as the API server returns it,
 * {@code <case>.yaml|json|...} what the real kubectl 1.32 printed for it (written by {@code regenerate.sh}
 * beside them, never by our code).
 */
final class PrintGolden {

    static final Path DIR = Path.of("src/test/resources/golden/kubectl/print");
    /** Jackson's default tree, as our API server's objects are (floats as doubles, -0.0 kept). */
    static final ObjectMapper JSON = new ObjectMapper();

    private PrintGolden() {
    }

    static JsonNode input(String name) throws IOException {
        return JSON.readTree(Files.readString(DIR.resolve(name + ".input.json")));
    }

    /** What kubectl prints for the case: the object, or for a server list the List kubectl makes of it. */
    static JsonNode printable(String name) throws IOException {
        JsonNode input = input(name);
        return input.path("kind").asText().endsWith("List") ? ObjectList.fromServerList(input) : input;
    }

    static String expected(String file) throws IOException {
        return Files.readString(DIR.resolve(file));
    }

    /** Compares with the golden file, leaving what we printed under target/golden-actual for a diff. */
    static void assertMatches(String file, String actual) throws IOException {
        String expected = expected(file);
        if (!expected.equals(actual)) {
            Path got = Path.of("target/golden-actual").resolve(file);
            Files.createDirectories(got.getParent());
            Files.writeString(got, actual);
        }
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual, file);
    }
}
