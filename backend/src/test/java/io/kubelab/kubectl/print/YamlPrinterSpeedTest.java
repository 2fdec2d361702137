package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Prints (does not assert) how long {@code -o yaml} and {@code -o json} of a typical pod take. */
class YamlPrinterSpeedTest {

    @Test
    void typicalPod() throws Exception {
        JsonNode pod = PrintGolden.input("pod");
        String expected = PrintGolden.expected("pod.yaml");
        for (int i = 0; i < 3000; i++) {
            YamlPrinter.print(pod);
            JsonPrinter.print(pod);
        }
        int rounds = 5000;
        long start = System.nanoTime();
        String yaml = null;
        for (int i = 0; i < rounds; i++) {
            yaml = YamlPrinter.print(pod);
        }
        long yamlNanos = System.nanoTime() - start;
        start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            JsonPrinter.print(pod);
        }
        long jsonNanos = System.nanoTime() - start;
        start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            PrintGolden.JSON.writeValueAsString(pod);
        }
        long jacksonNanos = System.nanoTime() - start;
        System.out.printf("kubectl -o yaml of a typical pod (%d bytes): %.1f µs per print; -o json: %.1f µs;"
                        + " Jackson's compact JSON of the same tree, for scale: %.1f µs%n", yaml.length(),
                yamlNanos / 1000.0 / rounds, jsonNanos / 1000.0 / rounds, jacksonNanos / 1000.0 / rounds);
        assertEquals(expected, yaml);
    }
}
