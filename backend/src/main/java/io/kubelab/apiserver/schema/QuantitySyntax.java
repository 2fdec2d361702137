package io.kubelab.apiserver.schema;

import java.util.Optional;
import java.util.Set;

/**
 * The errors of apimachinery's {@code resource.ParseQuantity} (pkg/api/resource/quantity.go), which
 * {@code Quantity.UnmarshalJSON} returns for a bad string or number. Only the verdict is reproduced, not
 * the value. Its third error ({@code unable to parse numeric part of quantity}) cannot follow a string
 * that passed the scan below (the int64 fast path or inf.Dec accept every such number part), so it is
 * not produced.
 */
final class QuantitySyntax {

    static final String FORMAT_WRONG =
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    static final String SUFFIX = "unable to parse quantity's suffix";

    private static final String SUFFIX_CHARS = "eEinumkKMGTP";
    private static final Set<String> SUFFIXES = Set.of("", "n", "u", "m", "k", "M", "G", "T", "P", "E",
            "Ki", "Mi", "Gi", "Ti", "Pi", "Ei");

    private QuantitySyntax() {
    }

    /** The error for {@code str}, or empty when it parses. */
    static Optional<String> error(String str) {
        if (str.isEmpty()) {
            return Optional.of(FORMAT_WRONG);
        }
        int end = str.length();
        int pos = 0;
        if (str.charAt(0) == '-' || str.charAt(0) == '+') {
            pos++;
        }
        while (pos < end && str.charAt(pos) == '0') {
            pos++;
        }
        if (pos >= end) {
            return Optional.empty();
        }
        while (pos < end && digit(str.charAt(pos))) {
            pos++;
        }
        if (pos >= end) {
            return Optional.empty();
        }
        if (str.charAt(pos) == '.') {
            pos++;
            while (pos < end && digit(str.charAt(pos))) {
                pos++;
            }
            if (pos >= end) {
                return Optional.empty();
            }
        }
        int suffixStart = pos;
        while (pos < end && SUFFIX_CHARS.indexOf(str.charAt(pos)) >= 0) {
            pos++;
        }
        if (pos < end && (str.charAt(pos) == '-' || str.charAt(pos) == '+')) {
            pos++;
        }
        while (pos < end && digit(str.charAt(pos))) {
            pos++;
        }
        if (pos < end) {
            return Optional.of(FORMAT_WRONG);
        }
        if (!validSuffix(str.substring(suffixStart))) {
            return Optional.of(SUFFIX);
        }
        return Optional.empty();
    }

    private static boolean validSuffix(String suffix) {
        if (SUFFIXES.contains(suffix)) {
            return true;
        }
        if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
            try {
                Long.parseLong(suffix.substring(1));
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
