package io.kubelab.kubectl.print.gotemplate;

/** Go's string unquoting ({@code strconv.Unquote}), shared by the template parser and JSONPath. */
public final class GoStrings {

    private GoStrings() {
    }

    /**
     * Go's {@code strconv.Unquote} of a double-quoted string, also accepting single-quoted strings of any
     * length as client-go's {@code UnquoteExtend} does. Returns null where Go reports {@code invalid syntax}.
     */
    public static String unquote(String s) {
        int n = s.length();
        if (n < 2) {
            return null;
        }
        char quote = s.charAt(0);
        if (quote != s.charAt(n - 1) || (quote != '"' && quote != '\'')) {
            return null;
        }
        String body = s.substring(1, n - 1);
        if (body.indexOf('\\') < 0 && body.indexOf(quote) < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == quote) {
                return null;
            }
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= body.length()) {
                return null;
            }
            char e = body.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case '\\' -> out.append('\\');
                case '\'', '"' -> {
                    if (e != quote) {
                        return null;
                    }
                    out.append(e);
                }
                case 'x', 'u', 'U' -> {
                    int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + len > body.length()) {
                        return null;
                    }
                    int v = hex(body.substring(i, i + len));
                    if (v < 0 || (e != 'x' && (v > 0x10FFFF || (v >= 0xD800 && v < 0xE000)))) {
                        return null;
                    }
                    i += len;
                    if (e == 'x') {
                        out.append((char) v); // a raw byte in Go; Latin-1 here
                    } else {
                        out.appendCodePoint(v);
                    }
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    if (i + 2 > body.length()) {
                        return null;
                    }
                    int v = e - '0';
                    for (int k = 0; k < 2; k++) {
                        char d = body.charAt(i + k);
                        if (d < '0' || d > '7') {
                            return null;
                        }
                        v = v * 8 + (d - '0');
                    }
                    if (v > 255) {
                        return null;
                    }
                    i += 2;
                    out.append((char) v);
                }
                default -> {
                    return null;
                }
            }
        }
        return out.toString();
    }

    private static int hex(String digits) {
        long v = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v > Integer.MAX_VALUE ? -1 : (int) v;
    }
}
