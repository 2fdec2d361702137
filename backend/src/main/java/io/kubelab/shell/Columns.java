package io.kubelab.shell;

import java.util.ArrayList;
import java.util.List;

/** GNU {@code cut} (fields, characters) and {@code tr} (sets with ranges, classes and escapes). */
final class Columns {

    private static final String TRY_CUT = "Try 'cut --help' for more information.\n";

    private Columns() {
    }

    static CommandResult cut(Shell shell, List<String> args, String stdin) {
        Options o = Options.parse("cut", args, "dfcb", false);
        if (o.error != null) {
            return CommandResult.failure(o.error, 1);
        }
        String list = o.value('f', null);
        boolean chars = list == null;
        if (chars) {
            list = o.value('c', o.value('b', null));
        }
        if (list == null) {
            return CommandResult.failure("cut: you must specify a list of bytes, characters, or fields\n" + TRY_CUT, 1);
        }
        String delim = o.value('d', "\t");
        if (delim.length() != 1) {
            return CommandResult.failure("cut: the delimiter must be a single character\n" + TRY_CUT, 1);
        }
        List<int[]> ranges = new ArrayList<>();
        for (String part : list.split(",", -1)) {
            String[] ends = part.split("-", -1);
            try {
                int from = ends[0].isEmpty() ? 1 : Integer.parseInt(ends[0]);
                int to = ends.length == 1 ? from : ends[1].isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(ends[1]);
                if (from == 0 || to == 0) {
                    return CommandResult.failure("cut: " + (chars ? "byte/character positions" : "fields")
                            + " are numbered from 1\n" + TRY_CUT, 1);
                }
                if (ends.length > 2 || from > to) {
                    return CommandResult.failure("cut: invalid decreasing range\n" + TRY_CUT, 1);
                }
                ranges.add(new int[]{from, to});
            } catch (NumberFormatException e) {
                return CommandResult.failure("cut: invalid " + (chars ? "byte/character position" : "field value")
                        + " \u2018" + part + "\u2019\n" + TRY_CUT, 1);
            }
        }
        StringBuilder err = new StringBuilder();
        List<Inputs.Source> sources = Inputs.read(shell, o.operands, stdin, "cut", Inputs.Style.PLAIN, err);
        StringBuilder out = new StringBuilder();
        char d = delim.charAt(0);
        for (Inputs.Source s : sources) {
            for (String line : Inputs.lines(s.text())) {
                if (chars) {
                    for (int i = 1; i <= line.length(); i++) {
                        if (selected(ranges, i)) {
                            out.append(line.charAt(i - 1));
                        }
                    }
                    out.append('\n');
                    continue;
                }
                if (line.indexOf(d) < 0) {
                    if (!o.has('s')) {
                        out.append(line).append('\n');
                    }
                    continue;
                }
                String[] fields = line.split(java.util.regex.Pattern.quote(delim), -1);
                boolean first = true;
                for (int i = 1; i <= fields.length; i++) {
                    if (selected(ranges, i)) {
                        out.append(first ? "" : delim).append(fields[i - 1]);
                        first = false;
                    }
                }
                out.append('\n');
            }
        }
        return new CommandResult(out.toString(), err.toString(), err.length() == 0 ? 0 : 1);
    }

    private static boolean selected(List<int[]> ranges, int i) {
        for (int[] r : ranges) {
            if (i >= r[0] && i <= r[1]) {
                return true;
            }
        }
        return false;
    }

    static CommandResult tr(Shell shell, List<String> args, String stdin) {
        Options o = Options.parse("tr", args, "", false);
        String bad = o.unknown("tr", "dscC");
        if (bad != null) {
            return CommandResult.failure(bad, 1);
        }
        boolean delete = o.has('d');
        boolean squeeze = o.has('s');
        boolean complement = o.has('c') || o.has('C');
        List<String> sets = o.operands;
        if (sets.isEmpty()) {
            return CommandResult.failure("tr: missing operand\nTry 'tr --help' for more information.\n", 1);
        }
        if (sets.size() == 1 && !delete && !squeeze) {
            return CommandResult.failure("tr: missing operand after \u2018" + sets.get(0) + "\u2019\n"
                    + "Two strings must be given when translating.\nTry 'tr --help' for more information.\n", 1);
        }
        String set1 = expand(sets.get(0));
        String set2 = sets.size() > 1 ? expand(sets.get(1)) : "";
        String text = stdin == null ? "" : stdin;
        StringBuilder out = new StringBuilder();
        char lastOut = 0;
        boolean any = false;
        String squeezeSet = delete || sets.size() == 1 ? set1 : set2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean in = set1.indexOf(c) >= 0 != complement;
            if (delete && in) {
                continue;
            }
            char mapped = c;
            if (!delete && in && !set2.isEmpty()) {
                int idx = complement ? set2.length() - 1 : set1.indexOf(c);
                mapped = set2.charAt(Math.min(idx, set2.length() - 1));
            }
            if (squeeze && any && mapped == lastOut
                    && (squeezeSet.indexOf(mapped) >= 0 != (complement && sets.size() == 1))) {
                continue;
            }
            out.append(mapped);
            lastOut = mapped;
            any = true;
        }
        return CommandResult.ok(out.toString());
    }

    /** A tr set with its ranges ({@code a-z}), classes ({@code [:upper:]}) and escapes written out. */
    static String expand(String set) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < set.length()) {
            if (set.startsWith("[:", i)) {
                int end = set.indexOf(":]", i);
                if (end > 0) {
                    out.append(charClass(set.substring(i + 2, end)));
                    i = end + 2;
                    continue;
                }
            }
            char c = set.charAt(i);
            int next = i + 1;
            if (c == '\\' && i + 1 < set.length()) {
                StringBuilder one = new StringBuilder();
                next = Printf.escape(set, i, one, false);
                c = one.length() > 0 ? one.charAt(0) : c;
                next = next < 0 ? set.length() : next;
            }
            if (next + 1 < set.length() && set.charAt(next) == '-') {
                char end = set.charAt(next + 1);
                for (char k = c; k <= end && out.length() < 65536; k++) {
                    out.append(k);
                }
                i = next + 2;
                continue;
            }
            out.append(c);
            i = next;
        }
        return out.toString();
    }

    private static String charClass(String name) {
        StringBuilder out = new StringBuilder();
        for (char c = 0; c < 128; c++) {
            boolean in = switch (name) {
                case "upper" -> c >= 'A' && c <= 'Z';
                case "lower" -> c >= 'a' && c <= 'z';
                case "alpha" -> Character.isLetter(c);
                case "digit" -> c >= '0' && c <= '9';
                case "alnum" -> Character.isLetterOrDigit(c);
                case "space" -> c == ' ' || (c >= 9 && c <= 13);
                case "blank" -> c == ' ' || c == '\t';
                case "punct" -> c > 32 && c < 127 && !Character.isLetterOrDigit(c);
                case "xdigit" -> Character.digit(c, 16) >= 0;
                case "cntrl" -> c < 32 || c == 127;
                case "print" -> c >= 32 && c < 127;
                case "graph" -> c > 32 && c < 127;
                default -> false;
            };
            if (in) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
