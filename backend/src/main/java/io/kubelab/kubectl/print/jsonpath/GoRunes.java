package io.kubelab.kubectl.print.jsonpath;

import io.kubelab.kubectl.print.gotemplate.GoStrings;

/** Go string helpers the JSONPath parser relies on: {@code strings.Trim(s, " ")} and unquoting. */
final class GoRunes {

    private GoRunes() {
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
