package io.kubelab.kubectl.print.gotemplate;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.kubectl.go.GoText;
import io.kubelab.model.GoFloats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Go's {@code fmt.Sprintf} for the values a template handles (string, int, int64, float64, bool, maps and
 * lists of them, nil): verbs {@code %v %+v %#v %T %s %q %d %b %o %x %X %c %U %e %E %f %F %g %G %t %%},
 * flags {@code +-# 0}, width and precision (also {@code *}), and Go's error forms {@code %!d(string=x)},
 * {@code %!s(MISSING)}, {@code %!(EXTRA int=2)}, {@code %!(NOVERB)}.
 */
final class GoPrintf {

    private GoPrintf() {
    }

    private static final class Spec {
        boolean minus;
        boolean plus;
        boolean sharp;
        boolean space;
        boolean zero;
        int width = -1;
        int prec = -1;
    }

    /** Arguments are concrete values: a JsonNode, or null for a nil interface. */
    static String sprintf(String format, List<JsonNode> args) {
        StringBuilder out = new StringBuilder();
        boolean reordered = false;
        int argNum = 0;
        int i = 0;
        int end = format.length();
        while (i < end) {
            int pct = format.indexOf('%', i);
            if (pct < 0) {
                out.append(format, i, end);
                break;
            }
            out.append(format, i, pct);
            i = pct + 1;
            Spec spec = new Spec();
            while (i < end) {
                char c = format.charAt(i);
                if (c == '-') {
                    spec.minus = true;
                    spec.zero = false;
                } else if (c == '+') {
                    spec.plus = true;
                } else if (c == '#') {
                    spec.sharp = true;
                } else if (c == ' ') {
                    spec.space = true;
                } else if (c == '0') {
                    spec.zero = !spec.minus;
                } else {
                    break;
                }
                i++;
            }
            boolean goodArgNum = true;
            int[] index = argIndex(format, i, args.size());
            if (index != null) {
                reordered = true;
                i = index[1];
                if (index[0] >= 0) {
                    argNum = index[0];
                } else {
                    goodArgNum = false;
                }
            }
            if (i < end && format.charAt(i) == '*') {
                i++;
                if (argNum < args.size() && isIntArg(args.get(argNum))) {
                    spec.width = (int) args.get(argNum++).longValue();
                    if (spec.width < 0) {
                        spec.minus = true;
                        spec.width = -spec.width;
                    }
                } else {
                    out.append("%!(BADWIDTH)");
                    argNum++;
                }
            } else {
                int start = i;
                while (i < end && Character.isDigit(format.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    spec.width = Integer.parseInt(format.substring(start, i));
                }
            }
            if (i < end && format.charAt(i) == '.') {
                i++;
                index = argIndex(format, i, args.size());
                if (index != null) {
                    reordered = true;
                    i = index[1];
                    if (index[0] >= 0) {
                        argNum = index[0];
                    } else {
                        goodArgNum = false;
                    }
                }
                if (i < end && format.charAt(i) == '*') {
                    i++;
                    if (argNum < args.size() && isIntArg(args.get(argNum))) {
                        spec.prec = Math.max(0, (int) args.get(argNum++).longValue());
                    } else {
                        out.append("%!(BADPREC)");
                        argNum++;
                    }
                } else {
                    int start = i;
                    while (i < end && Character.isDigit(format.charAt(i))) {
                        i++;
                    }
                    spec.prec = i > start ? Integer.parseInt(format.substring(start, i)) : 0;
                }
            }
            index = argIndex(format, i, args.size());
            if (index != null) {
                reordered = true;
                i = index[1];
                if (index[0] >= 0) {
                    argNum = index[0];
                } else {
                    goodArgNum = false;
                }
            }
            if (i >= end) {
                out.append("%!(NOVERB)");
                break;
            }
            int verb = format.codePointAt(i);
            i += Character.charCount(verb);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if (!goodArgNum) {
                out.append("%!").appendCodePoint(verb).append("(BADINDEX)");
                continue;
            }
            if (argNum >= args.size()) {
                out.append("%!").appendCodePoint(verb).append("(MISSING)");
                continue;
            }
            out.append(formatArg(args.get(argNum++), verb, spec));
        }
        if (!reordered && argNum < args.size()) {
            out.append("%!(EXTRA ");
            for (int k = argNum; k < args.size(); k++) {
                if (k > argNum) {
                    out.append(", ");
                }
                JsonNode a = args.get(k);
                out.append(a == null ? "<nil>" : GoValues.concreteTypeName(a) + "=" + GoPrint.sprint(a, false));
            }
            out.append(')');
        }
        return out.toString();
    }

    /**
     * An explicit argument index {@code [n]} at {@code i}: {index - 1 (or -1 when out of range), the position
     * after it}; null when there is none.
     */
    private static int[] argIndex(String format, int i, int numArgs) {
        if (i >= format.length() || format.charAt(i) != '[') {
            return null;
        }
        int close = format.indexOf(']', i);
        if (close < 0) {
            return new int[] {-1, format.length()};
        }
        String digits = format.substring(i + 1, close);
        int n;
        try {
            n = digits.isEmpty() ? 0 : Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return new int[] {-1, close + 1};
        }
        return new int[] {n >= 1 && n <= numArgs ? n - 1 : -1, close + 1};
    }

    private static boolean isIntArg(JsonNode a) {
        return a != null && GoValues.isInt(a);
    }

    private static String formatArg(JsonNode a, int verb, Spec spec) {
        if (verb == 'T') {
            return pad(a == null ? "<nil>" : GoValues.concreteTypeName(a), spec);
        }
        if (a == null) {
            return verb == 'v' ? pad("<nil>", spec) : badVerb(verb, null);
        }
        if (verb == 'v' && spec.sharp) {
            return pad(GoPrint.goSyntax(a, false), spec);
        }
        if (a.isObject() || a.isArray()) {
            return container(a, verb, spec);
        }
        if (a.isTextual()) {
            return string(a.textValue(), verb, spec);
        }
        if (a.isBoolean()) {
            return verb == 't' || verb == 'v' ? pad(Boolean.toString(a.booleanValue()), spec) : badVerb(verb, a);
        }
        if (GoValues.isInt(a)) {
            return integer(GoNumbers.longValue(a), verb, spec, a);
        }
        if (a.isNumber()) {
            return floating(a.doubleValue(), verb, spec, a);
        }
        return badVerb(verb, a);
    }

    private static String container(JsonNode a, int verb, Spec spec) {
        StringBuilder b = new StringBuilder();
        if (a.isObject()) {
            b.append("map[");
            boolean first = true;
            for (String key : GoPrint.sortedKeys(a)) {
                if (!first) {
                    b.append(' ');
                }
                first = false;
                b.append(string(key, verb, spec)).append(':').append(element(a.get(key), verb, spec));
            }
            return b.append(']').toString();
        }
        b.append('[');
        for (int i = 0; i < a.size(); i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(element(a.get(i), verb, spec));
        }
        return b.append(']').toString();
    }

    private static String element(JsonNode e, int verb, Spec spec) {
        if (e == null || e.isNull()) {
            return verb == 'v' ? pad("<nil>", spec) : badVerb(verb, null);
        }
        return formatArg(e, verb, spec);
    }

    private static String badVerb(int verb, JsonNode a) {
        StringBuilder b = new StringBuilder("%!").appendCodePoint(verb).append('(');
        if (a == null) {
            b.append("<nil>");
        } else {
            b.append(GoValues.concreteTypeName(a)).append('=').append(GoPrint.sprint(a, false));
        }
        return b.append(')').toString();
    }

    private static String string(String s, int verb, Spec spec) {
        switch (verb) {
            case 'v', 's' -> {
                return pad(truncate(s, spec.prec), spec);
            }
            case 'q' -> {
                String t = truncate(s, spec.prec);
                if (spec.sharp && t.indexOf('`') < 0 && t.chars().allMatch(c -> c == '\t' || GoText.isPrint(c))) {
                    return pad("`" + t + "`", spec);
                }
                return pad(GoText.quote(t), spec);
            }
            case 'x', 'X' -> {
                StringBuilder b = new StringBuilder();
                byte[] bytes = truncate(s, spec.prec).getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < bytes.length; i++) {
                    if (spec.space && i > 0) {
                        b.append(' ');
                    }
                    if (spec.sharp && (spec.space || i == 0)) {
                        b.append(verb == 'x' ? "0x" : "0X");
                    }
                    String h = String.format("%02x", bytes[i] & 0xFF);
                    b.append(verb == 'X' ? h.toUpperCase() : h);
                }
                return pad(b.toString(), spec);
            }
            default -> {
                return badVerb(verb, com.fasterxml.jackson.databind.node.TextNode.valueOf(s));
            }
        }
    }

    private static String truncate(String s, int prec) {
        if (prec < 0 || s.codePointCount(0, s.length()) <= prec) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, prec));
    }

    private static String integer(long v, int verb, Spec spec, JsonNode a) {
        String digits;
        String prefix = "";
        switch (verb) {
            case 'v', 'd' -> digits = abs(v, 10);
            case 'b' -> digits = abs(v, 2);
            case 'o', 'O' -> {
                digits = abs(v, 8);
                if (verb == 'O') {
                    prefix = "0o";
                } else if (spec.sharp) {
                    prefix = "0";
                }
            }
            case 'x' -> {
                digits = abs(v, 16);
                prefix = spec.sharp ? "0x" : "";
            }
            case 'X' -> {
                digits = abs(v, 16).toUpperCase();
                prefix = spec.sharp ? "0X" : "";
            }
            case 'c' -> {
                return pad(new String(Character.toChars(validRune(v))), spec);
            }
            case 'q' -> {
                int r = validRune(v);
                String q = r == '\'' ? "'\\''" : GoText.quote(new String(Character.toChars(r)));
                if (r != '\'') {
                    q = "'" + q.substring(1, q.length() - 1).replace("\\\"", "\"") + "'";
                }
                return pad(q, spec);
            }
            case 'U' -> {
                String u = String.format("U+%04X", v);
                if (spec.sharp && GoText.isPrint(validRune(v))) {
                    u += " '" + new String(Character.toChars(validRune(v))) + "'";
                }
                return pad(u, spec);
            }
            case 'e', 'E', 'f', 'F', 'g', 'G', 's', 't' -> {
                return badVerb(verb, a);
            }
            default -> {
                return badVerb(verb, a);
            }
        }
        if (spec.prec >= 0) {
            if (spec.prec == 0 && v == 0) {
                digits = "";
            }
            while (digits.length() < spec.prec) {
                digits = "0" + digits;
            }
        }
        String sign = v < 0 ? "-" : spec.plus ? "+" : spec.space ? " " : "";
        return padNumber(sign, prefix + digits, spec, spec.prec < 0);
    }

    private static int validRune(long v) {
        return v < 0 || v > 0x10FFFF || (v >= 0xD800 && v < 0xE000) ? 0xFFFD : (int) v;
    }

    private static String abs(long v, int radix) {
        if (v == Long.MIN_VALUE) {
            return new java.math.BigInteger(Long.toString(v)).negate().toString(radix);
        }
        return Long.toString(Math.abs(v), radix);
    }

    private static String floating(double d, int verb, Spec spec, JsonNode a) {
        String body;
        switch (verb) {
            case 'v', 'g', 'G' -> body = spec.prec < 0 ? GoFloats.shortestG(Math.abs(d)) : precisionG(Math.abs(d), spec.prec);
            case 'e', 'E' -> body = exponentForm(Math.abs(d), spec.prec < 0 ? 6 : spec.prec);
            case 'f', 'F' -> body = fixed(Math.abs(d), spec.prec < 0 ? 6 : spec.prec);
            default -> {
                return badVerb(verb, a);
            }
        }
        if (verb == 'E' || verb == 'G') {
            body = body.toUpperCase();
        }
        if (Double.isNaN(d)) {
            return pad("NaN", spec);
        }
        boolean negative = d < 0 || (d == 0 && 1 / d < 0);
        String sign = negative ? "-" : spec.plus ? "+" : spec.space ? " " : "";
        if (Double.isInfinite(d)) {
            return pad(sign.isEmpty() && !negative ? "+Inf".substring(spec.plus ? 0 : 1) : sign + "Inf", spec);
        }
        return padNumber(sign, body, spec, true);
    }

    private static String fixed(double d, int prec) {
        return new BigDecimal(d).setScale(prec, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String exponentForm(double d, int prec) {
        if (d == 0) {
            return (prec > 0 ? "0." + "0".repeat(prec) : "0") + "e+00";
        }
        BigDecimal bd = new BigDecimal(d).round(new MathContext(prec + 1, RoundingMode.HALF_EVEN));
        String digits = bd.unscaledValue().toString();
        int exp = digits.length() - 1 - bd.scale();
        while (digits.length() < prec + 1) {
            digits += "0";
        }
        digits = digits.substring(0, prec + 1);
        String mantissa = prec > 0 ? digits.charAt(0) + "." + digits.substring(1) : digits.substring(0, 1);
        return mantissa + (exp < 0 ? "e-" : "e+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    private static String precisionG(double d, int prec) {
        if (prec == 0) {
            prec = 1;
        }
        if (d == 0) {
            return "0";
        }
        BigDecimal bd = new BigDecimal(d).round(new MathContext(prec, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int exp = digits.length() - 1 - bd.scale();
        if (exp < -4 || exp >= prec) {
            return GoNumbers.exponent(digits, exp);
        }
        return GoNumbers.plain(digits, exp + 1);
    }

    private static String padNumber(String sign, String body, Spec spec, boolean zeroAllowed) {
        int len = sign.length() + body.length();
        if (spec.width > len && spec.zero && zeroAllowed && !spec.minus) {
            return sign + "0".repeat(spec.width - len) + body;
        }
        return pad(sign + body, spec);
    }

    private static String pad(String s, Spec spec) {
        int n = s.codePointCount(0, s.length());
        if (spec.width <= n) {
            return s;
        }
        String fill = (spec.zero && !spec.minus ? "0" : " ").repeat(spec.width - n);
        return spec.minus ? s + fill : fill + s;
    }
}
