package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code -o yaml} against what the real kubectl 1.32 printed: objects of a settled simulated cluster (lists as
 * kubectl's List), and ConfigMaps holding hundreds of awkward strings and numbers.
 */
class YamlPrinterGoldenTest {

    @ParameterizedTest
    @ValueSource(strings = {"pod", "pods", "deployment", "service", "node", "configmap", "secret", "events",
            "kube-system-pods", "configmap-tricky", "configmap-numbers", "configmap-nel", "configmap-bom",
            "configmap-emoji", "configmap-controls", "configmap-structure", "configmap-random", "configmap-random2", "configmap-resolve"})
    void printsAsKubectl(String name) throws Exception {
        JsonNode object = PrintGolden.printable(name);
        String expected = PrintGolden.expected(name + ".yaml");
        if (expected.startsWith("error: ")) {
            PrintException e = assertThrows(PrintException.class, () -> YamlPrinter.print(object));
            assertEquals(expected, "error: " + e.getMessage() + "\n");
            return;
        }
        PrintGolden.assertMatches(name + ".yaml", YamlPrinter.print(object));
    }
}
