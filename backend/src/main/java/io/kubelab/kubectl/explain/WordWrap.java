package io.kubelab.kubectl.explain;

/**
 * {@code github.com/mitchellh/go-wordwrap} 1.0.1's {@code WrapString}, which kubectl's explain templates use:
 * breaks only at white space, counts characters (code points), keeps a word longer than the limit whole, and
 * drops the spaces where it breaks. A no-break space is not white space.
 */
final class WordWrap {

    private static final int NBSP = 0x00A0;

    private WordWrap() {
    }

    static String wrap(String s, int limit) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        StringBuilder word = new StringBuilder();
        StringBuilder space = new StringBuilder();
        int current = 0;
        int wordLen = 0;
        int spaceLen = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                if (word.length() == 0) {
                    if (current + spaceLen <= limit) {
                        out.append(space);
                    }
                } else {
                    out.append(space).append(word);
                    word.setLength(0);
                    wordLen = 0;
                }
                space.setLength(0);
                spaceLen = 0;
                out.append('\n');
                current = 0;
            } else if (isSpace(c)) {
                if (space.length() == 0 || word.length() > 0) {
                    current += spaceLen + wordLen;
                    out.append(space).append(word);
                    space.setLength(0);
                    spaceLen = 0;
                    word.setLength(0);
                    wordLen = 0;
                }
                space.appendCodePoint(c);
                spaceLen++;
            } else {
                word.appendCodePoint(c);
                wordLen++;
                if (current + spaceLen + wordLen > limit && wordLen < limit) {
                    out.append('\n');
                    current = 0;
                    space.setLength(0);
                    spaceLen = 0;
                }
            }
        }
        if (word.length() == 0) {
            if (current + spaceLen <= limit) {
                out.append(space);
            }
        } else {
            out.append(space).append(word);
        }
        return out.toString();
    }

    /** Go's {@code unicode.IsSpace}, less the no-break space. */
    private static boolean isSpace(int c) {
        return switch (c) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> c >= 0x2000 && c <= 0x200A;
        } && c != NBSP;
    }
}
