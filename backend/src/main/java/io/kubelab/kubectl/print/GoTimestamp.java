package io.kubelab.kubectl.print;

/**
 * go-yaml v2's timestamp recognition ({@code parseTimestamp}): a value starting with four digits and '-' that Go's
 * {@code time.Parse} accepts in one of the layouts {@code 2006-1-2T15:4:5.999999999Z07:00} (also with a lower-case
 * 't'), {@code 2006-1-2 15:4:5.999999999} or {@code 2006-1-2}, ranges checked as Go checks them.
 */
final class GoTimestamp {

    private GoTimestamp() {
    }

    static boolean isYamlTimestamp(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i != 4 || i == s.length() || s.charAt(i) != '-') {
            return false;
        }
        Cursor c = new Cursor(s, 5);
        int year = Integer.parseInt(s.substring(0, 4));
        int month = c.number();
        if (month < 1 || month > 12 || !c.expect('-')) {
            return false;
        }
        int day = c.number();
        if (day < 1 || day > daysIn(month, year)) {
            return false;
        }
        if (c.atEnd()) {
            return true;
        }
        char separator = s.charAt(c.at);
        if (separator != 'T' && separator != 't' && separator != ' ') {
            return false;
        }
        c.at++;
        if (!time(c)) {
            return false;
        }
        if (separator == ' ') {
            return c.atEnd();
        }
        return zone(c) && c.atEnd();
    }

    private static boolean time(Cursor c) {
        int hour = c.number();
        if (hour < 0 || hour > 23 || !c.expect(':')) {
            return false;
        }
        int minute = c.number();
        if (minute < 0 || minute > 59 || !c.expect(':')) {
            return false;
        }
        int second = c.number();
        if (second < 0 || second > 59) {
            return false;
        }
        String s = c.text;
        if (c.at + 1 < s.length() && (s.charAt(c.at) == '.' || s.charAt(c.at) == ',') && isDigit(s.charAt(c.at + 1))) {
            c.at++;
            while (c.at < s.length() && isDigit(s.charAt(c.at))) {
                c.at++;
            }
        }
        return true;
    }

    /** Z07:00: "Z", or a sign and hh:mm. */
    private static boolean zone(Cursor c) {
        String s = c.text;
        if (c.at < s.length() && s.charAt(c.at) == 'Z') {
            c.at++;
            return true;
        }
        if (s.length() - c.at < 6 || s.charAt(c.at + 3) != ':') {
            return false;
        }
        char sign = s.charAt(c.at);
        if (sign != '+' && sign != '-') {
            return false;
        }
        String hh = s.substring(c.at + 1, c.at + 3);
        String mm = s.substring(c.at + 4, c.at + 6);
        if (!isDigit(hh.charAt(0)) || !isDigit(hh.charAt(1)) || !isDigit(mm.charAt(0)) || !isDigit(mm.charAt(1))) {
            return false;
        }
        if (Integer.parseInt(hh) > 24 || Integer.parseInt(mm) > 60) {
            return false;
        }
        c.at += 6;
        return true;
    }

    private static int daysIn(int month, int year) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static final class Cursor {
        final String text;
        int at;

        Cursor(String text, int at) {
            this.text = text;
            this.at = at;
        }

        boolean atEnd() {
            return at == text.length();
        }

        boolean expect(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        /** Go's getnum(value, false): one digit, or two when the second is a digit; -1 if none. */
        int number() {
            if (at >= text.length() || !isDigit(text.charAt(at))) {
                return -1;
            }
            int n = text.charAt(at++) - '0';
            if (at < text.length() && isDigit(text.charAt(at))) {
                n = n * 10 + (text.charAt(at++) - '0');
            }
            return n;
        }
    }
}
