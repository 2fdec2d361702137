package io.kubelab.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * A Kubernetes resource quantity, as apimachinery's {@code resource.Quantity} parses, rounds and prints it.
 *
 * <p>The value is exact ({@link BigDecimal}); it remembers its {@link Format} (the kind of suffix it was written
 * with) and, like Go, the literal text when the parser's fast path judged that text already canonical: that is why
 * {@code "1.441"} and {@code "+1"} are stored as written while {@code "1.5"} becomes {@code "1500m"}.
 */
public final class Quantity implements Comparable<Quantity> {

    /** The three ways a quantity is printed. */
    public enum Format { DECIMAL_EXPONENT, BINARY_SI, DECIMAL_SI }

    /** The regular expression named in the format error, exactly as apimachinery spells it. */
    public static final String FORMAT_ERROR =
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    public static final String SUFFIX_ERROR = "unable to parse quantity's suffix";

    /** Thrown for text that is not a quantity; the message is apimachinery's error. */
    public static final class FormatException extends IllegalArgumentException {
        FormatException(String message) {
            super(message);
        }
    }

    private static final String SUFFIX_LETTERS = "eEinumkKMGTP";
    private static final Map<String, Integer> DECIMAL_SUFFIXES = Map.of("n", -9, "u", -6, "m", -3, "", 0,
            "k", 3, "M", 6, "G", 9, "T", 12, "P", 15, "E", 18);
    private static final Map<String, Integer> BINARY_SUFFIXES = Map.of("Ki", 10, "Mi", 20, "Gi", 30, "Ti", 40,
            "Pi", 50, "Ei", 60);
    private static final String[] BINARY_NAMES = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    private static final BigDecimal MAX_ALLOWED = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigInteger K1024 = BigInteger.valueOf(1024);
    private static final int NANO = 9;

    private final BigDecimal amount;
    private final Format format;
    /** The text as written, kept only where Go keeps it; null otherwise. */
    private final String cached;
    /** Go's int64Amount scale for a cached text (RoundUp keeps the text only while this is >= the target scale). */
    private final int cachedScale;

    private Quantity(BigDecimal amount, Format format, String cached, int cachedScale) {
        this.amount = amount;
        this.format = format;
        this.cached = cached;
        this.cachedScale = cachedScale;
    }

    public static Quantity of(BigDecimal amount, Format format) {
        return new Quantity(amount, format, null, 0);
    }

    public static Quantity of(long value, Format format) {
        return of(BigDecimal.valueOf(value), format);
    }

