package io.kubelab.kubectl.print;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code -o json} against what the real kubectl 1.32 printed for the same objects as the YAML goldens. */
class JsonPrinterGoldenTest {

    @ParameterizedTest
    @ValueSource(strings = {"pod", "pods", "deployment", "service", "node", "configmap", "secret", "events",
            "kube-system-pods", "configmap-tricky", "configmap-numbers", "configmap-nel", "configmap-bom",
            "configmap-emoji", "configmap-controls", "configmap-structure", "configmap-random", "configmap-random2", "configmap-resolve"})
    void printsAsKubectl(String name) throws Exception {
        PrintGolden.assertMatches(name + ".json", JsonPrinter.print(PrintGolden.printable(name)));
    }
}
