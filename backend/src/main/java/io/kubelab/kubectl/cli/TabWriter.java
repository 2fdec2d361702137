package io.kubelab.kubectl.cli;

/**
 * Rows through kubectl's tab writer ({@link io.kubelab.kubectl.go.TabWriter#kubectl}: min width 6, padding 3,
 * spaces, RememberWidths), for commands that print a table of their own. Each {@link #row} is one line of
 * tab-separated cells; nothing is laid out until {@link #flush()}.
 */
public final class TabWriter {

    private final StringBuilder text = new StringBuilder();

    /** Adds one line; {@code cells} are the tab-separated cells, the last one unterminated. */
    public TabWriter row(String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            text.append(cells[i]);
        }
        text.append('\n');
        return this;
    }

    /** Aligns text whose cells are separated by tabs, as writing it through the tab writer and flushing does. */
    public static String align(String text) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 2);
        io.kubelab.kubectl.go.TabWriter.kubectl(out).write(text).flush();
        return out.toString();
    }

    /** The rows added so far, laid out; the writer is empty again afterwards. */
    public String flush() {
        String out = align(text.toString());
        text.setLength(0);
        return out;
    }
}
