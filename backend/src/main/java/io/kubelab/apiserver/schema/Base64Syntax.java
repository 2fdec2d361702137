package io.kubelab.apiserver.schema;

import java.util.OptionalInt;

/**
 * Where Go's {@code base64.StdEncoding.Decode} gives up on a {@code []byte} field's string
 * ({@code illegal base64 data at input byte N}): padded standard alphabet, CR and LF skipped, the offset
 * counted as Go's {@code decodeQuantum} counts it.
 */
final class Base64Syntax {

    private Base64Syntax() {
    }

    static String message(int offset) {
        return "illegal base64 data at input byte " + offset;
    }

    /** The offset of the first illegal byte, or empty when {@code s} decodes. */
    static OptionalInt error(String s) {
        int si = 0;
        int n = s.length();
        while (true) {
            int j = 0;
            while (j < 4) {
                if (si == n) {
                    if (j == 0) {
                        return OptionalInt.empty();
                    }
                    return OptionalInt.of(si - j);
                }
                char in = s.charAt(si++);
                if (alphabet(in)) {
                    j++;
                    continue;
                }
                if (in == '\n' || in == '\r') {
                    continue;
                }
                if (in != '=') {
                    return OptionalInt.of(si - 1);
                }
                // Padding: only in the third or fourth place of a quantum, then nothing but newlines.
                if (j < 2) {
                    return OptionalInt.of(si - 1);
                }
                if (j == 2) {
                    si = skipNewlines(s, si);
                    if (si == n) {
                        return OptionalInt.of(n);
                    }
                    if (s.charAt(si) != '=') {
                        return OptionalInt.of(si - 1);
                    }
                    si++;
                }
                si = skipNewlines(s, si);
                return si < n ? OptionalInt.of(si) : OptionalInt.empty();
            }
        }
    }

    private static int skipNewlines(String s, int si) {
        while (si < s.length() && (s.charAt(si) == '\n' || s.charAt(si) == '\r')) {
            si++;
        }
        return si;
    }

    private static boolean alphabet(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    }
}
