package io.kubelab.kubectl.describe;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code printAnnotationsMultiline} and {@code printLabelsMultiline}: folding, cutting, skipping, alignment. */
class MetaTest {

    @Test
    void longAndMultiLineAnnotationsAreFoldedAndCutAt140Bytes() {
        Map<String, String> annotations = new TreeMap<>();
        annotations.put("a", "x");
        annotations.put("kubectl.kubernetes.io/last-applied-configuration", "{\"never\":\"shown\"}\n");
        annotations.put("long", "y".repeat(200));
        annotations.put("multi", "first\nsecond\n");
        annotations.put("wide", "é".repeat(70));
        TabWriter out = new TabWriter();
        Meta.annotationsMultiline(new PrefixWriter(out), "Annotations", annotations);
        String pad = " ".repeat(14);
        assertEquals("Annotations:  a: x\n"
                + pad + "long:\n"
                + pad + "  " + "y".repeat(138) + "...\n"
                + pad + "multi:\n"
                + pad + "  first\n"
                + pad + "  second\n"
                + pad + "wide:\n"
                + pad + "  " + "é".repeat(69) + "...\n", out.flush());
    }

    @Test
    void noLabelsAndSeveralLabels() {
        TabWriter out = new TabWriter();
        PrefixWriter w = new PrefixWriter(out);
        Meta.labelsMultiline(w, "Labels", Map.of());
        Meta.labelsMultiline(w, "Node-Selectors", new TreeMap<>(Map.of("b", "2", "a", "1")));
        assertEquals("Labels:          <none>\nNode-Selectors:  a=1\n                 b=2\n", out.flush());
    }
}
