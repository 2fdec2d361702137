package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.kubectl.go.GoSort;
import io.kubelab.kubectl.go.GoText;
import io.kubelab.model.LabelSelector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_0;

/** The metadata lines every describer shares: labels, annotations, selectors, taints, tolerations, owners. */
final class Meta {

    static final String NONE = "<none>";
    static final String UNSET = "<unset>";

    /** Longer annotations are folded onto their own lines and cut, as {@code maxAnnotationLen} says. */
    private static final int MAX_ANNOTATION_LEN = 140;
    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private Meta() {
    }

    static void name(PrefixWriter w, JsonNode o) {
        w.write(LEVEL_0, "Name:\t" + J.str(o, "metadata", "name") + "\n");
    }

    static void namespace(PrefixWriter w, JsonNode o) {
        w.write(LEVEL_0, "Namespace:\t" + J.str(o, "metadata", "namespace") + "\n");
    }

    static void labels(PrefixWriter w, JsonNode o) {
        labelsMultiline(w, "Labels", J.map(o, "metadata", "labels"));
    }

    static void annotations(PrefixWriter w, JsonNode o) {
        annotationsMultiline(w, "Annotations", J.map(o, "metadata", "annotations"));
    }

    static void created(PrefixWriter w, JsonNode o) {
        w.write(LEVEL_0, "CreationTimestamp:\t" + Ages.date(J.str(o, "metadata", "creationTimestamp")) + "\n");
    }

    /** {@code printLabelsMultiline}. */
    static void labelsMultiline(PrefixWriter w, String title, Map<String, String> labels) {
        labelsMultilineWithIndent(w, "", title, "\t", labels);
    }

