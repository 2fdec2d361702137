package io.kubelab.shell;

import com.google.re2j.Pattern;

/** The forms of {@code ${...}} and the special parameters ({@code $? $$ $# $0}) bash answers. */
final class Parameters {

    /** The process id {@code $$} shows: the sandbox's login shell. */
    static final String SHELL_PID = "1201";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Parameters() {
    }

    static String special(char name, Expander.Context context) {
        return switch (name) {
            case '?' -> Integer.toString(context.status());
            case '$' -> SHELL_PID;
            case '#' -> "0";
            case '0' -> "bash";
            case '-' -> "himBHs";
            default -> "";
        };
    }

    static String braced(String inner, Expander.Context context, Expander expander) {
        if (inner.length() == 1 && "?$#0-".indexOf(inner.charAt(0)) >= 0) {
            return special(inner.charAt(0), context);
        }
        if (inner.startsWith("#") && inner.length() > 1) {
            if (!NAME.matches(inner.substring(1))) {
                throw bad(inner);
            }
            String v = context.variable(inner.substring(1));
            return Integer.toString(v == null ? 0 : v.length());
        }
        int n = 0;
        while (n < inner.length() && (Character.isLetterOrDigit(inner.charAt(n)) || inner.charAt(n) == '_')) {
            n++;
        }
        String name = inner.substring(0, n);
        if (name.isEmpty() || !(NAME.matches(name) || name.chars().allMatch(Character::isDigit))) {
            throw bad(inner);
        }
        String value = context.variable(name);
        String rest = inner.substring(n);
        if (rest.isEmpty()) {
            return value == null ? "" : value;
        }
        boolean colon = rest.startsWith(":") && rest.length() > 1 && "-=+?".indexOf(rest.charAt(1)) >= 0;
        String op = colon ? rest.substring(0, 2) : rest.substring(0, 1);
        String word = rest.substring(op.length());
        boolean unset = value == null || (colon && value.isEmpty());
        switch (op.charAt(op.length() - 1)) {
            case '-':
                return unset ? expander.single(word) : value;
            case '=':
                if (unset) {
                    String assigned = expander.single(word);
                    context.assign(name, assigned);
                    return assigned;
                }
                return value;
            case '+':
                return unset ? "" : expander.single(word);
            case '?':
                if (unset) {
                    throw new ExpansionError("bash: " + name + ": "
                            + (word.isEmpty() ? "parameter null or not set" : expander.single(word)));
                }
                return value;
            default:
                break;
        }
        String v = value == null ? "" : value;
        if (rest.startsWith("##") || rest.startsWith("%%")) {
            return strip(v, expander.single(rest.substring(2)), rest.charAt(0) == '#', true);
        }
        if (rest.startsWith("#") || rest.startsWith("%")) {
            return strip(v, expander.single(rest.substring(1)), rest.charAt(0) == '#', false);
        }
        if (rest.startsWith("/")) {
            boolean all = rest.startsWith("//");
            String spec = rest.substring(all ? 2 : 1);
            int slash = spec.indexOf('/');
            String pattern = expander.single(slash < 0 ? spec : spec.substring(0, slash));
            String replacement = slash < 0 ? "" : expander.single(spec.substring(slash + 1));
            if (pattern.isEmpty()) {
                return v;
            }
            Pattern p = Pattern.compile(Globs.toRegex(pattern));
            return all ? p.matcher(v).replaceAll(com.google.re2j.Matcher.quoteReplacement(replacement))
                    : p.matcher(v).replaceFirst(com.google.re2j.Matcher.quoteReplacement(replacement));
        }
        if (rest.equals("^^")) {
            return v.toUpperCase(java.util.Locale.ROOT);
        }
        if (rest.equals(",,")) {
            return v.toLowerCase(java.util.Locale.ROOT);
        }
        if (rest.startsWith(":")) {
            String[] parts = rest.substring(1).split(":", 2);
            try {
                int from = Integer.parseInt(Arithmetic.evaluate(parts[0].isBlank() ? "0" : parts[0], context));
                from = from < 0 ? Math.max(0, v.length() + from) : Math.min(from, v.length());
                int len = parts.length < 2 ? v.length() - from
                        : Integer.parseInt(Arithmetic.evaluate(parts[1].isBlank() ? "0" : parts[1], context));
                int end = len < 0 ? v.length() + len : Math.min(v.length(), from + len);
                return end < from ? "" : v.substring(from, end);
            } catch (NumberFormatException e) {
                throw bad(inner);
            }
        }
        throw bad(inner);
    }

    /** {@code ${v#p}} and friends: the shortest or longest prefix (or suffix) matching the glob removed. */
    private static String strip(String v, String glob, boolean prefix, boolean longest) {
        Pattern p = Pattern.compile(Globs.toRegex(glob));
        if (prefix) {
            for (int k = longest ? v.length() : 0; longest ? k >= 0 : k <= v.length(); k += longest ? -1 : 1) {
                if (p.matches(v.substring(0, k))) {
                    return v.substring(k);
                }
            }
        } else {
            for (int k = longest ? 0 : v.length(); longest ? k <= v.length() : k >= 0; k += longest ? 1 : -1) {
                if (p.matches(v.substring(k))) {
                    return v.substring(0, k);
                }
            }
        }
        return v;
    }

    private static ExpansionError bad(String inner) {
        return new ExpansionError("bash: ${" + inner + "}: bad substitution");
    }
}
