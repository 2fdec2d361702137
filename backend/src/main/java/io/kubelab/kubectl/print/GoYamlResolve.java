package io.kubelab.kubectl.print;

import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * go-yaml v2's implicit typing of a plain scalar ({@code resolve.go}, YAML 1.1 flavoured), used by its encoder to
 * decide that a string must be quoted because, written plain, it would read back as a bool, null, number,
 * timestamp or base-60 float: {@code "1"}, {@code "yes"}, {@code "on"}, {@code "0x1F"}, {@code "1e5"},
 * {@code "2024-01-02"}, {@code "12:30"}. The version in kubectl 1.32 has no big-integer rule, so an oversized hex
 * number such as {@code 0x1ffffffffffffffffff} stays a plain string.
 */
final class GoYamlResolve {

    private GoYamlResolve() {
    }

    /** resolveMap: the words that are bools, nulls, special floats or the merge key. */
    private static final Set<String> WORDS = Set.of(
            "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
            "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
            "~", "null", "Null", "NULL",
            ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF");

    private static final Pattern YAML_STYLE_FLOAT = Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
    private static final Pattern DOT_FLOAT = Pattern.compile("^\\.[0-9]+([eE][-+]?[0-9]+)?$");
    private static final Pattern BASE60_FLOAT = Pattern.compile("^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?$");
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** Whether the encoder may write {@code s} plain: it resolves to !!str and is no base-60 float. */
    static boolean plainIsString(String s) {
        if (!s.isEmpty()) {
            char first = s.charAt(0);
            // the common case: a word starting with a letter no YAML 1.1 keyword starts with
            if (first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z') {
                if ("yYnNtTfFoO".indexOf(first) < 0) {
                    return true;
                }
            }
        }
        return resolvesToString(s) && !isBase60Float(s);
    }

    private static boolean resolvesToString(String s) {
        if (s.isEmpty()) {
            return false; // null
        }
        char first = s.charAt(0);
        if (first == '+' || first == '-' || (first >= '0' && first <= '9')) {
            return !WORDS.contains(s) && !isNumberOrTimestamp(s);
        }
        if (first == '.') {
            return !WORDS.contains(s) && !DOT_FLOAT.matcher(s).matches();
        }
        if ("yYnNtTfFoO~".indexOf(first) >= 0) {
            return !WORDS.contains(s);
        }
        return true;
    }

    private static boolean isNumberOrTimestamp(String s) {
        if (GoTimestamp.isYamlTimestamp(s)) {
            return true;
        }
        String plain = s.indexOf('_') >= 0 ? s.replace("_", "") : s;
        BigInteger integer = parseIntBase0(plain);
        if (integer != null && integer.compareTo(INT64_MIN) >= 0 && integer.compareTo(UINT64_MAX) <= 0) {
            return true;
        }
        if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
            return true;
        }
        if (plain.startsWith("0b")) {
            BigInteger binary = parseDigits(plain.substring(2), 2);
            return binary != null && binary.compareTo(UINT64_MAX) <= 0;
        }
        if (plain.startsWith("-0b")) {
            BigInteger binary = parseDigits(plain.substring(3), 2);
            return binary != null && binary.negate().compareTo(INT64_MIN) >= 0;
        }
        return false;
    }

    /** strconv.ParseInt(s, 0, ...) syntax (sign, 0x/0o/0b prefixes, leading-0 octal), any magnitude; null if invalid. */
    private static BigInteger parseIntBase0(String s) {
        if (s.isEmpty()) {
            return null;
        }
        boolean negative = false;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
            if (s.isEmpty()) {
                return null;
            }
        }
        int radix = 10;
        if (s.charAt(0) == '0') {
            char second = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
            if (second == 'b' || second == 'o' || second == 'x') {
                radix = second == 'b' ? 2 : second == 'o' ? 8 : 16;
                s = s.substring(2);
            } else {
                radix = 8;
                s = s.substring(1);
                if (s.isEmpty()) {
                    return BigInteger.ZERO;
                }
            }
        }
        BigInteger value = parseDigits(s, radix);
        return value == null ? null : negative ? value.negate() : value;
    }

    private static BigInteger parseDigits(String s, int radix) {
        if (s.isEmpty()) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), radix) < 0 || s.charAt(i) > 'z') {
                return null;
            }
        }
        return new BigInteger(s, radix);
    }

    private static boolean isBase60Float(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        if (!(c == '+' || c == '-' || (c >= '0' && c <= '9')) || s.indexOf(':') < 0) {
            return false;
        }
        return BASE60_FLOAT.matcher(s).matches();
    }
}
