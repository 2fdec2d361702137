package io.kubelab.kubectl.print;

import java.util.Arrays;

/**
 * The output side of go-yaml v2's emitter: the column, the indent stack and the "whitespace" and "indention" flags
 * that decide every space and line break, and the four scalar writers (plain, single-quoted, double-quoted with
 * go-yaml's escapes, literal block with its indentation and chomping indicators), folding long plain and quoted
 * scalars at a space once past column 80. {@link GoYamlEmitter} drives it through the document's structure.
 */
final class GoYamlWriter {

    private static final int BEST_INDENT = 2;
    private static final int BEST_WIDTH = 80;

    private final StringBuilder out;
    private int column;
    private int indent = -1;
    private int[] indents = new int[16];
    private int depth;
    private boolean whitespace = true;
    private boolean indention = true;

    GoYamlWriter(StringBuilder out) {
        this.out = out;
    }

    /** Whether nothing but indentation has been written on the current line since it began. */
    boolean indention() {
        return indention;
    }

    void increaseIndent(boolean flow, boolean indentless) {
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

    void popIndent() {
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

    void writeIndent() {
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

    void writeIndicator(String indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
        if (needWhitespace && !whitespace) {
            put(' ');
        }
        for (int i = 0; i < indicator.length(); i++) {
            put(indicator.charAt(i));
        }
        whitespace = isWhitespace;
        indention = indention && isIndention;
    }

    void writePlain(String value, boolean allowBreaks) {
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

    void writeSingleQuoted(String value, boolean allowBreaks) {
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

    void writeDoubleQuoted(String value, boolean allowBreaks) {
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

    void writeLiteral(String value) {
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
