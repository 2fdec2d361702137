package io.kubelab.kubectl.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's text/tabwriter as kubectl configures it ({@code minwidth 6, tabwidth 4, padding 3, ' '}): every
 * tab-terminated cell is padded to its column's widest cell plus three spaces; the last cell of a line
 * is written as it is. Lines are buffered until {@link #flush()}.
 */
public final class TabWriter {

    private static final int MIN_WIDTH = 6;
    private static final int PADDING = 3;

    private final List<String[]> lines = new ArrayList<>();

    /** Adds one line; {@code cells} are the tab-separated cells, the last one unterminated. */
    public TabWriter row(String... cells) {
        lines.add(cells);
        return this;
    }

    /** Aligns text whose cells are separated by tabs, as writing it through the tab writer does. */
    public static String align(String text) {
        TabWriter writer = new TabWriter();
        for (String line : text.split("\n", -1)) {
            writer.row(line.split("\t", -1));
        }
        String out = writer.flush();
        // split() gave one empty line after the text's last newline; flush() ended it with one too many.
        return out.substring(0, out.length() - 1);
    }

    public String flush() {
        StringBuilder out = new StringBuilder();
        int start = 0;
        // A column's width is shared by a block of consecutive lines that all have a cell in it.
        while (start < lines.size()) {
            int end = start;
            int cells = lines.get(start).length;
            while (end < lines.size() && lines.get(end).length == cells) {
                end++;
            }
            int[] widths = new int[Math.max(0, cells - 1)];
            for (int i = start; i < end; i++) {
                String[] line = lines.get(i);
                for (int c = 0; c < widths.length; c++) {
                    widths[c] = Math.max(widths[c], line[c].codePointCount(0, line[c].length()));
                }
            }
            for (int i = start; i < end; i++) {
                String[] line = lines.get(i);
                for (int c = 0; c < line.length; c++) {
                    out.append(line[c]);
                    if (c < widths.length) {
                        int width = Math.max(widths[c] + PADDING, MIN_WIDTH);
                        out.append(" ".repeat(width - line[c].codePointCount(0, line[c].length())));
                    }
                }
                out.append('\n');
            }
            start = end;
        }
        lines.clear();
        return out.toString();
    }
}
