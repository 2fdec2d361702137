package io.kubelab.kubectl.print;

import java.math.BigDecimal;

/**
 * Go's {@code fmt.Sprint(float64)} ({@code %v}, i.e. {@code %g} with the shortest digits): plain notation
 * for exponents from -4 to 5, otherwise {@code 1.234567e+06}. Table cells that are JSON numbers with a
 * fraction (or too big for int64) print this way.
 */
final class GoFloat {

    private GoFloat() {
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int exp = digits.length() - shortest.scale() - 1;
        StringBuilder out = new StringBuilder(value < 0 ? "-" : "");
        if (exp < -4 || exp >= 6) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append('e').append(exp < 0 ? '-' : '+');
            int abs = Math.abs(exp);
            out.append(abs < 10 ? "0" + abs : Integer.toString(abs));
        } else {
            out.append(shortest.toPlainString());
        }
        return out.toString();
    }
}
