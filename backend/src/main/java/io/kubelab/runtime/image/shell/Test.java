package io.kubelab.runtime.image.shell;

import java.util.List;

/** test(1) / {@code [ ]}: file tests, string and integer comparisons, {@code !}, {@code -a}, {@code -o}. */
final class Test {

    private Test() {
    }

    static int run(List<String> args, Io io, ShellState st) {
        try {
            return or(args, st) ? 0 : 1;
        } catch (NumberFormatException e) {
            io.err().write("sh: " + e.getMessage() + ": bad number\n");
            return 2;
        }
    }

    private static boolean or(List<String> a, ShellState st) {
        int i = a.indexOf("-o");
        if (i > 0) {
            return and(a.subList(0, i), st) || or(a.subList(i + 1, a.size()), st);
        }
        return and(a, st);
    }

    private static boolean and(List<String> a, ShellState st) {
        int i = a.indexOf("-a");
        if (i > 0 && a.size() > 3) {
            return primary(a.subList(0, i), st) && and(a.subList(i + 1, a.size()), st);
        }
        return primary(a, st);
    }

    private static boolean primary(List<String> a, ShellState st) {
        if (a.isEmpty()) {
            return false;
        }
        if (a.get(0).equals("!") && a.size() > 1) {
            return !primary(a.subList(1, a.size()), st);
        }
        if (a.size() == 1) {
            return !a.get(0).isEmpty();
        }
        if (a.size() == 2) {
            String op = a.get(0);
            String v = a.get(1);
            String path = st.path(v);
            var fs = st.container().fs();
            return switch (op) {
                case "-z" -> v.isEmpty();
                case "-n" -> !v.isEmpty();
                case "-e", "-r", "-w" -> fs.exists(path, st.time());
                case "-f" -> fs.read(path, st.time()).isPresent();
                case "-d" -> fs.isDirectory(path, st.time());
                case "-s" -> fs.read(path, st.time()).map(c -> !c.isEmpty()).orElse(false);
                case "-x" -> fs.read(path, st.time()).isPresent() && Utilities.exists(v.substring(v.lastIndexOf('/') + 1), st);
                case "-L", "-h", "-p", "-S", "-t" -> false;
                default -> !v.isEmpty();
            };
        }
        String l = a.get(0);
        String op = a.get(1);
        String r = a.get(2);
        return switch (op) {
            case "=", "==" -> l.equals(r);
            case "!=" -> !l.equals(r);
            case "<" -> l.compareTo(r) < 0;
            case ">" -> l.compareTo(r) > 0;
            case "-eq" -> num(l) == num(r);
            case "-ne" -> num(l) != num(r);
            case "-lt" -> num(l) < num(r);
            case "-le" -> num(l) <= num(r);
            case "-gt" -> num(l) > num(r);
            case "-ge" -> num(l) >= num(r);
            default -> false;
        };
    }

    private static long num(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new NumberFormatException(s);
        }
    }
}
