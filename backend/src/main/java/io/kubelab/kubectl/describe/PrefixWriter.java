package io.kubelab.kubectl.describe;

/**
 * kubectl's {@code PrefixWriter}: text at an indentation level (two spaces a level) into the describe
 * tab writer, with terminal escapes neutralised as {@code printers.WriteEscaped} does.
 */
class PrefixWriter {

    static final int LEVEL_0 = 0;
    static final int LEVEL_1 = 1;
    static final int LEVEL_2 = 2;
    static final int LEVEL_3 = 3;
    static final int LEVEL_4 = 4;

    private static final String[] PREFIXES = {"", "  ", "    ", "      ", "        ", "          ", "            "};

    private final TabWriter out;

    PrefixWriter(TabWriter out) {
        this.out = out;
    }

    /** {@code Write(level, format, args...)}, the formatting done by the caller. */
    void write(int level, String text) {
        out.write(escaped(prefix(level) + text));
    }

    /** {@code WriteLine(a)}: the text and a newline, no indentation. */
    void writeLine(String text) {
        out.write(escaped(text + "\n"));
    }

    /** A writer that indents everything {@code indent} more levels, as {@code NewNestedPrefixWriter} does. */
    PrefixWriter nested(int indent) {
        PrefixWriter parent = this;
        return new PrefixWriter(out) {
            @Override
            void write(int level, String text) {
                parent.write(level + indent, text);
            }

            @Override
            void writeLine(String text) {
                parent.write(indent, text + "\n");
            }
        };
    }

    private static String prefix(int level) {
        return level < PREFIXES.length ? PREFIXES[level] : "  ".repeat(level);
    }

    /** {@code printers.EscapeTerminal}: ESC and CR would drive the student's terminal. */
    private static String escaped(String s) {
        if (s.indexOf('\u001b') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\u001b", "^[").replace("\r", "\\r");
    }
}
