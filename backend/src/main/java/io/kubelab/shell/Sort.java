package io.kubelab.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** GNU {@code sort} (byte order, as in the C.UTF-8 locale) and {@code uniq}. */
final class Sort {

    private static final String SUFFIXES = "KMGTPEZY";

    private Sort() {
    }

    /** One {@code -k} key: fields (1-based, inclusive; 0 end = end of line) and its own flags. */
    private record Key(int startField, int endField, boolean numeric, boolean human, boolean reverse) {
    }

    static CommandResult sort(Shell shell, List<String> args, String stdin) {
        Options o = Options.parse("sort", args, "ktoS", false);
        if (o.error != null) {
            return CommandResult.failure(o.error, 2);
        }
        String bad = o.unknown("sort", "nrufhbsVgcdiM");
        if (bad != null) {
            return CommandResult.failure(bad, 2);
        }
        String sep = o.value('t', null);
        if (sep != null && sep.length() != 1) {
            return CommandResult.failure("sort: multi-character tab \u2018" + sep + "\u2019\n", 2);
        }
        boolean numeric = o.has('n') || o.has('g');
        boolean human = o.has('h');
        boolean reverse = o.has('r');
        List<Key> keys = new ArrayList<>();
        for (String k : o.all('k')) {
            Key key = key(k, numeric, human, reverse);
            if (key == null) {
                return CommandResult.failure("sort: invalid number at field start: invalid count at start of \u2018"
                        + k + "\u2019\n", 2);
            }
            keys.add(key);
        }
        StringBuilder err = new StringBuilder();
        List<String> lines = Inputs.lines(Inputs.joined(Inputs.read(shell, o.operands, stdin, "sort",
                Inputs.Style.SORT, err)));
        if (err.length() > 0) {
            return CommandResult.failure(err.toString(), 2);
        }
        Comparator<String> byKeys;
        if (keys.isEmpty()) {
            byKeys = compare(numeric, human, o.has('f'));
            if (reverse) {
                byKeys = byKeys.reversed();
            }
        } else {
            byKeys = (a, b) -> 0;
            for (Key key : keys) {
                Comparator<String> values = compare(key.numeric(), key.human(), o.has('f'));
                Comparator<String> one = (a, b) -> values.compare(field(a, key, sep), field(b, key, sep));
                byKeys = byKeys.thenComparing(key.reverse() ? one.reversed() : one);
            }
        }
        boolean unique = o.has('u');
        Comparator<String> order = unique || o.has('s') ? byKeys
                : byKeys.thenComparing(reverse ? Comparator.<String>reverseOrder() : Comparator.naturalOrder());
        lines.sort(order);
        StringBuilder out = new StringBuilder();
        String previous = null;
        for (String line : lines) {
            if (unique && previous != null && byKeys.compare(previous, line) == 0) {
                continue;
            }
            out.append(line).append('\n');
            previous = line;
        }
        return CommandResult.ok(out.toString());
    }

    private static Key key(String spec, boolean numeric, boolean human, boolean reverse) {
        String[] parts = spec.split(",", 2);
        int start = fieldNumber(parts[0]);
        int end = parts.length > 1 ? fieldNumber(parts[1]) : 0;
        if (start <= 0 || end < 0) {
            return null;
        }
        String flags = (parts[0] + (parts.length > 1 ? parts[1] : "")).chars().filter(Character::isLetter).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        boolean any = !flags.isEmpty();
        return new Key(start, end, any ? flags.contains("n") || flags.contains("g") : numeric,
                any ? flags.contains("h") : human, any ? flags.contains("r") : reverse);
    }

    private static int fieldNumber(String s) {
        int n = 0;
        while (n < s.length() && Character.isDigit(s.charAt(n))) {
            n++;
        }
        String digits = s.substring(0, n);
        if (digits.isEmpty()) {
            return -1;
        }
        return Integer.parseInt(digits.length() > 6 ? "999999" : digits);
    }

    /** The key's text: from the start of field {@code start} to the end of field {@code end} (or the line). */
    private static String field(String line, Key key, String sep) {
        int[] bounds = new int[2];
        int from = fieldStart(line, key.startField(), sep);
        int to = key.endField() == 0 ? line.length() : fieldEnd(line, key.endField(), sep);
        bounds[0] = from;
        bounds[1] = Math.max(from, to);
        return line.substring(bounds[0], bounds[1]);
    }

    private static int fieldStart(String line, int n, String sep) {
        int at = 0;
        for (int f = 1; f < n; f++) {
            at = fieldEnd(line, at, sep, true);
            if (at >= line.length()) {
                return line.length();
            }
            if (sep != null) {
                at++;
            }
        }
        return at;
    }

    private static int fieldEnd(String line, int n, String sep) {
        return fieldEnd(line, fieldStart(line, n, sep), sep, true);
    }

    /** From {@code at}, the end of that field: GNU counts leading blanks into a field when no -t is given. */
    private static int fieldEnd(String line, int at, String sep, boolean unused) {
        int i = at;
        if (sep == null) {
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            return i;
        }
        int next = line.indexOf(sep.charAt(0), i);
        return next < 0 ? line.length() : next;
    }

    private static Comparator<String> compare(boolean numeric, boolean human, boolean fold) {
        if (human) {
            return Comparator.comparingInt(Sort::suffixRank).thenComparingDouble(Sort::number);
        }
        if (numeric) {
            return Comparator.comparingDouble(Sort::number);
        }
        return fold ? String.CASE_INSENSITIVE_ORDER : Comparator.naturalOrder();
    }

    /** The leading number of a key (GNU's -n: blanks, sign, digits, one decimal point); 0 if none. */
    static double number(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        int start = i;
        if (i < s.length() && s.charAt(i) == '-') {
            i++;
        }
        boolean dot = false;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || (s.charAt(i) == '.' && !dot))) {
            dot |= s.charAt(i) == '.';
            i++;
        }
        String n = s.substring(start, i);
        try {
            return n.isEmpty() || n.equals("-") || n.equals(".") || n.equals("-.") ? 0 : Double.parseDouble(n);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int suffixRank(String s) {
        String t = s.strip();
        int i = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.' || t.charAt(i) == '-')) {
            i++;
        }
        int rank = i < t.length() ? SUFFIXES.indexOf(Character.toUpperCase(t.charAt(i))) + 1 : 0;
        return number(t) < 0 ? -rank : rank;
    }

    static CommandResult uniq(Shell shell, List<String> args, String stdin) {
        Options o = Options.parse("uniq", args, "fsw", false);
        String bad = o.unknown("uniq", "cdui");
        if (bad != null) {
            return CommandResult.failure(bad, 1);
        }
        StringBuilder err = new StringBuilder();
        List<String> inputs = o.operands.isEmpty() ? List.of() : o.operands.subList(0, 1);
        List<String> lines = Inputs.lines(Inputs.joined(Inputs.read(shell, inputs, stdin, "uniq",
                Inputs.Style.PLAIN, err)));
        if (err.length() > 0) {
            return CommandResult.failure(err.toString(), 1);
        }
        boolean ignoreCase = o.has('i');
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            int j = i + 1;
            while (j < lines.size() && (ignoreCase ? lines.get(j).equalsIgnoreCase(lines.get(i))
                    : lines.get(j).equals(lines.get(i)))) {
                j++;
            }
            int count = j - i;
            if ((!o.has('d') || count > 1) && (!o.has('u') || count == 1)) {
                if (o.has('c')) {
                    out.append(String.format("%7d ", count));
                }
                out.append(lines.get(i)).append('\n');
            }
            i = j;
        }
        return CommandResult.ok(out.toString());
    }
}
