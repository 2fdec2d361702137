package io.kubelab.kubectl.print;

/**
 * go-yaml v2's analysis of a scalar's text ({@code yaml_emitter_analyze_scalar}): which styles can carry it.
 * Character classes are the emitter's: printable is LF, 0x20-0x7E, U+00A0-U+D7FF and U+E000-U+FFFD less the BOM
 * (so a tab, a C1 control or anything beyond the BMP forces double quotes); breaks are CR, LF, NEL, LS and PS.
 */
final class GoYamlScalar {

    static final int PLAIN = 0;
    static final int SINGLE_QUOTED = 1;
    static final int DOUBLE_QUOTED = 2;
    static final int LITERAL = 3;

    final boolean multiline;
    final boolean blockPlainAllowed;
    final boolean singleQuotedAllowed;
    final boolean blockAllowed;

    private GoYamlScalar(boolean multiline, boolean blockPlain, boolean single, boolean block) {
        this.multiline = multiline;
        this.blockPlainAllowed = blockPlain;
        this.singleQuotedAllowed = single;
        this.blockAllowed = block;
    }

    static GoYamlScalar analyze(String value) {
        if (value.isEmpty()) {
            return new GoYamlScalar(false, true, true, false);
        }
        boolean blockIndicators = value.startsWith("---") || value.startsWith("...");
        boolean lineBreaks = false;
        boolean special = false;
        boolean leadingSpace = false;
        boolean leadingBreak = false;
        boolean trailingSpace = false;
        boolean trailingBreak = false;
        boolean breakSpace = false;
        boolean spaceBreak = false;
        boolean precededByWhitespace = true;
        boolean previousSpace = false;
        boolean previousBreak = false;
        int length = value.length();
        for (int i = 0; i < length; ) {
            int c = value.codePointAt(i);
            int next = i + Character.charCount(c);
            boolean first = i == 0;
            boolean last = next >= length;
            boolean followedByWhitespace = last || isBlank(value.charAt(next));
            if (first) {
                switch (c) {
                    case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' -> blockIndicators = true;
                    case '?', ':', '-' -> blockIndicators |= followedByWhitespace;
                    default -> {
                    }
                }
            } else if (c == ':') {
                blockIndicators |= followedByWhitespace;
            } else if (c == '#') {
                blockIndicators |= precededByWhitespace;
            }
            if (!isPrintable(c)) {
                special = true;
            }
            if (c == ' ') {
                leadingSpace |= first;
                trailingSpace |= last;
                breakSpace |= previousBreak;
                previousSpace = true;
                previousBreak = false;
            } else if (isBreak(c)) {
                lineBreaks = true;
                leadingBreak |= first;
                trailingBreak |= last;
                spaceBreak |= previousSpace;
                previousSpace = false;
                previousBreak = true;
            } else {
                previousSpace = false;
                previousBreak = false;
            }
            precededByWhitespace = isBlank(c) || isBreak(c) || c == 0;
            i = next;
        }
        boolean blockPlain = true;
        boolean single = true;
        boolean block = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
            blockPlain = false;
        }
        if (trailingSpace) {
            block = false;
        }
        if (breakSpace) {
            blockPlain = false;
            single = false;
        }
        if (spaceBreak || special) {
            blockPlain = false;
            single = false;
            block = false;
        }
        if (lineBreaks || blockIndicators) {
            blockPlain = false;
        }
        return new GoYamlScalar(lineBreaks, blockPlain, single, block);
    }

    /**
     * The style the emitter settles on for a string (the encoder asks for literal when the text holds a newline,
     * plain when it reads back as a string, else double quotes; then yaml_emitter_select_scalar_style).
     */
    int styleForString(String value, boolean simpleKey) {
        int style = value.indexOf('\n') >= 0 ? LITERAL : GoYamlResolve.plainIsString(value) ? PLAIN : DOUBLE_QUOTED;
        if (simpleKey && multiline) {
            style = DOUBLE_QUOTED;
        }
        if (style == PLAIN && (!blockPlainAllowed || (value.isEmpty() && simpleKey))) {
            style = SINGLE_QUOTED;
        }
        if (style == SINGLE_QUOTED && !singleQuotedAllowed) {
            style = DOUBLE_QUOTED;
        }
        if (style == LITERAL && (!blockAllowed || simpleKey)) {
            style = DOUBLE_QUOTED;
        }
        return style;
    }

    static boolean isPrintable(int c) {
        return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
    }

    static boolean isBreak(int c) {
        return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    static boolean isBlank(int c) {
        return c == ' ' || c == '\t';
    }
}
