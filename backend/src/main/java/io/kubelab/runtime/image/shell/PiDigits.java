package io.kubelab.runtime.image.shell;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Pi to N significant digits, as Perl's {@code bignum} {@code bpi(N)} prints it (Machin's formula). */
public final class PiDigits {

    public static final int MAX_DIGITS = 20_000;

    private PiDigits() {
    }

    public static String pi(int digits) {
        int n = Math.max(1, Math.min(digits, MAX_DIGITS));
        MathContext mc = new MathContext(n + 10, RoundingMode.HALF_EVEN);
        BigDecimal pi = arctanInverse(5, mc).multiply(BigDecimal.valueOf(16))
                .subtract(arctanInverse(239, mc).multiply(BigDecimal.valueOf(4)), mc);
        return pi.round(new MathContext(n, RoundingMode.HALF_EVEN)).toPlainString();
    }

    /** arctan(1/x) by its Taylor series. */
    private static BigDecimal arctanInverse(int x, MathContext mc) {
        BigDecimal xs = BigDecimal.valueOf((long) x * x);
        BigDecimal term = BigDecimal.ONE.divide(BigDecimal.valueOf(x), mc);
        BigDecimal sum = term;
        BigDecimal epsilon = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 2);
        for (int k = 1; term.abs().compareTo(epsilon) > 0; k++) {
            term = term.divide(xs, mc);
            BigDecimal t = term.divide(BigDecimal.valueOf(2L * k + 1), mc);
            sum = (k % 2 == 1) ? sum.subtract(t, mc) : sum.add(t, mc);
        }
        return sum;
    }
}
