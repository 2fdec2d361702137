package io.kubelab.kubectl.print;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code -o name} against what the real kubectl 1.32 printed. */
class NamePrinterGoldenTest {

    @ParameterizedTest
    @ValueSource(strings = {"pod", "pods", "deployment", "service", "node", "configmap", "secret", "events",
            "kube-system-pods", "configmap-structure", "configmap-random"})
    void printsAsKubectl(String name) throws Exception {
        PrintGolden.assertMatches(name + ".name", NamePrinter.print(PrintGolden.input(name)));
    }
}
