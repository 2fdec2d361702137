package io.kubelab.kubectl.print;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code text/tabwriter} as kubectl configures it ({@code cli-runtime/pkg/printers/tabwriter.go}: min
 * width 6, padding 3, padded with spaces), with the {@code RememberWidths} flag of the
 * {@code github.com/liggitt/tabwriter} fork kubectl uses: columns never narrow across flushes, which is how
 * {@code get -w} keeps later rows aligned with the first ones. Cells end at a tab; a line's last cell (before
 * the newline) is not part of a column. Tabs, vertical tabs and newlines are special; kubectl cuts cells at
 * form feeds and carriage returns before they get here, and sets no escape or HTML flag.
 */
final class TabWriter {

    static final int MIN_WIDTH = 6;
    static final int PADDING = 3;

    private record Cell(String text, int width) {
    }

    private final StringBuilder out;
    private final List<List<Cell>> lines = new ArrayList<>();
    private final StringBuilder cell = new StringBuilder();
    private final List<Integer> widths = new ArrayList<>();
    private List<Integer> maxWidths = new ArrayList<>();

    TabWriter(StringBuilder out) {
        this.out = out;
        reset();
    }

    /** {@code SetRememberedWidths(nil)}: kubectl forgets the widths when a new kind starts. */
    void forgetWidths() {
        maxWidths = new ArrayList<>();
    }

    void write(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\t' || ch == '\u000b' || ch == '\n') {
                int cells = terminateCell();
                if (ch == '\n') {
                    lines.add(new ArrayList<>());
                    if (cells == 1) {
                        // A line without tabs cannot change the layout of what follows: Go flushes here.
                        flush();
                    }
                }
            } else {
                cell.append(ch);
            }
        }
    }

    void flush() {
        if (cell.length() > 0) {
            terminateCell();
        }
        format(0, lines.size());
        reset();
    }

    private void reset() {
        lines.clear();
        lines.add(new ArrayList<>());
        cell.setLength(0);
    }

    private int terminateCell() {
        List<Cell> line = lines.get(lines.size() - 1);
        String text = cell.toString();
        line.add(new Cell(text, text.codePointCount(0, text.length())));
        cell.setLength(0);
        return line.size();
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

    /** liggitt/tabwriter's RememberWidths: a column is at least as wide as it ever was since the last reset. */
    private int remembered(int width) {
        int column = widths.size();
        while (maxWidths.size() < column) {
            maxWidths.add(widths.get(maxWidths.size()));
        }
        if (maxWidths.size() == column) {
            maxWidths.add(width);
            return width;
        }
        int max = maxWidths.get(column);
        if (max > width) {
            return max;
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
                    for (int n = widths.get(j) - c.width(); n > 0; n--) {
                        out.append(' ');
                    }
                }
            }
            if (i + 1 != lines.size()) {
                out.append('\n');
            }
        }
    }
}
