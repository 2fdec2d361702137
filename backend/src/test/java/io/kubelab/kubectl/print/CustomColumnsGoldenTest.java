package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code -o custom-columns=...} and {@code -o custom-columns-file=...} against the real kubectl 1.32, for every
 * line of {@code custom-columns.cases} (case, number, kubectl's arguments).
 */
class CustomColumnsGoldenTest {

    private static final String SPEC = "-o custom-columns=";
    private static final String FILE = "-o custom-columns-file=";
    private static final String NO_HEADERS = " --no-headers";

    static Stream<String[]> cases() throws Exception {
        return Files.readAllLines(PrintGolden.DIR.resolve("custom-columns.cases")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t", 3));
    }

    @ParameterizedTest(name = "{0}.cc{1}: {2}")
    @MethodSource("cases")
    void printsAsKubectl(String name, String number, String arguments) throws Exception {
        String expected = PrintGolden.expected(name + ".cc" + number + ".txt");
        List<JsonNode> objects = objects(name);
        if (expected.startsWith("error: ")) {
            PrintException e = assertThrows(PrintException.class, () -> printer(arguments).print(objects, new MinimalPath()));
            assertEquals(expected, "error: " + e.getMessage() + "\n");
            return;
        }
        PrintGolden.assertMatches(name + ".cc" + number + ".txt", printer(arguments).print(objects, new MinimalPath()));
    }

    private static CustomColumns printer(String arguments) throws Exception {
        boolean noHeaders = arguments.endsWith(NO_HEADERS);
        String value = noHeaders ? arguments.substring(0, arguments.length() - NO_HEADERS.length()) : arguments;
        if (value.startsWith(FILE)) {
            String file = value.substring(FILE.length()).replace("{here}/", "");
            return CustomColumns.fromTemplate(Files.readString(PrintGolden.DIR.resolve(file)));
        }
        return CustomColumns.fromSpec(value.substring(SPEC.length()), noHeaders);
    }

    private static List<JsonNode> objects(String name) throws Exception {
        JsonNode printable = PrintGolden.printable(name);
        List<JsonNode> objects = new ArrayList<>();
        if (printable.has("items")) {
            printable.get("items").forEach(objects::add);
        } else {
            objects.add(printable);
        }
        return objects;
    }
}
