package io.kubelab.kubectl.print;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's text/tabwriter (liggitt's fork) as cli-runtime's GetNewTabWriter sets it up for kubectl: minimum width 6,
 * padding 3, padded with spaces, RememberWidths. Cells end at a tab (or vertical tab); a column's width is the
 * widest cell plus the padding over a block of consecutive lines that have the column, at least 6 and at least what
 * an earlier flush gave that column; a line's last cell is not padded. A form feed ends the line and flushes, as
 * does the end of a line that has a single cell. Widths count runes.
 */
final class CustomColumnsTabWriter {

    private static final int MIN_WIDTH = 6;
    private static final int PADDING = 3;

    private record Cell(String text, int width) {
    }

    private final StringBuilder out;
    private final List<List<Cell>> lines = new ArrayList<>();
    private final List<Integer> widths = new ArrayList<>();
    private final List<Integer> maxWidths = new ArrayList<>();
    private final StringBuilder cell = new StringBuilder();

    private CustomColumnsTabWriter(StringBuilder out) {
        this.out = out;
        lines.add(new ArrayList<>());
    }

    /** Lays out {@code text} in one writer, flushed at the end. */
    static String format(String text) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 2);
        CustomColumnsTabWriter writer = new CustomColumnsTabWriter(out);
        writer.write(text);
        writer.flush();
        return out.toString();
    }

    private void write(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\t' || ch == '\u000B' || ch == '\n' || ch == '\f') {
                int cells = terminateCell();
                if (ch == '\n' || ch == '\f') {
                    lines.add(new ArrayList<>());
                    if (ch == '\f' || cells == 1) {
                        flush();
                    }
                }
            } else {
                cell.append(ch);
            }
        }
    }

    private int terminateCell() {
        List<Cell> line = lines.get(lines.size() - 1);
        String text = cell.toString();
        line.add(new Cell(text, text.codePointCount(0, text.length())));
        cell.setLength(0);
        return line.size();
    }

    private void flush() {
        if (cell.length() > 0) {
            terminateCell();
        }
        format(0, lines.size());
        lines.clear();
        lines.add(new ArrayList<>());
    }

    private void format(int line0, int line1) {
        int column = widths.size();
        for (int current = line0; current < line1; current++) {
            if (column >= lines.get(current).size() - 1) {
                continue;
            }
            writeLines(line0, current);
            line0 = current;
            int width = MIN_WIDTH;
            for (; current < line1; current++) {
                List<Cell> line = lines.get(current);
                if (column >= line.size() - 1) {
                    break;
                }
                width = Math.max(width, line.get(column).width() + PADDING);
            }
            width = remembered(width);
            widths.add(width);
            format(line0, current);
            widths.remove(widths.size() - 1);
            line0 = current;
        }
        writeLines(line0, line1);
    }

    /** RememberWidths: a column is never narrower than it was in an earlier block. */
    private int remembered(int width) {
        int column = widths.size();
        while (maxWidths.size() < column) {
            maxWidths.add(widths.get(maxWidths.size()));
        }
        if (maxWidths.size() == column) {
            maxWidths.add(width);
            return width;
        }
        if (maxWidths.get(column) > width) {
            return maxWidths.get(column);
        }
        maxWidths.set(column, width);
        return width;
    }

    private void writeLines(int line0, int line1) {
        for (int i = line0; i < line1; i++) {
            List<Cell> line = lines.get(i);
            for (int j = 0; j < line.size(); j++) {
                Cell c = line.get(j);
                out.append(c.text());
                if (j < widths.size()) {
                    out.append(" ".repeat(Math.max(widths.get(j) - c.width(), 0)));
                }
            }
            if (i + 1 < lines.size()) {
                out.append('\n');
            }
        }
    }
}
