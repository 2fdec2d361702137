package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * go-yaml v2's block emitter (libyaml's, as sigs.k8s.io/yaml drives it for kubectl) walking a JSON tree directly:
 * the same indent stack, column, "whitespace" and "indention" flags and the same decisions, so the layout follows
 * from the rules rather than from examples: two-space indents, sequences inside mappings written at the key's
 * level, empty collections in flow style ({} and []), keys over 128 bytes or spanning lines as complex keys
 * ({@code ? }), long plain and quoted scalars folded at a space once past column 80, literal blocks with their
 * indentation and chomping indicators. Input values are already what go-yaml sees (see {@link YamlPrinter}).
 */
final class GoYamlEmitter {

    private static final int BEST_INDENT = 2;
    private static final int BEST_WIDTH = 80;
    private static final int MAX_SIMPLE_KEY_BYTES = 128;

    private final StringBuilder out;
    private int column;
    private int indent = -1;
    private int[] indents = new int[16];
    private int depth;
    private boolean whitespace = true;
    private boolean indention = true;

    GoYamlEmitter(StringBuilder out) {
        this.out = out;
    }

    /** One document: the root node, then the document end's line break. */
    void document(JsonNode root) {
        node(root, false, false);
        writeIndent();
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
        increaseIndent(false, false);
        String[] keys = new String[node.size()];
        JsonNode[] values = new JsonNode[keys.length];
        sortedEntries(node, keys, values);
        for (int k = 0; k < keys.length; k++) {
            String key = keys[k];
            writeIndent();
            GoYamlScalar analysis = GoYamlScalar.analyze(key);
            if (!analysis.multiline && utf8Length(key) <= MAX_SIMPLE_KEY_BYTES) {
                stringScalar(key, analysis, true);
                writeIndicator(":", false, false, false);
            } else {
                writeIndicator("?", true, false, true);
                stringScalar(key, analysis, false);
                writeIndent();
                writeIndicator(":", true, false, true);
            }
            node(values[k], true, false);
        }
        popIndent();
    }

    private void blockSequence(JsonNode node, boolean mappingContext) {
        increaseIndent(false, mappingContext && !indention);
        for (JsonNode item : node) {
            writeIndent();
            writeIndicator("-", true, false, true);
            node(item, false, false);
        }
        popIndent();
    }

    private void emptyFlow(char open, char close) {
        writeIndicator(String.valueOf(open), true, true, false);
        writeIndicator(String.valueOf(close), false, false, false);
    }

    private void stringScalar(String value, boolean simpleKey) {
        stringScalar(value, GoYamlScalar.analyze(value), simpleKey);
    }

    private void stringScalar(String value, GoYamlScalar analysis, boolean simpleKey) {
        int style = analysis.styleForString(value, simpleKey);
        increaseIndent(true, false);
        switch (style) {
            case GoYamlScalar.PLAIN -> writePlain(value, !simpleKey);
            case GoYamlScalar.SINGLE_QUOTED -> writeSingleQuoted(value, !simpleKey);
            case GoYamlScalar.LITERAL -> writeLiteral(value);
            default -> writeDoubleQuoted(value, !simpleKey);
        }
        popIndent();
    }

    private void plainScalar(String text, boolean simpleKey) {
        increaseIndent(true, false);
        writePlain(text, !simpleKey);
        popIndent();
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

    // ---- the emitter's primitives ----

    private void increaseIndent(boolean flow, boolean indentless) {
        if (depth == indents.length) {
            indents = Arrays.copyOf(indents, depth * 2);
        }
        indents[depth++] = indent;
        if (indent < 0) {
            indent = flow ? BEST_INDENT : 0;
        } else if (!indentless) {
            indent += BEST_INDENT;
        }
    }

    private void popIndent() {
        indent = indents[--depth];
    }

    private void put(char c) {
        out.append(c);
        column++;
    }

    private void write(int codePoint) {
        out.appendCodePoint(codePoint);
        column++;
    }

    private void putBreak() {
        out.append('\n');
        column = 0;
    }

    private void writeBreak(int codePoint) {
        if (codePoint == '\n') {
            putBreak();
        } else {
            out.appendCodePoint(codePoint);
            column = 0;
        }
        indention = true;
    }

    private void writeIndent() {
        int at = Math.max(indent, 0);
        if (!indention || column > at || (column == at && !whitespace)) {
            putBreak();
        }
        while (column < at) {
            put(' ');
        }
        whitespace = true;
        indention = true;
    }

    private void writeIndicator(String indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
        if (needWhitespace && !whitespace) {
            put(' ');
        }
        for (int i = 0; i < indicator.length(); i++) {
            put(indicator.charAt(i));
        }
        whitespace = isWhitespace;
        indention = indention && isIndention;
    }

    private void writePlain(String value, boolean allowBreaks) {
        if (!whitespace) {
            put(' ');
        }
        boolean spaces = false;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            int next = i + Character.charCount(c);
            if (c == ' ') {
                if (allowBreaks && !spaces && column > BEST_WIDTH && !(next < value.length() && value.charAt(next) == ' ')) {
                    writeIndent();
                } else {
                    write(c);
                }
                spaces = true;
            } else {
                write(c);
                indention = false;
                spaces = false;
            }
            i = next;
        }
        whitespace = value.isEmpty() && whitespace;
        indention = false;
    }

