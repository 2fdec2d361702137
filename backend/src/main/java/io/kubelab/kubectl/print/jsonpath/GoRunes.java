package io.kubelab.kubectl.print.jsonpath;

import io.kubelab.kubectl.print.gotemplate.GoStrings;

/** Go string helpers the JSONPath parser relies on: {@code %#U}, {@code strings.Trim(s, " ")}, unquoting. */
final class GoRunes {

    private GoRunes() {
    }

    /** Go's {@code %#U}: {@code U+0026 '&'}, without the quoted character when it is not printable. */
    static String unicodeFormat(int r) {
        String hex = String.format("U+%04X", r);
        return isPrint(r) ? hex + " '" + new String(Character.toChars(r)) + "'" : hex;
    }

    static boolean isPrint(int r) {
        if (r == ' ') {
            return true;
        }
        int type = Character.getType(r);
        return !Character.isWhitespace(r) && !Character.isSpaceChar(r) && type != Character.CONTROL
                && type != Character.FORMAT && type != Character.SURROGATE && type != Character.PRIVATE_USE
                && type != Character.UNASSIGNED;
    }

    static String trimSpaces(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && s.charAt(b) == ' ') {
            b++;
        }
        while (e > b && s.charAt(e - 1) == ' ') {
            e--;
        }
        return s.substring(b, e);
    }

    static String unquoteExtend(String s) {
        return GoStrings.unquote(s);
    }
}
