package io.kubelab.runtime.image.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The text filters that pipelines use: seq, wc, head, tail, grep, sort, uniq, tr, cut, basename, dirname, expr. */
final class TextTools {

    static final int MAX_SEQ = 100_000;

    private TextTools() {
    }

    static int run(String name, List<String> args, Io io, ShellState st) {
        List<String> files = new ArrayList<>();
        List<String> opts = new ArrayList<>();
        String value = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.matches("-[nfdckm]") && i + 1 < args.size() && !name.equals("grep") && !name.equals("seq")) {
                opts.add(a);
                value = args.get(++i);
            } else if (a.matches("-\\d+") && (name.equals("head") || name.equals("tail"))) {
                value = a.substring(1);
            } else if (a.startsWith("-") && a.length() > 1 && !name.equals("seq") && !name.equals("expr")) {
                opts.add(a);
            } else {
                files.add(a);
            }
        }
        String flags = String.join("", opts).replace("-", "");
        switch (name) {
            case "seq" -> {
                List<Long> n = new ArrayList<>();
                for (String a : files) {
                    try {
                        n.add(Long.parseLong(a));
                    } catch (NumberFormatException e) {
                        io.err().write("seq: invalid number '" + a + "'\n");
                        return 1;
                    }
                }
                long first = n.size() > 1 ? n.get(0) : 1;
                long step = n.size() > 2 ? n.get(1) : 1;
                long last = n.isEmpty() ? 0 : n.get(n.size() - 1);
                int count = 0;
                for (long v = first; step > 0 ? v <= last : v >= last; v += step) {
                    if (step == 0 || ++count > MAX_SEQ) {
                        break;
                    }
                    io.out().write(v + "\n");
                }
                return 0;
            }
            case "basename" -> {
                String p = files.isEmpty() ? "" : files.get(0).replaceAll("/+$", "");
                String b = p.substring(p.lastIndexOf('/') + 1);
                if (files.size() > 1 && b.endsWith(files.get(1))) {
                    b = b.substring(0, b.length() - files.get(1).length());
                }
                io.out().write(b + "\n");
                return 0;
            }
            case "dirname" -> {
                String p = files.isEmpty() ? "." : files.get(0);
                int slash = p.lastIndexOf('/');
                io.out().write((slash < 0 ? "." : slash == 0 ? "/" : p.substring(0, slash)) + "\n");
                return 0;
            }
            case "expr" -> {
                try {
                    long v = Arithmetic.evaluate(String.join(" ", files).replace("\\*", "*"), st.vars());
                    io.out().write(v + "\n");
                    return v == 0 ? 1 : 0;
                } catch (Arithmetic.ArithmeticError e) {
                    io.err().write("expr: syntax error\n");
                    return 2;
                }
            }
            default -> {
            }
        }
        String pattern = null;
        if (name.equals("grep") || name.equals("tr")) {
            if (files.isEmpty()) {
                io.err().write(name.equals("grep") ? "Usage: grep [OPTION]... PATTERNS [FILE]...\n" : "tr: missing operand\n");
                return 2;
            }
            pattern = files.remove(0);
        }
        String input;
        if (files.isEmpty() || name.equals("tr")) {
            input = io.stdin();
        } else {
            StringBuilder sb = new StringBuilder();
            for (String file : files) {
                Optional<String> c = st.container().fs().read(st.path(file), st.time());
                if (c.isEmpty()) {
                    io.err().write(name + ": " + file + ": No such file or directory\n");
                    return 2;
                }
                sb.append(c.get());
            }
            input = sb.toString();
        }
        List<String> lines = input.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(input.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        int n = value == null ? 10 : Builtins.parseInt(value.replace("+", ""), 10);
        switch (name) {
            case "wc" -> {
                long words = lines.stream().flatMap(l -> Arrays.stream(l.trim().split("\\s+"))).filter(w -> !w.isEmpty()).count();
                String out = flags.contains("l") ? Integer.toString(lines.size()) : flags.contains("w") ? Long.toString(words)
                        : flags.contains("c") ? Integer.toString(input.length())
                        : String.format("%7d %7d %7d", lines.size(), words, input.length());
                io.out().write(out + "\n");
                return 0;
            }
            case "head" -> lines.stream().limit(n).forEach(l -> io.out().write(l + "\n"));
            case "tail" -> {
                if (flags.contains("f")) {
                    lines.stream().skip(Math.max(0, lines.size() - n)).forEach(l -> io.out().write(l + "\n"));
                    throw new Signals.Forever();
                }
                lines.stream().skip(Math.max(0, lines.size() - n)).forEach(l -> io.out().write(l + "\n"));
            }
            case "grep" -> {
                Pattern p;
                try {
                    p = Pattern.compile(flags.contains("F") ? Pattern.quote(pattern) : pattern.replace("\\|", "|"),
                            flags.contains("i") ? Pattern.CASE_INSENSITIVE : 0);
                } catch (PatternSyntaxException e) {
                    io.err().write("grep: Invalid regular expression\n");
                    return 2;
                }
                boolean invert = flags.contains("v");
                List<String> hits = lines.stream().filter(l -> p.matcher(l).find() != invert).toList();
                if (flags.contains("c")) {
                    io.out().write(hits.size() + "\n");
                } else if (!flags.contains("q")) {
                    hits.forEach(l -> io.out().write(l + "\n"));
                }
                return hits.isEmpty() ? 1 : 0;
            }
            case "sort" -> {
                if (flags.contains("n")) {
                    lines.sort((a, b) -> Double.compare(leadingNumber(a), leadingNumber(b)));
                } else {
                    lines.sort(null);
                }
                if (flags.contains("r")) {
                    java.util.Collections.reverse(lines);
                }
                if (flags.contains("u")) {
                    lines = new ArrayList<>(new LinkedHashSet<>(lines));
                }
                lines.forEach(l -> io.out().write(l + "\n"));
            }
            case "uniq" -> {
                String prev = null;
                for (String l : lines) {
                    if (!l.equals(prev)) {
                        io.out().write(l + "\n");
                    }
                    prev = l;
                }
            }
            case "tr" -> {
                String to = files.isEmpty() ? "" : files.get(0);
                String from = expandSet(pattern);
                String target = expandSet(to);
                StringBuilder out = new StringBuilder();
                for (char c : input.toCharArray()) {
                    int k = from.indexOf(c);
                    if (k < 0) {
                        out.append(c);
                    } else if (!flags.contains("d")) {
                        out.append(target.isEmpty() ? c : target.charAt(Math.min(k, target.length() - 1)));
                    }
                }
                io.out().write(out.toString());
            }
            case "cut" -> {
                String delim = "\t";
                String fields = "1";
                for (int i = 0; i < args.size(); i++) {
                    String a = args.get(i);
                    if (a.startsWith("-d")) {
                        delim = a.length() > 2 ? a.substring(2) : args.get(++i);
                    } else if (a.startsWith("-f")) {
                        fields = a.length() > 2 ? a.substring(2) : args.get(++i);
                    }
                }
                for (String l : lines) {
                    String[] parts = l.split(Pattern.quote(delim), -1);
                    List<String> picked = new ArrayList<>();
                    for (String fld : fields.split(",")) {
                        int k = Builtins.parseInt(fld, 1) - 1;
                        if (k >= 0 && k < parts.length) {
                            picked.add(parts[k]);
                        }
                    }
                    io.out().write(String.join(delim, picked) + "\n");
                }
            }
            default -> {
                return 127;
            }
        }
        return 0;
    }

    private static double leadingNumber(String s) {
        var m = Pattern.compile("^\\s*(-?\\d+(\\.\\d+)?)").matcher(s);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String expandSet(String set) {
        String s = set.replace("[:lower:]", "a-z").replace("[:upper:]", "A-Z").replace("[:digit:]", "0-9");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (i + 2 < s.length() && s.charAt(i + 1) == '-') {
                for (char c = s.charAt(i); c <= s.charAt(i + 2); c++) {
                    out.append(c);
                }
                i += 2;
            } else {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }
}
