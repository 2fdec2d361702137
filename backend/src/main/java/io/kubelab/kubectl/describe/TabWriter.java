package io.kubelab.kubectl.describe;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code text/tabwriter} with the settings kubectl's describers use ({@code minwidth 0, tabwidth 8,
 * padding 2, padchar ' ', flags 0}): cells are tab-terminated, the last cell of a line is not part of any
 * column, and a column is a run of consecutive lines that all have a cell there, padded to its widest
 * cell plus two. Text is buffered and laid out once, at {@link #flush()}.
 */
final class TabWriter {

    private static final int PADDING = 2;

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
        List<String[]> lines = split(text);
        StringBuilder out = new StringBuilder(text.length() + text.length() / 2);
        int[] widths = new int[16];
        format(lines, out, widths, 0, 0, lines.size());
        // The last line has no newline after it (it is what was written after the last '\n').
        if (!lines.isEmpty()) {
            out.setLength(out.length() - 1);
        }
        text.setLength(0);
        return out.toString();
    }

    private static List<String[]> split(CharSequence s) {
        List<String[]> lines = new ArrayList<>();
        int start = 0;
        int n = s.length();
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\t') {
                cells.add(s.subSequence(start, i).toString());
                start = i + 1;
            } else if (c == '\n') {
                cells.add(s.subSequence(start, i).toString());
                lines.add(cells.toArray(new String[0]));
                cells.clear();
                start = i + 1;
            }
        }
        cells.add(s.subSequence(start, n).toString());
        lines.add(cells.toArray(new String[0]));
        return lines;
    }

    /** Go's {@code format}: the widths of column {@code column} per block, recursing to the right. */
    private static void format(List<String[]> lines, StringBuilder out, int[] widths, int column, int line0, int line1) {
        for (int at = line0; at < line1; at++) {
            if (column >= lines.get(at).length - 1) {
                continue;
            }
            writeLines(lines, out, widths, column, line0, at);
            line0 = at;
            int width = 0;
            for (; at < line1; at++) {
                String[] line = lines.get(at);
                if (column >= line.length - 1) {
                    break;
                }
                width = Math.max(width, cellWidth(line[column]) + PADDING);
            }
            int[] wider = widths.length > column ? widths : java.util.Arrays.copyOf(widths, column * 2 + 1);
            wider[column] = width;
            format(lines, out, wider, column + 1, line0, at);
            line0 = at;
            at--;
        }
        writeLines(lines, out, widths, column, line0, line1);
    }

    private static void writeLines(List<String[]> lines, StringBuilder out, int[] widths, int known, int line0, int line1) {
        for (int i = line0; i < line1; i++) {
            String[] line = lines.get(i);
            for (int j = 0; j < line.length; j++) {
                String cell = line[j];
                out.append(cell);
                if (j < known && j < line.length - 1) {
                    for (int pad = widths[j] - cellWidth(cell); pad > 0; pad--) {
                        out.append(' ');
                    }
                }
            }
            out.append('\n');
        }
    }

    /** Go counts a cell's width in runes (code points). */
    private static int cellWidth(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
