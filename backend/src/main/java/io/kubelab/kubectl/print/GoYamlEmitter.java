package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * go-yaml v2's block emitter (libyaml's, as sigs.k8s.io/yaml drives it for kubectl) walking a JSON tree directly,
 * event by event as the encoder would emit them: two-space indents, sequences inside mappings written at the key's
 * level, empty collections in flow style ({} and []), keys over 128 bytes or spanning lines as complex keys
 * ({@code ? }), each scalar's style chosen as the encoder and emitter choose it ({@link GoYamlScalar}). Strings and
 * keys are first what go-yaml reads back from kubectl's JSON ({@link YamlReadBack}); the text itself is laid out
 * by {@link GoYamlWriter}.
 */
final class GoYamlEmitter {

    private static final int MAX_SIMPLE_KEY_BYTES = 128;

    private final GoYamlWriter w;

    GoYamlEmitter(StringBuilder out) {
        this.w = new GoYamlWriter(out);
    }

    /** One document: the root node, then the document end's line break. */
    void document(JsonNode root) {
        node(root, false, false);
        w.writeIndent();
    }

    private void node(JsonNode node, boolean mappingContext, boolean simpleKey) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                emptyFlow('{', '}');
            } else {
                blockMapping(node);
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                emptyFlow('[', ']');
            } else {
                blockSequence(node, mappingContext);
            }
        } else if (node.isTextual()) {
            stringScalar(YamlReadBack.text(node.textValue()), simpleKey);
        } else {
            plainScalar(scalarText(node), simpleKey);
        }
    }

    private void blockMapping(JsonNode node) {
        w.increaseIndent(false, false);
        String[] keys = new String[node.size()];
        JsonNode[] values = new JsonNode[keys.length];
        sortedEntries(node, keys, values);
        for (int k = 0; k < keys.length; k++) {
            String key = keys[k];
            w.writeIndent();
            GoYamlScalar analysis = GoYamlScalar.analyze(key);
            if (!analysis.multiline && utf8Length(key) <= MAX_SIMPLE_KEY_BYTES) {
                stringScalar(key, analysis, true);
                w.writeIndicator(":", false, false, false);
            } else {
                w.writeIndicator("?", true, false, true);
                stringScalar(key, analysis, false);
                w.writeIndent();
                w.writeIndicator(":", true, false, true);
            }
            node(values[k], true, false);
        }
        w.popIndent();
    }

    private void blockSequence(JsonNode node, boolean mappingContext) {
        w.increaseIndent(false, mappingContext && !w.indention());
        for (JsonNode item : node) {
            w.writeIndent();
            w.writeIndicator("-", true, false, true);
            node(item, false, false);
        }
        w.popIndent();
    }

    private void emptyFlow(char open, char close) {
        w.writeIndicator(String.valueOf(open), true, true, false);
        w.writeIndicator(String.valueOf(close), false, false, false);
    }

    private void stringScalar(String value, boolean simpleKey) {
        stringScalar(value, GoYamlScalar.analyze(value), simpleKey);
    }

    private void stringScalar(String value, GoYamlScalar analysis, boolean simpleKey) {
        int style = analysis.styleForString(value, simpleKey);
        w.increaseIndent(true, false);
        switch (style) {
            case GoYamlScalar.PLAIN -> w.writePlain(value, !simpleKey);
            case GoYamlScalar.SINGLE_QUOTED -> w.writeSingleQuoted(value, !simpleKey);
            case GoYamlScalar.LITERAL -> w.writeLiteral(value);
            default -> w.writeDoubleQuoted(value, !simpleKey);
        }
        w.popIndent();
    }

    private void plainScalar(String text, boolean simpleKey) {
        w.increaseIndent(true, false);
        w.writePlain(text, !simpleKey);
        w.popIndent();
    }

    private static int utf8Length(String s) {
        if (s.length() * 3 <= MAX_SIMPLE_KEY_BYTES) {
            return s.length() * 3;
        }
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Numbers, booleans and null as go-yaml's encoder writes them after the JSON round trip. */
    private static String scalarText(JsonNode node) {
        if (node.isNumber()) {
            return YamlNumbers.text(node);
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "true" : "false";
        }
        return "null";
    }

    /** The mapping's keys as go-yaml reads them back, in go-yaml's order, with their values alongside. */
    private static void sortedEntries(JsonNode node, String[] keys, JsonNode[] values) {
        int i = 0;
        boolean changed = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); i++) {
            Map.Entry<String, JsonNode> field = it.next();
            keys[i] = YamlReadBack.text(field.getKey());
            changed |= !keys[i].equals(field.getKey());
        }
        GoYamlKeyOrder.sort(keys);
        for (i = 0; i < keys.length; i++) {
            values[i] = changed ? valueFor(node, keys[i]) : node.get(keys[i]);
        }
    }

    private static JsonNode valueFor(JsonNode node, String readBackKey) {
        JsonNode found = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (YamlReadBack.text(field.getKey()).equals(readBackKey)) {
                found = field.getValue(); // as go-yaml, the later of two keys that read back alike wins
            }
        }
        return found;
    }
}
