package io.kubelab.kubectl.describe;

/**
 * The describers' buffer: kubectl's {@code tabbedString} writes everything through one
 * {@link io.kubelab.kubectl.go.TabWriter#describe Go tab writer} ({@code minwidth 0, tabwidth 8, padding 2, ' '})
 * flushed once at the end, so the text is kept here and laid out at {@link #flush()}.
 */
final class TabWriter {

    private final StringBuilder text = new StringBuilder(1024);

    void write(String s) {
        text.append(s);
    }

    /** What was written, tabs left as they are: kubectl's PrefixWriter over a plain buffer. */
    String raw() {
        String out = text.toString();
        text.setLength(0);
        return out;
    }

    /** Lays out everything written so far, as Go's {@code Flush} does. */
    String flush() {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 2);
        io.kubelab.kubectl.go.TabWriter.describe(out).write(text).flush();
        text.setLength(0);
        return out.toString();
    }
}
