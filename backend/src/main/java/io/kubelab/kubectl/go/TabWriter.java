package io.kubelab.kubectl.go;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code text/tabwriter.Writer} with the {@code RememberWidths} flag of {@code github.com/liggitt/tabwriter}
 * (the fork kubectl's printers use). Text is cut into cells at tab, vertical tab, newline and form feed; a line's
 * last cell (the text before its newline) belongs to no column. A column block is the run of consecutive lines
 * that have a cell in that column: its width is the widest cell (in runes) plus the padding, at least the minimum
 * width. A newline ending a line of one cell, or any form feed, flushes, since nothing above can move any more.
 * Not ported: {@code FilterHTML}, {@code StripEscape}, {@code Debug} and escaped text (no caller sets them, and
 * Go's escape byte 0xff cannot occur in a Java string's UTF-8).
 */
public final class TabWriter {

    /** Go's {@code AlignRight}: pad cells on the left. */
    public static final int ALIGN_RIGHT = 1 << 2;
    /** Go's {@code DiscardEmptyColumns}: a column whose cells are all empty and soft (not tab-terminated) vanishes. */
    public static final int DISCARD_EMPTY_COLUMNS = 1 << 3;
    /** Go's {@code TabIndent}: leading empty cells are padded with tabs whatever the pad character. */
    public static final int TAB_INDENT = 1 << 4;
    /** liggitt/tabwriter's {@code RememberWidths}: a column never gets narrower than it was in an earlier block. */
    public static final int REMEMBER_WIDTHS = 1 << 6;

    private record Cell(String text, int width, boolean htab) {
    }

    private final StringBuilder out;
    private final int minWidth;
    private final int tabWidth;
    private final int padding;
    private final char padChar;
    private final int flags;
    private final List<List<Cell>> lines = new ArrayList<>();
    private final StringBuilder cell = new StringBuilder();
    private int[] widths = new int[8];
    private int columns;
    private final List<Integer> maxWidths = new ArrayList<>();

    /** {@code NewWriter(out, minwidth, tabwidth, padding, padchar, flags)}, writing into {@code out}. */
    public TabWriter(StringBuilder out, int minWidth, int tabWidth, int padding, char padChar, int flags) {
        this.out = out;
        this.minWidth = minWidth;
        this.tabWidth = tabWidth;
        this.padding = padding;
        this.padChar = padChar;
        this.flags = padChar == '\t' ? flags & ~ALIGN_RIGHT : flags; // Go: tab padding cannot align right
        lines.add(new ArrayList<>());
    }

    /** cli-runtime's {@code GetNewTabWriter}: min width 6, tab width 4, padding 3, spaces, RememberWidths. */
    public static TabWriter kubectl(StringBuilder out) {
        return new TabWriter(out, 6, 4, 3, ' ', REMEMBER_WIDTHS);
    }

    /** kubectl describe's {@code tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)}. */
    public static TabWriter describe(StringBuilder out) {
        return new TabWriter(out, 0, 8, 2, ' ', 0);
    }

    /** {@code SetRememberedWidths(nil)}: kubectl forgets the widths when a new kind starts. */
    public void forgetWidths() {
        maxWidths.clear();
    }

    public TabWriter write(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char ch = text.charAt(i);
            if (ch == '\t' || ch == '\u000b' || ch == '\n' || ch == '\f') {
                int cells = terminateCell(ch == '\t');
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
        return this;
    }

    /** Lays out and writes everything buffered; the text after the last newline is written unpadded. */
    public void flush() {
        if (cell.length() > 0) {
            terminateCell(false);
        }
        format(0, lines.size());
        lines.clear();
        lines.add(new ArrayList<>());
    }

    private int terminateCell(boolean htab) {
        List<Cell> line = lines.get(lines.size() - 1);
        String text = cell.toString();
        line.add(new Cell(text, text.codePointCount(0, text.length()), htab));
        cell.setLength(0);
        return line.size();
    }

    private void format(int line0, int line1) {
        int column = columns;
        for (int current = line0; current < line1; current++) {
            if (column >= lines.get(current).size() - 1) {
                continue;
            }
            writeLines(line0, current);
            line0 = current;
            int width = minWidth;
            boolean discardable = true;
            for (; current < line1; current++) {
                List<Cell> line = lines.get(current);
                if (column >= line.size() - 1) {
                    break;
                }
                Cell c = line.get(column);
                width = Math.max(width, c.width() + padding);
                if (c.width() > 0 || c.htab()) {
                    discardable = false;
                }
            }
            if (discardable && (flags & DISCARD_EMPTY_COLUMNS) != 0) {
                width = 0;
            }
            if ((flags & REMEMBER_WIDTHS) != 0) {
                width = remembered(width);
            }
            push(width);
            format(line0, current);
            columns--;
            line0 = current;
        }
        writeLines(line0, line1);
    }

    private void push(int width) {
        if (columns == widths.length) {
            widths = java.util.Arrays.copyOf(widths, columns * 2);
        }
        widths[columns++] = width;
    }

    /** The fork's RememberWidths: columns left of this one are remembered as they are now; this one only widens. */
    private int remembered(int width) {
        int column = columns;
        while (maxWidths.size() < column) {
            maxWidths.add(widths[maxWidths.size()]);
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
            boolean useTabs = (flags & TAB_INDENT) != 0;
            for (int j = 0; j < line.size(); j++) {
                Cell c = line.get(j);
                if (c.text().isEmpty()) {
                    if (j < columns) {
                        pad(c.width(), widths[j], useTabs);
                    }
                } else {
                    useTabs = false;
                    if ((flags & ALIGN_RIGHT) == 0) {
                        out.append(c.text());
                        if (j < columns) {
                            pad(c.width(), widths[j], false);
                        }
                    } else {
                        if (j < columns) {
                            pad(c.width(), widths[j], false);
                        }
                        out.append(c.text());
                    }
                }
            }
            if (i + 1 != lines.size()) {
                out.append('\n');
            }
        }
    }

    private void pad(int textWidth, int cellWidth, boolean useTabs) {
        if (padChar == '\t' || useTabs) {
            if (tabWidth == 0) {
                return; // tabs have no width: Go cannot pad
            }
            int rounded = (cellWidth + tabWidth - 1) / tabWidth * tabWidth;
            for (int n = (rounded - textWidth + tabWidth - 1) / tabWidth; n > 0; n--) {
                out.append('\t');
            }
            return;
        }
        for (int n = cellWidth - textWidth; n > 0; n--) {
            out.append(padChar);
        }
    }
}
