package io.kubelab.kubectl.print;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's text/tabwriter as kubectl's printers.GetNewTabWriter sets it up (minwidth 0, padding 3, pad with spaces, no
 * flags that change layout): cells end at tabs, a column's width is its widest cell in a block of consecutive lines
 * that have that column, plus the padding; a line's last cell (after its last tab) is not padded. Widths count runes.
 */
final class CustomColumnsTabWriter {

    private static final int PADDING = 3;

    private CustomColumnsTabWriter() {
    }

    /** Lays out {@code text} (lines ending with '\n', cells separated by '\t'). */
    static String format(String text) {
        List<String[]> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            boolean terminated = end >= 0;
            if (!terminated) {
                end = text.length();
            }
            lines.add(text.substring(start, end).split("\t", -1));
            start = end + 1;
        }
        int[][] widths = new int[lines.size()][];
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i);
            widths[i] = new int[cells.length];
            for (int j = 0; j < cells.length; j++) {
                widths[i][j] = cells[j].codePointCount(0, cells[j].length());
            }
        }
        StringBuilder out = new StringBuilder(text.length() + text.length() / 2);
        new Layout(lines, widths, out).format(0, lines.size(), new ArrayList<>());
        if (!text.endsWith("\n") && out.length() > 0) {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    private record Layout(List<String[]> lines, int[][] cellWidths, StringBuilder out) {

        /** tabwriter's format: find column blocks recursively, then write the lines with the widths found. */
        void format(int line0, int line1, List<Integer> columnWidths) {
            int column = columnWidths.size();
            for (int current = line0; current < line1; current++) {
                if (column >= lines.get(current).length - 1) {
                    continue;
                }
                write(line0, current, columnWidths);
                line0 = current;
                int width = 0;
                for (; current < line1; current++) {
                    if (column >= lines.get(current).length - 1) {
                        break;
                    }
                    width = Math.max(width, cellWidths[current][column] + PADDING);
                }
                columnWidths.add(width);
                format(line0, current, columnWidths);
                columnWidths.remove(columnWidths.size() - 1);
                line0 = current;
            }
            write(line0, line1, columnWidths);
        }

        void write(int line0, int line1, List<Integer> columnWidths) {
            for (int i = line0; i < line1; i++) {
                String[] cells = lines.get(i);
                for (int j = 0; j < cells.length; j++) {
                    out.append(cells[j]);
                    if (j < columnWidths.size()) {
                        out.append(" ".repeat(Math.max(columnWidths.get(j) - cellWidths[i][j], 0)));
                    }
                }
                out.append('\n');
            }
        }
    }
}
