package io.kubelab.controller.job;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * An Indexed job's set of indexes as {@code status.completedIndexes} writes it ({@code orderedIntervals}):
 * ascending intervals, a run of three or more as {@code first-last}, e.g. {@code 0-2,4,6-7}.
 */
final class CompletedIndexes {

    private final TreeSet<Integer> indexes = new TreeSet<>();

    /** {@code parseIndexesFromString}: the stored text, keeping only indexes below {@code completions}. */
    static CompletedIndexes parse(String text, int completions) {
        CompletedIndexes out = new CompletedIndexes();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String part : text.split(",")) {
            try {
                String[] bounds = part.split("-");
                int first = Integer.parseInt(bounds[0]);
                int last = bounds.length > 1 ? Integer.parseInt(bounds[1]) : first;
                for (int i = first; i <= last && i < completions; i++) {
                    out.indexes.add(i);
                }
            } catch (NumberFormatException e) {
                // Kubernetes logs and skips a malformed interval; so do we.
            }
        }
        return out;
    }

    boolean has(int index) {
        return indexes.contains(index);
    }

    void add(int index) {
        indexes.add(index);
    }

    int total() {
        return indexes.size();
    }

    /** {@code firstPendingIndexes}: the lowest {@code count} indexes neither completed nor in {@code busy}. */
    List<Integer> firstPending(java.util.Set<Integer> busy, int count, int completions) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < completions && out.size() < count; i++) {
            if (!indexes.contains(i) && !busy.contains(i)) {
                out.add(i);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        Integer first = null;
        Integer last = null;
        for (int i : indexes) {
            if (last != null && i == last + 1) {
                last = i;
                continue;
            }
            append(out, first, last);
            first = i;
            last = i;
        }
        append(out, first, last);
        return out.toString();
    }

    private static void append(StringBuilder out, Integer first, Integer last) {
        if (first == null) {
            return;
        }
        if (out.length() > 0) {
            out.append(',');
        }
        out.append(first);
        if (last > first + 1) {
            out.append('-').append(last);
        } else if (last == first + 1) {
            out.append(',').append(last);
        }
    }
}