    private void writeSingleQuoted(String value, boolean allowBreaks) {
        writeIndicator("'", true, false, false);
        boolean spaces = false;
        boolean breaks = false;
        int length = value.length();
        for (int i = 0; i < length; ) {
            int c = value.codePointAt(i);
            int next = i + Character.charCount(c);
            if (c == ' ') {
                if (allowBreaks && !spaces && column > BEST_WIDTH && i > 0 && next < length && value.charAt(next) != ' ') {
                    writeIndent();
                } else {
                    write(c);
                }
                spaces = true;
            } else if (GoYamlScalar.isBreak(c)) {
                if (!breaks && c == '\n') {
                    putBreak();
                }
                writeBreak(c);
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                if (c == '\'') {
                    put('\'');
                }
                write(c);
                indention = false;
                spaces = false;
                breaks = false;
            }
            i = next;
        }
        writeIndicator("'", false, false, false);
        whitespace = false;
        indention = false;
    }

    private void writeDoubleQuoted(String value, boolean allowBreaks) {
        writeIndicator("\"", true, false, false);
        // go-yaml's is_bom looks at the start of the string, not at the current character: a string that starts
        // with a BOM has every character escaped
        boolean escapeAll = value.startsWith("\uFEFF");
        boolean spaces = false;
        int length = value.length();
        for (int i = 0; i < length; ) {
            int c = value.codePointAt(i);
            int next = i + Character.charCount(c);
            if (escapeAll || !GoYamlScalar.isPrintable(c) || GoYamlScalar.isBreak(c) || c == '"' || c == '\\') {
                writeEscape(c);
                spaces = false;
            } else if (c == ' ') {
                if (allowBreaks && !spaces && column > BEST_WIDTH && i > 0 && next < length) {
                    writeIndent();
                    if (value.charAt(next) == ' ') {
                        put('\\');
                    }
                } else {
                    write(c);
                }
                spaces = true;
            } else {
                write(c);
                spaces = false;
            }
            i = next;
        }
        writeIndicator("\"", false, false, false);
        whitespace = false;
        indention = false;
    }

    private void writeEscape(int c) {
        put('\\');
        switch (c) {
            case 0x00 -> put('0');
            case 0x07 -> put('a');
            case 0x08 -> put('b');
            case 0x09 -> put('t');
            case 0x0A -> put('n');
            case 0x0B -> put('v');
            case 0x0C -> put('f');
            case 0x0D -> put('r');
            case 0x1B -> put('e');
            case 0x22 -> put('"');
            case 0x5C -> put('\\');
            case 0x85 -> put('N');
            case 0xA0 -> put('_');
            case 0x2028 -> put('L');
            case 0x2029 -> put('P');
            default -> {
                int digits;
                if (c <= 0xFF) {
                    put('x');
                    digits = 2;
                } else if (c <= 0xFFFF) {
                    put('u');
                    digits = 4;
                } else {
                    put('U');
                    digits = 8;
                }
                for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
                    put(Character.toUpperCase(Character.forDigit((c >> shift) & 0xF, 16)));
                }
            }
        }
    }

    private void writeLiteral(String value) {
        writeIndicator("|", true, false, false);
        writeBlockScalarHints(value);
        putBreak();
        indention = true;
        whitespace = true;
        boolean breaks = true;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (GoYamlScalar.isBreak(c)) {
                writeBreak(c);
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                write(c);
                indention = false;
                breaks = false;
            }
            i += Character.charCount(c);
        }
    }

    private void writeBlockScalarHints(String value) {
        int first = value.codePointAt(0);
        if (first == ' ' || GoYamlScalar.isBreak(first)) {
            writeIndicator(String.valueOf((char) ('0' + BEST_INDENT)), false, false, false);
        }
        int last = value.codePointBefore(value.length());
        String chomp = null;
        if (!GoYamlScalar.isBreak(last)) {
            chomp = "-";
        } else {
            int lastStart = value.length() - Character.charCount(last);
            if (lastStart == 0 || GoYamlScalar.isBreak(value.codePointBefore(lastStart))) {
                chomp = "+";
            }
        }
        if (chomp != null) {
            writeIndicator(chomp, false, false, false);
        }
    }
}