    /** {@code resource.ParseQuantity}; no surrounding blanks allowed. */
    public static Quantity parse(String text) {
        if (text.isEmpty()) {
            throw new FormatException(FORMAT_ERROR);
        }
        if (text.equals("0")) {
            return new Quantity(BigDecimal.ZERO, Format.DECIMAL_SI, "0", 0);
        }
        Parts p = Parts.scan(text);
        int base;
        int exponent;
        Format format;
        if (DECIMAL_SUFFIXES.containsKey(p.suffix)) {
            base = 10;
            exponent = DECIMAL_SUFFIXES.get(p.suffix);
            format = Format.DECIMAL_SI;
        } else if (BINARY_SUFFIXES.containsKey(p.suffix)) {
            base = 2;
            exponent = BINARY_SUFFIXES.get(p.suffix);
            format = Format.BINARY_SI;
        } else if (p.suffix.length() > 1 && (p.suffix.charAt(0) == 'e' || p.suffix.charAt(0) == 'E')) {
            base = 10;
            exponent = decimalExponent(p.suffix.substring(1));
            format = Format.DECIMAL_EXPONENT;
        } else {
            throw new FormatException(SUFFIX_ERROR);
        }
        Quantity fast = fastPath(text, p, base, exponent, format);
        if (fast != null) {
            return fast;
        }
        BigDecimal value = new BigDecimal(new BigInteger(p.num + p.denom), p.denom.length());
        value = base == 10 ? value.scaleByPowerOfTen(exponent)
                : value.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(exponent)));
        // Non-zero values round away from zero to the nanounit: asking for a little gets a little, never nothing.
        if (value.signum() != 0 && value.precision() - value.scale() < -NANO) {
            value = BigDecimal.ONE.movePointLeft(NANO);
        } else if (value.scale() > NANO) {
            value = value.setScale(NANO, RoundingMode.UP);
        }
        if (format == Format.BINARY_SI && value.compareTo(MAX_ALLOWED) > 0) {
            value = MAX_ALLOWED;
        }
        if (format == Format.BINARY_SI && value.signum() != 0 && value.compareTo(BigDecimal.ONE) < 0) {
            format = Format.DECIMAL_SI;
        }
        return of(p.positive ? value : value.negate(), format);
    }

    private static int decimalExponent(String digits) {
        try {
            long e = Long.parseLong(digits);
            if (e > Integer.MAX_VALUE || e < -Integer.MAX_VALUE) {
                throw new FormatException(SUFFIX_ERROR);
            }
            return (int) e;
        } catch (NumberFormatException e) {
            throw new FormatException(SUFFIX_ERROR);
        }
    }

    /** Go's int64 fast path: returns null where Go falls through to the exact decimal path. */
    private static Quantity fastPath(String text, Parts p, int base, int exponent, Format format) {
        int digits = p.num.length() + p.denom.length();
        int scale;
        long multiplier = 1;
        if (base == 10) {
            if (18 - digits < 0) {
                return null;
            }
            scale = exponent - p.denom.length();
        } else {
            if (exponent < 0 || !p.denom.isEmpty()) {
                return null;
            }
            if (15 - p.num.length() - (int) ((float) exponent * 3 / 10) - 1 < 0) {
                return null;
            }
            multiplier = 1L << exponent;
            scale = 0;
        }
        if (scale < -NANO) {
            return null;
        }
        String shifted = p.num + p.denom;
        long value = Long.parseLong(shifted);
        long result;
        try {
            result = Math.multiplyExact(value, multiplier);
        } catch (ArithmeticException overflow) {
            return null;
        }
        if (!p.positive) {
            result = -result;
        }
        BigDecimal amount = BigDecimal.valueOf(result).scaleByPowerOfTen(scale);
        boolean canonical = base == 2 ? exponent % 10 == 0 && (value & 0x07) != 0
                : scale % 3 == 0 && !shifted.endsWith("000") && shifted.charAt(0) != '0';
        return new Quantity(amount, format, canonical ? text : null, scale);
    }

    /** The pieces {@code parseQuantityString} cuts a quantity into. */
    private record Parts(boolean positive, String num, String denom, String suffix) {
        static Parts scan(String s) {
            boolean positive = true;
            int pos = 0;
            int end = s.length();
            if (s.charAt(0) == '-' || s.charAt(0) == '+') {
                positive = s.charAt(0) == '+';
                pos++;
            }
            while (pos < end && s.charAt(pos) == '0') {
                pos++;
            }
            if (pos >= end) {
                return new Parts(positive, "0", "", "");
            }
            int start = pos;
            while (pos < end && isDigit(s.charAt(pos))) {
                pos++;
            }
            String num = pos == start ? "0" : s.substring(start, pos);
            String denom = "";
            if (pos < end && s.charAt(pos) == '.') {
                int d = ++pos;
                while (pos < end && isDigit(s.charAt(pos))) {
                    pos++;
                }
                denom = s.substring(d, pos);
            }
            int suffixStart = pos;
            while (pos < end && SUFFIX_LETTERS.indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            if (pos < end && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) {
                pos++;
            }
            while (pos < end && isDigit(s.charAt(pos))) {
                pos++;
            }
            if (pos < end) {
                throw new FormatException(FORMAT_ERROR);
            }
            return new Parts(positive, num, denom, s.substring(suffixStart));
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }

    public BigDecimal amount() {
        return amount;
    }

    public Format format() {
        return format;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** {@code RoundUp(scale)}: away from zero to 10^scale (milli is -3); Go keeps a cached text it need not round. */
    public Quantity roundUp(int scale) {
        if (cached != null && cachedScale >= scale) {
            return this;
        }
        if (amount.scale() <= -scale) {
            return cached == null ? this : of(amount, format);
        }
        return of(amount.setScale(-scale, RoundingMode.UP), format);
    }

    /** Sum; a zero receiver takes the other's format, as Go's {@code Add} does. */
    public Quantity add(Quantity other) {
        return of(amount.add(other.amount), isZero() ? other.format : format);
    }

    public Quantity subtract(Quantity other) {
        return of(amount.subtract(other.amount), isZero() ? other.format : format);
    }

    /** {@code Value()}: the integer value rounded away from zero, saturated at the int64 bounds. */
    public long value() {
        return scaled(0);
    }

    /** {@code MilliValue()}: the value in thousandths, rounded away from zero. */
    public long milliValue() {
        return scaled(3);
    }

    private long scaled(int decimals) {
        if (amount.precision() - amount.scale() + decimals > 20) {
            return amount.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        BigInteger v = amount.movePointRight(decimals).setScale(0, RoundingMode.UP).toBigInteger();
        if (v.bitLength() > 63) {
            return v.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return v.longValue();
    }

    @Override
    public int compareTo(Quantity other) {
        return amount.compareTo(other.amount);
    }

    /** The text as the parser kept it, if it kept it. */
    public Optional<String> original() {
        return Optional.ofNullable(cached);
    }

    /** What Kubernetes serialises: the kept text, else the canonical form. */
    @Override
    public String toString() {
        return cached != null ? cached : canonical();
    }

    /** {@code CanonicalizeBytes}: the largest suffix that loses no precision and prints no fraction. */
    public String canonical() {
        if (isZero()) {
            return "0";
        }
        Format f = format;
        if (f == Format.BINARY_SI) {
            boolean small = amount.abs().compareTo(BigDecimal.valueOf(1024)) < 0;
            if (small || amount.stripTrailingZeros().scale() > 0) {
                f = Format.DECIMAL_SI;
            } else {
                BigInteger n = amount.toBigIntegerExact();
                int times = 0;
                while (n.signum() != 0 && n.mod(K1024).signum() == 0) {
                    n = n.divide(K1024);
                    times++;
                }
                if (times < BINARY_NAMES.length) {
                    return n + BINARY_NAMES[times];
                }
                // Past Ei there is no binary suffix; print the exact decimal instead of dropping the magnitude.
                f = Format.DECIMAL_EXPONENT;
            }
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        BigInteger mantissa = stripped.unscaledValue();
        int exponent = -stripped.scale();
        int extra = Math.floorMod(exponent, 3);
        mantissa = mantissa.multiply(BigInteger.TEN.pow(extra));
        exponent -= extra;
        if (f == Format.DECIMAL_SI) {
            for (Map.Entry<String, Integer> e : DECIMAL_SUFFIXES.entrySet()) {
                if (e.getValue() == exponent) {
                    return mantissa + e.getKey();
                }
            }
        }
        return exponent == 0 ? mantissa.toString() : mantissa + "e" + exponent;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && compareTo(q) == 0;
    }

    @Override
    public int hashCode() {
        return isZero() ? 0 : amount.stripTrailingZeros().hashCode();
    }
}
