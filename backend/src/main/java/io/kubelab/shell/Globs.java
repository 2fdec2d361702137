package io.kubelab.shell;

import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Pathname expansion ({@code * ? [...]}) against the virtual filesystem, and globs as regular expressions. */
final class Globs {

    /** How many paths one word may expand to; a shell on a real disk has no such limit, a shared server does. */
    static final int MAX_MATCHES = 10_000;

    private Globs() {
    }

    static boolean hasGlob(CharSequence text, BitSet active) {
        for (int i = active.nextSetBit(0); i >= 0 && i < text.length(); i = active.nextSetBit(i + 1)) {
            char c = text.charAt(i);
            if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    /** The paths matching the pattern, sorted, written as the pattern writes them; empty if none. */
    static List<String> expand(Sessions.Session session, String pattern, BitSet active) {
        List<String> found = new ArrayList<>();
        boolean absolute = pattern.startsWith("/");
        found.add(absolute ? "/" : "");
        int start = absolute ? 1 : 0;
        while (start <= pattern.length() && !found.isEmpty()) {
            int slash = pattern.indexOf('/', start);
            int end = slash < 0 ? pattern.length() : slash;
            boolean last = slash < 0;
            List<String> next = new ArrayList<>();
            BitSet part = active.get(start, end);
            String component = pattern.substring(start, end);
            if (component.isEmpty()) {
                found.replaceAll(f -> f + (last ? "" : "/"));
                start = end + 1;
                if (last) {
                    break;
                }
                continue;
            }
            if (!hasGlob(component, part)) {
                for (String f : found) {
                    String path = f + component;
                    if (session.files.exists(Paths.resolve(session, path.isEmpty() ? "." : path))) {
                        next.add(path + (last ? "" : "/"));
                    }
                }
            } else {
                Pattern regex = Pattern.compile(toRegex(component, part));
                boolean dotOk = component.startsWith(".");
                for (String f : found) {
                    String dir = Paths.resolve(session, f.isEmpty() ? "." : f);
                    if (!session.files.isDirectory(dir)) {
                        continue;
                    }
                    for (String child : session.files.children(dir)) {
                        if ((dotOk || !child.startsWith(".")) && regex.matches(child)) {
                            String path = f + child;
                            if (last || session.files.isDirectory(Paths.resolve(session, path))) {
                                next.add(path + (last ? "" : "/"));
                            }
                            if (next.size() > MAX_MATCHES) {
                                return List.of();
                            }
                        }
                    }
                }
            }
            found = next;
            start = end + 1;
            if (last) {
                break;
            }
        }
        found.sort(null);
        return found;
    }

    /** A glob with every character active. */
    static String toRegex(String glob) {
        BitSet all = new BitSet();
        all.set(0, glob.length());
        return toRegex(glob, all);
    }

    /** The glob as an RE2 expression; characters not in {@code active} (they were quoted) match themselves. */
    static String toRegex(String glob, BitSet active) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            boolean on = active.get(i);
            if (on && c == '*') {
                out.append(".*");
            } else if (on && c == '?') {
                out.append('.');
            } else if (on && c == '[') {
                int close = classEnd(glob, i);
                if (close < 0) {
                    out.append("\\[");
                } else {
                    out.append('[');
                    int k = i + 1;
                    if (glob.charAt(k) == '!' || glob.charAt(k) == '^') {
                        out.append('^');
                        k++;
                    }
                    for (; k < close; k++) {
                        char d = glob.charAt(k);
                        if (d == '[' && glob.startsWith("[:", k)) {
                            int end = glob.indexOf(":]", k + 2);
                            out.append(glob, k, end + 2);
                            k = end + 1;
                        } else {
                            out.append(d == '\\' || d == '[' || d == ']' && k > i + 1 ? "\\" + d : String.valueOf(d));
                        }
                    }
                    out.append(']');
                    i = close;
                }
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return out.toString();
    }

    private static int classEnd(String glob, int open) {
        int k = open + 1;
        if (k < glob.length() && (glob.charAt(k) == '!' || glob.charAt(k) == '^')) {
            k++;
        }
        if (k < glob.length() && glob.charAt(k) == ']') {
            k++;
        }
        while (k < glob.length()) {
            if (glob.startsWith("[:", k)) {
                int end = glob.indexOf(":]", k + 2);
                if (end > 0) {
                    k = end + 2;
                    continue;
                }
            }
            if (glob.charAt(k) == ']') {
                return k;
            }
            k++;
        }
        return -1;
    }
}
