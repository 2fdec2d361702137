package io.kubelab.shell;

import java.util.List;

/**
 * The line filters of GNU coreutils, with their exact output and messages: {@code head}, {@code tail},
 * {@code wc}; the others register here and live in their own classes.
 */
final class TextCommands {

    private TextCommands() {
    }

    static void register(Builtins builtins) {
        builtins.add("grep", "print lines that match a pattern (-i -v -c -E -F -w -x -n -o -l -q -r -A -B -C)",
                new Grep());
        builtins.add("head", "print the first lines (-n N, -N, -n -N, -c N)", (Filter) (s, a, in) -> ends(s, a, in, true));
        builtins.add("tail", "print the last lines (-n N, -N, -n +N, -c N)", (Filter) (s, a, in) -> ends(s, a, in, false));
        builtins.add("wc", "count lines, words and bytes (-l -w -c)", (Filter) TextCommands::wc);
        builtins.add("sed", "edit text: s/RE/TEXT/flags, /RE/d, p with -n, -e, -E, -i in place", new Sed());
        builtins.add("sort", "sort lines (-n -r -k N[,M] -t C -u -h)", (Filter) Sort::sort);
        builtins.add("uniq", "drop repeated adjacent lines (-c -d -u)", (Filter) Sort::uniq);
        builtins.add("cut", "print selected fields (-d C -f LIST) or characters (-c LIST)", (Filter) Columns::cut);
        builtins.add("tr", "translate, squeeze (-s) or delete (-d) characters", (Filter) Columns::tr);
        builtins.add("awk", "scan fields: awk -F: '{print $1}', NR, NF, /re/, BEGIN/END, printf, sums",
                (Filter) (s, a, in) -> Awk.run(s, a, in));
        builtins.add("base64", "encode, or decode with -d (-w 0: no wrapping)", (Filter) Base64Command::base64);
        builtins.add("tee", "copy the input to files and to the output (-a: append)", (Filter) Utilities::tee);
        builtins.add("jq", "filter JSON: jq '.items[].metadata.name', -r, -c", (Filter) Jq::run);
        builtins.add("xargs", "run a command with the input as arguments (-n N, -I {})", (Filter) Xargs::run);
        Utilities.register(builtins);
    }

    /** {@code head} and {@code tail}: by lines ({@code -n}) or bytes ({@code -c}), from either end. */
    private static CommandResult ends(Shell shell, List<String> args, String stdin, boolean head) {
        String cmd = head ? "head" : "tail";
        Options o = Options.parse(cmd, args, "nc", true);
        if (o.error != null) {
            return CommandResult.failure(o.error, 1);
        }
        boolean bytes = o.values.containsKey('c');
        String spec = bytes ? o.value('c', "10") : o.value('n', "10");
        boolean fromStart = !head && spec.startsWith("+");
        boolean allBut = head && spec.startsWith("-");
        long n;
        try {
            n = Long.parseLong(spec.startsWith("+") || spec.startsWith("-") ? spec.substring(1) : spec);
        } catch (NumberFormatException e) {
            return CommandResult.failure(cmd + ": invalid number of " + (bytes ? "bytes" : "lines") + ": \u2018"
                    + spec + "\u2019\n", 1);
        }
        StringBuilder err = new StringBuilder();
        List<Inputs.Source> sources = Inputs.read(shell, o.operands, stdin, cmd, Inputs.Style.OPEN, err);
        boolean headers = !o.has('q') && (o.has('v') || sources.size() > 1);
        StringBuilder out = new StringBuilder();
        for (Inputs.Source s : sources) {
            if (headers) {
                out.append(out.length() > 0 ? "\n" : "").append("==> ")
                        .append(s.name().equals("-") ? "standard input" : s.name()).append(" <==\n");
            }
            String text = s.text();
            if (bytes) {
                int len = text.length();
                int k = (int) Math.min(n, len);
                out.append(head ? (allBut ? text.substring(0, len - k) : text.substring(0, k))
                        : fromStart ? text.substring((int) Math.min(len, Math.max(0, n - 1))) : text.substring(len - k));
                continue;
            }
            int[] starts = lineStarts(text);
            int lines = starts.length - 1;
            int from;
            int to;
            if (head) {
                from = 0;
                to = allBut ? (int) Math.max(0, lines - n) : (int) Math.min(n, lines);
            } else {
                from = fromStart ? (int) Math.min(lines, Math.max(0, n - 1)) : (int) Math.max(0, lines - n);
                to = lines;
            }
            out.append(text, starts[from], starts[to]);
        }
        return new CommandResult(out.toString(), err.toString(), err.length() == 0 ? 0 : 1);
    }

