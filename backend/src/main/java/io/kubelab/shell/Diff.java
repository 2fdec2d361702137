package io.kubelab.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** GNU {@code diff}: the normal format ({@code 2c2}, {@code < a}, {@code ---}, {@code > b}) and {@code -u}. */
final class Diff {

    /** Lines per file the quadratic comparison accepts. */
    static final int MAX_LINES = 2000;
    private static final int CONTEXT = 3;

    private Diff() {
    }

    /** One line of the edit script: kept (' '), removed ('-') or added ('+'), with its line numbers. */
    private record Edit(char op, int a, int b, String text) {
    }

    static CommandResult diff(Shell shell, List<String> args) {
        boolean unified = args.contains("-u") || args.contains("--unified");
        List<String> files = args.stream().filter(a -> !a.startsWith("-") || a.equals("-")).toList();
        if (files.size() != 2) {
            return CommandResult.failure("diff: " + (files.isEmpty() ? "missing operand" : files.size() == 1
                    ? "missing operand after '" + files.get(0) + "'" : "extra operand '" + files.get(2) + "'")
                    + "\ndiff: Try 'diff --help' for more information.\n", 2);
        }
        Sessions.Session s = shell.sessions().current();
        List<List<String>> texts = new ArrayList<>();
        for (String f : files) {
            Optional<String> content = s.files.read(Paths.resolve(s, f));
            if (content.isEmpty()) {
                return CommandResult.failure("diff: " + f + ": No such file or directory\n", 2);
            }
            texts.add(Inputs.lines(content.get()));
        }
        List<String> a = texts.get(0);
        List<String> b = texts.get(1);
        if (a.size() > MAX_LINES || b.size() > MAX_LINES) {
            return CommandResult.failure("diff: files longer than " + MAX_LINES + " lines are not compared here\n", 2);
        }
        List<Edit> script = script(a, b);
        if (script.stream().allMatch(e -> e.op() == ' ')) {
            return CommandResult.empty();
        }
        String stamp = DateCommand.format(shell.now(), "%Y-%m-%d %H:%M:%S.%N +0000");
        String out = unified ? "--- " + files.get(0) + "\t" + stamp + "\n+++ " + files.get(1) + "\t" + stamp + "\n"
                + unified(script) : normal(script);
        return new CommandResult(out, "", 1);
    }

    private static List<Edit> script(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Edit> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                out.add(new Edit(' ', i++, j++, a.get(i - 1)));
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                out.add(new Edit('+', i, j++, b.get(j - 1)));
            } else {
                out.add(new Edit('-', i++, j, a.get(i - 1)));
            }
        }
        // GNU lists removals before additions within a change.
        List<Edit> ordered = new ArrayList<>();
        int k = 0;
        while (k < out.size()) {
            if (out.get(k).op() == ' ') {
                ordered.add(out.get(k++));
                continue;
            }
            int end = k;
            while (end < out.size() && out.get(end).op() != ' ') {
                end++;
            }
            out.subList(k, end).stream().filter(e -> e.op() == '-').forEach(ordered::add);
            out.subList(k, end).stream().filter(e -> e.op() == '+').forEach(ordered::add);
            k = end;
        }
        return ordered;
    }

    private static String normal(List<Edit> script) {
        StringBuilder out = new StringBuilder();
        int k = 0;
        while (k < script.size()) {
            if (script.get(k).op() == ' ') {
                k++;
                continue;
            }
            int end = k;
            while (end < script.size() && script.get(end).op() != ' ') {
                end++;
            }
            List<Edit> dels = script.subList(k, end).stream().filter(e -> e.op() == '-').toList();
            List<Edit> adds = script.subList(k, end).stream().filter(e -> e.op() == '+').toList();
            Edit first = script.get(k);
            String left = dels.isEmpty() ? Integer.toString(first.a()) : range(dels.get(0).a() + 1, dels.size());
            String right = adds.isEmpty() ? Integer.toString(first.b()) : range(adds.get(0).b() + 1, adds.size());
            out.append(left).append(dels.isEmpty() ? 'a' : adds.isEmpty() ? 'd' : 'c').append(right).append('\n');
            dels.forEach(e -> out.append("< ").append(e.text()).append('\n'));
            if (!dels.isEmpty() && !adds.isEmpty()) {
                out.append("---\n");
            }
            adds.forEach(e -> out.append("> ").append(e.text()).append('\n'));
            k = end;
        }
        return out.toString();
    }

    private static String range(int start, int count) {
        return count == 1 ? Integer.toString(start) : start + "," + (start + count - 1);
    }

    private static String unified(List<Edit> script) {
        StringBuilder out = new StringBuilder();
        int k = 0;
        while (k < script.size()) {
            while (k < script.size() && script.get(k).op() == ' ') {
                k++;
            }
            if (k >= script.size()) {
                break;
            }
            int start = Math.max(0, k - CONTEXT);
            int end = k;
            int lastChange = k;
            while (end < script.size()) {
                if (script.get(end).op() != ' ') {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(script.size(), lastChange + CONTEXT + 1);
            List<Edit> hunk = script.subList(start, end);
            long aCount = hunk.stream().filter(e -> e.op() != '+').count();
            long bCount = hunk.stream().filter(e -> e.op() != '-').count();
            int aStart = hunk.get(0).a() + (aCount == 0 ? 0 : 1);
            int bStart = hunk.get(0).b() + (bCount == 0 ? 0 : 1);
            out.append("@@ -").append(aCount == 1 ? aStart + "" : aStart + "," + aCount)
                    .append(" +").append(bCount == 1 ? bStart + "" : bStart + "," + bCount).append(" @@\n");
            hunk.forEach(e -> out.append(e.op()).append(e.text()).append('\n'));
            k = end;
        }
        return out.toString();
    }
}
