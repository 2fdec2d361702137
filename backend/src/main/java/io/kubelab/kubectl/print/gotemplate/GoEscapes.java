package io.kubelab.kubectl.print.gotemplate;

import io.kubelab.kubectl.go.GoText;

import java.nio.charset.StandardCharsets;

/** text/template's {@code html}, {@code js} and {@code urlquery} escapers, and Go's strict standard base64. */
final class GoEscapes {

    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private GoEscapes() {
    }

    static String html(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("&#34;");
                case '\'' -> b.append("&#39;");
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case 0 -> b.append('\uFFFD');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String js(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            switch (r) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '"' -> b.append("\\\"");
                case '<' -> b.append("\\u003C");
                case '>' -> b.append("\\u003E");
                case '&' -> b.append("\\u0026");
                case '=' -> b.append("\\u003D");
                default -> {
                    if (r < ' ') {
                        b.append(String.format("\\u%04X", r));
                    } else if (r < 0x80 || GoText.isPrint(r)) {
                        b.appendCodePoint(r);
                    } else {
                        b.append(String.format("\\u%04X", r));
                    }
                }
            }
        }
        return b.toString();
    }

    static String urlQuery(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                b.append((char) c);
            } else if (c == ' ') {
                b.append('+');
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }

    /** {@code base64.StdEncoding.DecodeString}; the exception message is Go's CorruptInputError text. */
    static byte[] base64Std(String s) {
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int i = 0;
        int n = in.length;
        while (i < n) {
            int[] quad = new int[4];
            int got = 0;
            while (got < 4) {
                if (i >= n) {
                    if (got == 0) {
                        return out.toByteArray();
                    }
                    throw illegal(n - got);
                }
                int c = in[i] & 0xFF;
                if (c == '\r' || c == '\n') {
                    i++;
                    continue;
                }
                if (c == '=') {
                    if (got < 2) {
                        throw illegal(i);
                    }
                    int padNeeded = 4 - got;
                    int j = i;
                    int pads = 0;
                    while (j < n && pads < padNeeded) {
                        int d = in[j] & 0xFF;
                        if (d == '\r' || d == '\n') {
                            j++;
                            continue;
                        }
                        if (d != '=') {
                            throw illegal(j);
                        }
                        pads++;
                        j++;
                    }
                    if (pads < padNeeded) {
                        throw illegal(n);
                    }
                    while (j < n && (in[j] == '\r' || in[j] == '\n')) {
                        j++;
                    }
                    if (j < n) {
                        throw illegal(j);
                    }
                    emit(out, quad, got);
                    return out.toByteArray();
                }
                int v = B64.indexOf(c);
                if (v < 0) {
                    throw illegal(i);
                }
                quad[got++] = v;
                i++;
            }
            emit(out, quad, 4);
        }
        return out.toByteArray();
    }

    private static void emit(java.io.ByteArrayOutputStream out, int[] q, int got) {
        int v = (q[0] << 18) | (q[1] << 12) | (q[2] << 6) | q[3];
        out.write((v >> 16) & 0xFF);
        if (got > 2) {
            out.write((v >> 8) & 0xFF);
        }
        if (got > 3) {
            out.write(v & 0xFF);
        }
    }

    private static IllegalArgumentException illegal(int at) {
        return new IllegalArgumentException("illegal base64 data at input byte " + at);
    }
}