    /** Where each line starts, plus the text's length at the end. */
    private static int[] lineStarts(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        boolean partial = !text.isEmpty() && text.charAt(text.length() - 1) != '\n';
        int[] starts = new int[count + (partial ? 1 : 0) + 1];
        int k = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[k++] = i + 1;
            }
        }
        starts[starts.length - 1] = text.length();
        return starts;
    }

    private static CommandResult wc(Shell shell, List<String> args, String stdin) {
        Options o = Options.parse("wc", args, "", false);
        String bad = o.unknown("wc", "lwcmL");
        if (bad != null) {
            return CommandResult.failure(bad, 1);
        }
        boolean lines = o.has('l') || o.hasLong("lines");
        boolean words = o.has('w') || o.hasLong("words");
        boolean chars = o.has('m');
        boolean bytes = o.has('c') || o.hasLong("bytes");
        if (!lines && !words && !bytes && !chars) {
            lines = words = bytes = true;
        }
        StringBuilder err = new StringBuilder();
        List<Inputs.Source> sources = Inputs.read(shell, o.operands, stdin, "wc", Inputs.Style.PLAIN, err);
        int columns = (lines ? 1 : 0) + (words ? 1 : 0) + (bytes ? 1 : 0) + (chars ? 1 : 0);
        long[][] counts = new long[sources.size() + 1][4];
        boolean piped = false;
        long totalSize = 0;
        for (int i = 0; i < sources.size(); i++) {
            String text = sources.get(i).text();
            long[] c = counts[i];
            c[0] = text.chars().filter(ch -> ch == '\n').count();
            c[1] = countWords(text);
            c[2] = text.codePointCount(0, text.length());
            c[3] = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            for (int k = 0; k < 4; k++) {
                counts[sources.size()][k] += c[k];
            }
            piped |= sources.get(i).name().equals("-");
            totalSize += c[3];
        }
        // GNU sizes the columns from the files' total size; a pipe's size is unknown, so 7.
        int width = columns == 1 && sources.size() + (err.length() > 0 ? 1 : 0) == 1 ? 1
                : Math.max(piped ? 7 : 1, Long.toString(totalSize).length());
        StringBuilder out = new StringBuilder();
        int rows = sources.size() + (sources.size() + countErrors(err) > 1 ? 1 : 0);
        for (int i = 0; i < rows; i++) {
            long[] c = counts[Math.min(i, sources.size())];
            StringBuilder row = new StringBuilder();
            if (lines) {
                pad(row, c[0], width);
            }
            if (words) {
                pad(row, c[1], width);
            }
            if (chars) {
                pad(row, c[2], width);
            }
            if (bytes) {
                pad(row, c[3], width);
            }
            String name = i == sources.size() ? "total" : sources.get(i).name();
            out.append(row).append(name.equals("-") && o.operands.isEmpty() ? "" : " " + name).append('\n');
        }
        return new CommandResult(out.toString(), err.toString(), err.length() == 0 ? 0 : 1);
    }

    private static int countErrors(StringBuilder err) {
        return (int) err.chars().filter(c -> c == '\n').count();
    }

    private static void pad(StringBuilder row, long value, int width) {
        String v = Long.toString(value);
        if (row.length() > 0) {
            row.append(' ');
        }
        row.append(" ".repeat(Math.max(0, width - v.length()))).append(v);
    }

    private static long countWords(String text) {
        long words = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            boolean blank = Character.isWhitespace(text.charAt(i));
            if (!blank && !in) {
                words++;
            }
            in = !blank;
        }
        return words;
    }
}
