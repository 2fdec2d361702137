package io.kubelab.kubectl.go;

/**
 * Go's ways of showing a string in messages and output: {@code strconv.Quote} ({@code %q}), {@code %#U},
 * {@code unicode.IsPrint}, and {@code len(s)} (bytes of UTF-8), shared by describe, go-templates and JSONPath.
 */
public final class GoText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoText() {
    }

    /** Go's {@code strconv.Quote}. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            switch (r) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case 7 -> b.append("\\a");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case 11 -> b.append("\\v");
                default -> {
                    if (isPrint(r)) {
                        b.appendCodePoint(r);
                    } else if (r < ' ' || r == 0x7f) {
                        b.append("\\x").append(HEX[(r >> 4) & 0xF]).append(HEX[r & 0xF]);
                    } else if (r < 0x10000) {
                        b.append(String.format("\\u%04x", r));
                    } else {
                        b.append(String.format("\\U%08x", r));
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Go's {@code %#U}: {@code U+0026 '&'}, without the character when Go would not print it. */
    public static String unicodeFormat(int r) {
        String hex = String.format("U+%04X", r);
        return isPrint(r) ? hex + " '" + new String(Character.toChars(r)) + "'" : hex;
    }

    /** Go's {@code unicode.IsPrint}, near enough: letters, marks, numbers, punctuation, symbols and ' '. */
    public static boolean isPrint(int r) {
        if (r == ' ') {
            return true;
        }
        int type = Character.getType(r);
        return r > ' ' && r != 0x7f && !Character.isWhitespace(r) && !Character.isSpaceChar(r)
                && type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.PRIVATE_USE && type != Character.UNASSIGNED;
    }

    /** Go's {@code len(s)}: the bytes of the text in UTF-8 (a surrogate pair is 4). */
    public static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }
}
