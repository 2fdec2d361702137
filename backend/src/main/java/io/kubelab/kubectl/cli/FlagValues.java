package io.kubelab.kubectl.cli;

import io.kubelab.clock.GoDuration;

/** pflag's conversions of flag values, with Go's strconv and time error wording. */
final class FlagValues {

    private FlagValues() {
    }

    /** Null when {@code value} is a valid {@code type}, else the Go error pflag appends to its message. */
    static String check(Flag.Type type, String value) {
        switch (type) {
            case BOOL:
                return parseBool(value) == null ? "strconv.ParseBool: parsing \"" + value + "\": invalid syntax" : null;
            case INT:
            case INT64:
                return checkInt(value, 64);
            case INT32:
                return checkInt(value, 32);
            case DURATION:
                try {
                    GoDuration.parse(value);
                    return null;
                } catch (IllegalArgumentException e) {
                    return e.getMessage();
                }
            default:
                return null;
        }
    }

    /** Go's strconv.ParseBool: 1, t, T, TRUE, true, True and their false forms; null for anything else. */
    static Boolean parseBool(String value) {
        switch (value) {
            case "1": case "t": case "T": case "TRUE": case "true": case "True":
                return Boolean.TRUE;
            case "0": case "f": case "F": case "FALSE": case "false": case "False":
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    private static String checkInt(String value, int bits) {
        String digits = value.startsWith("-") || value.startsWith("+") ? value.substring(1) : value;
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            return "strconv.ParseInt: parsing \"" + value + "\": invalid syntax";
        }
        try {
            long parsed = Long.parseLong(value.startsWith("+") ? digits : value);
            if (bits == 32 && (parsed > Integer.MAX_VALUE || parsed < Integer.MIN_VALUE)) {
                return "strconv.ParseInt: parsing \"" + value + "\": value out of range";
            }
            return null;
        } catch (NumberFormatException e) {
            return "strconv.ParseInt: parsing \"" + value + "\": value out of range";
        }
    }
}
