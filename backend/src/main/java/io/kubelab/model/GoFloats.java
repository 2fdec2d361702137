package io.kubelab.model;

import java.math.BigDecimal;

/**
 * Go's float64 text forms that kubectl's output depends on: {@code encoding/json} (plain digits between 1e-6 and
 * 1e21, exponent form outside, {@code e-07} shortened to {@code e-7}) and {@code strconv.FormatFloat(f, 'g', -1, 64)}
 * (exponent form when the decimal exponent is below -4 or at least 6), which go-yaml writes.
 * Both start from the shortest decimal digits that read back as the same double.
 */
public final class GoFloats {

    private GoFloats() {
    }

    /** The text encoding/json writes for a float64. */
    public static String json(double value) {
        if (value == 0) {
            return isNegativeZero(value) ? "-0" : "0";
        }
        double abs = Math.abs(value);
        Digits digits = Digits.of(value);
        if (abs < 1e-6 || abs >= 1e21) {
            String text = digits.exponentForm();
            int n = text.length();
            // encoding/json cleans up e-09 to e-9
            if (n >= 4 && text.charAt(n - 4) == 'e' && text.charAt(n - 3) == '-' && text.charAt(n - 2) == '0') {
                text = text.substring(0, n - 2) + text.charAt(n - 1);
            }
            return text;
        }
        return digits.fixedForm();
    }

    /** strconv.FormatFloat(value, 'g', -1, 64), also what fmt.Sprint prints for a float64. */
    public static String shortestG(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == 0) {
            return isNegativeZero(value) ? "-0" : "0";
        }
        Digits digits = Digits.of(value);
        int exp = digits.pointPosition - 1;
        return exp < -4 || exp >= 6 ? digits.exponentForm() : digits.fixedForm();
    }

    private static boolean isNegativeZero(double value) {
        return Double.doubleToRawLongBits(value) != 0;
    }

    /** value = sign 0.digits × 10^pointPosition, digits without trailing zeros (Go's decimalSlice). */
    private record Digits(boolean negative, String digits, int pointPosition) {

        static Digits of(double value) {
            BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
            String unscaled = decimal.unscaledValue().toString();
            return new Digits(value < 0, unscaled, unscaled.length() - decimal.scale());
        }

        String fixedForm() {
            StringBuilder out = new StringBuilder(digits.length() + 8);
            if (negative) {
                out.append('-');
            }
            if (pointPosition > 0) {
                for (int i = 0; i < pointPosition; i++) {
                    out.append(i < digits.length() ? digits.charAt(i) : '0');
                }
            } else {
                out.append('0');
            }
            int fraction = Math.max(digits.length() - pointPosition, 0);
            if (fraction > 0) {
                out.append('.');
                for (int i = 0; i < fraction; i++) {
                    int at = pointPosition + i;
                    out.append(at >= 0 && at < digits.length() ? digits.charAt(at) : '0');
                }
            }
            return out.toString();
        }

        String exponentForm() {
            StringBuilder out = new StringBuilder(digits.length() + 8);
            if (negative) {
                out.append('-');
            }
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            int exp = pointPosition - 1;
            out.append('e').append(exp < 0 ? '-' : '+');
            int abs = Math.abs(exp);
            if (abs < 10) {
                out.append('0');
            }
            return out.append(abs).toString();
        }
    }
}