    static void labelsMultilineWithIndent(PrefixWriter w, String initialIndent, String title, String innerIndent,
                                          Map<String, String> labels) {
        w.write(LEVEL_0, initialIndent + title + ":" + innerIndent);
        if (labels.isEmpty()) {
            w.writeLine(NONE);
            return;
        }
        boolean first = true;
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (!first) {
                w.write(LEVEL_0, initialIndent);
                w.write(LEVEL_0, innerIndent);
            }
            first = false;
            w.write(LEVEL_0, e.getKey() + "=" + e.getValue() + "\n");
        }
    }

    /** {@code printAnnotationsMultiline}: the last-applied configuration is never shown. */
    static void annotationsMultiline(PrefixWriter w, String title, Map<String, String> annotations) {
        w.write(LEVEL_0, title + ":\t");
        List<String> keys = new ArrayList<>();
        for (String key : annotations.keySet()) {
            if (!key.equals(LAST_APPLIED)) {
                keys.add(key);
            }
        }
        if (keys.isEmpty()) {
            w.writeLine(NONE);
            return;
        }
        String indent = "\t";
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (i != 0) {
                w.write(LEVEL_0, indent);
            }
            String value = annotations.get(key);
            if (value.endsWith("\n")) {
                value = value.substring(0, value.length() - 1);
            }
            if (GoText.utf8Length(value) + GoText.utf8Length(key) + 2 > MAX_ANNOTATION_LEN || value.contains("\n")) {
                w.write(LEVEL_0, key + ":\n");
                for (String s : value.split("\n", -1)) {
                    w.write(LEVEL_0, indent + "  " + shorten(s, MAX_ANNOTATION_LEN - 2) + "\n");
                }
            } else {
                w.write(LEVEL_0, key + ": " + value + "\n");
            }
        }
    }

    /** Go's {@code shorten}: cut at {@code max} bytes (here at the last whole character within them). */
    private static String shorten(String s, int max) {
        if (GoText.utf8Length(s) <= max) {
            return s;
        }
        int bytes = 0;
        int end = 0;
        while (end < s.length()) {
            int cp = s.codePointAt(end);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > max) {
                break;
            }
            bytes += size;
            end += Character.charCount(cp);
        }
        return s.substring(0, end) + "...";
    }

    /** {@code labels.FormatLabels}: {@code k=v,k2=v2} sorted, {@code <none>} when empty. */
    static String formatLabels(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return NONE;
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(e.getKey()).append('=').append(e.getValue());
        }
        return b.toString();
    }

    /** {@code LabelSelectorAsSelector(s).String()}: empty for an empty selector. */
    static String selector(JsonNode selector) {
        if (selector.isMissingNode() || selector.isNull()) {
            return "";
        }
        try {
            return LabelSelector.fromJson(selector).toString();
        } catch (IllegalArgumentException e) {
            return "<error>";
        }
    }

    /** {@code metav1.FormatLabelSelector}: {@code <none>} for an empty one. */
    static String formatSelector(JsonNode selector) {
        String s = selector(selector);
        return s.isEmpty() ? NONE : s;
    }

    /** {@code printController}: the controlling owner as {@code Kind/name}, or empty. */
    static String controller(JsonNode o) {
        for (JsonNode ref : J.list(o, "metadata", "ownerReferences")) {
            if (ref.path("controller").asBoolean(false)) {
                return J.str(ref, "kind") + "/" + J.str(ref, "name");
            }
        }
        return "";
    }

    static void controlledBy(PrefixWriter w, JsonNode o) {
        String by = controller(o);
        if (!by.isEmpty()) {
            w.write(LEVEL_0, "Controlled By:\t" + by + "\n");
        }
    }

    /** {@code printNodeTaintsMultiline}: sorted by effect then key, each as {@code Taint.ToString}. */
    static void taints(PrefixWriter w, String title, List<JsonNode> taints) {
        w.write(LEVEL_0, title + ":\t");
        if (taints.isEmpty()) {
            w.writeLine(NONE);
            return;
        }
        List<JsonNode> sorted = new ArrayList<>(taints);
        GoSort.sort(sorted, Comparator.comparing(t -> J.str(t, "effect") + "," + J.str(t, "key")));
        for (int i = 0; i < sorted.size(); i++) {
            if (i != 0) {
                w.write(LEVEL_0, "\t");
            }
            w.write(LEVEL_0, taint(sorted.get(i)) + "\n");
        }
    }

    /** {@code Taint.ToString}: {@code key=value:effect}, the value and effect only when set. */
    static String taint(JsonNode t) {
        String key = J.str(t, "key");
        String value = J.str(t, "value");
        String effect = J.str(t, "effect");
        if (effect.isEmpty()) {
            return value.isEmpty() ? key : key + "=" + value + ":";
        }
        return value.isEmpty() ? key + ":" + effect : key + "=" + value + ":" + effect;
    }

    /** {@code printPodTolerationsMultiline} with an initial indent (pod templates indent theirs). */
    static void tolerations(PrefixWriter w, String initialIndent, String title, List<JsonNode> tolerations) {
        w.write(LEVEL_0, initialIndent + title + ":\t");
        if (tolerations.isEmpty()) {
            w.writeLine(NONE);
            return;
        }
        List<JsonNode> sorted = new ArrayList<>(tolerations);
        GoSort.sort(sorted, Comparator.comparing(t -> J.str(t, "key")));
        for (int i = 0; i < sorted.size(); i++) {
            JsonNode t = sorted.get(i);
            if (i != 0) {
                w.write(LEVEL_0, initialIndent);
                w.write(LEVEL_0, "\t");
            }
            String key = J.str(t, "key");
            String value = J.str(t, "value");
            String effect = J.str(t, "effect");
            StringBuilder b = new StringBuilder(key);
            if (!value.isEmpty()) {
                b.append('=').append(value);
            }
            if (!effect.isEmpty()) {
                b.append(':').append(effect);
            }
            if (J.str(t, "operator").equals("Exists") && value.isEmpty()) {
                b.append(!key.isEmpty() || !effect.isEmpty() ? " op=Exists" : "op=Exists");
            }
            if (J.has(t, "tolerationSeconds")) {
                b.append(" for ").append(J.num(t, "tolerationSeconds")).append('s');
            }
            w.write(LEVEL_0, b + "\n");
        }
    }

    static String orNone(String s) {
        return s.isEmpty() ? NONE : s;
    }

    static String printBool(boolean b) {
        return b ? "True" : "False";
    }

    /** {@code printBoolPtr}: {@code <unset>} when absent. */
    static String boolPtr(JsonNode o, String... path) {
        return J.has(o, path) ? printBool(J.bool(o, path)) : UNSET;
    }
}
