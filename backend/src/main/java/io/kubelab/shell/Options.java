package io.kubelab.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GNU-style options: combined short flags ({@code -inE}), values attached or next ({@code -n5}, {@code -n 5}),
 * long options ({@code --name=value}), {@code --} ending them, operands anywhere (GNU permutes).
 */
final class Options {

    final Map<Character, List<String>> values = new HashMap<>();
    final List<Character> flags = new ArrayList<>();
    final Map<String, String> longs = new HashMap<>();
    final List<String> operands = new ArrayList<>();
    /** GNU's complaint about a bad option, or null. */
    String error;

    /**
     * @param withValue short options that take a value
     * @param numeric whether {@code -5} means {@code -n 5} (head, tail)
     */
    static Options parse(String cmd, List<String> args, String withValue, boolean numeric) {
        Options o = new Options();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                o.operands.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                o.longs.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "" : a.substring(eq + 1));
                continue;
            }
            if (!a.startsWith("-") || a.length() == 1) {
                o.operands.add(a);
                continue;
            }
            if (numeric && Character.isDigit(a.charAt(1))) {
                o.values.computeIfAbsent('n', k -> new ArrayList<>()).add(a.substring(1));
                continue;
            }
            for (int k = 1; k < a.length(); k++) {
                char c = a.charAt(k);
                if (withValue.indexOf(c) >= 0) {
                    String value;
                    if (k + 1 < a.length()) {
                        value = a.substring(k + 1);
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        o.error = cmd + ": option requires an argument -- '" + c + "'\n"
                                + "Try '" + cmd + " --help' for more information.\n";
                        return o;
                    }
                    o.values.computeIfAbsent(c, x -> new ArrayList<>()).add(value);
                    break;
                }
                o.flags.add(c);
            }
        }
        return o;
    }

    boolean has(char flag) {
        return flags.contains(flag);
    }

    boolean hasLong(String name) {
        return longs.containsKey(name);
    }

    /** The last value given for {@code c}, or {@code fallback}. */
    String value(char c, String fallback) {
        List<String> v = values.get(c);
        return v == null ? fallback : v.get(v.size() - 1);
    }

    List<String> all(char c) {
        return values.getOrDefault(c, List.of());
    }

    /** GNU's "invalid option" complaint when a flag is outside {@code known}, or null. */
    String unknown(String cmd, String known) {
        for (char c : flags) {
            if (known.indexOf(c) < 0) {
                return cmd + ": invalid option -- '" + c + "'\nTry '" + cmd + " --help' for more information.\n";
            }
        }
        return null;
    }
}
