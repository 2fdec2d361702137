package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * {@code kubectl -o yaml}: cli-runtime's YAMLPrinter, which is sigs.k8s.io/yaml's Marshal (the object to JSON, the
 * JSON read back by go-yaml v2 into maps, then go-yaml's encoder). Map keys come out in go-yaml's order, strings
 * that would read back as something else are quoted, multi-line text becomes a literal block, long lines fold at
 * column 80 (see {@link GoYamlEmitter}). Several objects printed one after another (e.g. {@code create -f} with two
 * documents) are separated by {@code ---}; a {@code get} of several objects prints one {@link ObjectList} instead.
 */
public final class YamlPrinter {

    static final String DOCUMENT_SEPARATOR = "---\n";

    private YamlPrinter() {
    }

    /**
     * One object's YAML, ending with a newline.
     *
     * @throws PrintException with kubectl's message when go-yaml would refuse the text
     *                        ({@code yaml: control characters are not allowed})
     */
    public static String print(JsonNode object) {
        StringBuilder out = new StringBuilder(1024);
        new GoYamlEmitter(out).document(object);
        return out.toString();
    }

    /** Objects printed by one printer in turn: each after the first is preceded by {@code ---}. */
    public static String printEach(List<? extends JsonNode> objects) {
        StringBuilder out = new StringBuilder(1024 * objects.size());
        for (int i = 0; i < objects.size(); i++) {
            if (i > 0) {
                out.append(DOCUMENT_SEPARATOR);
            }
            new GoYamlEmitter(out).document(objects.get(i));
        }
        return out.toString();
    }
}
