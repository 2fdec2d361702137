package io.kubelab.kubectl.print;

/**
 * What a string becomes on the way through sigs.k8s.io/yaml's JSON-to-YAML step: encoding/json writes it (escaping
 * C0 controls, LS and PS, replacing broken UTF-16 with U+FFFD) and go-yaml reads that JSON back as YAML. The reader
 * rejects raw DEL, C1 controls other than NEL, U+FFFE and U+FFFF ("control characters are not allowed"), and in a
 * double-quoted scalar a raw NEL is a line break that gets folded: one break with the spaces around it becomes a
 * single space, n breaks become n-1 newlines.
 */
final class YamlReadBack {

    static final String CONTROL_CHARACTERS = "yaml: control characters are not allowed";
    private static final char NEL = '\u0085';

    private YamlReadBack() {
    }

    static String text(String value) {
        boolean nel = false;
        boolean surrogate = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x7F) {
                continue;
            }
            if (c == NEL) {
                nel = true;
            } else if (c <= 0x9F || c == 0xFFFE || c == 0xFFFF) {
                throw new PrintException(CONTROL_CHARACTERS);
            } else if (Character.isSurrogate(c)) {
                surrogate = true;
            }
        }
        String text = surrogate ? repairSurrogates(value) : value;
        return nel ? foldNel(text) : text;
    }

    private static String repairSurrogates(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                out.append(c).append(value.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /** The flow-scalar scanner's folding, where only raw spaces are blanks (encoding/json escaped the tabs). */
    private static String foldNel(String value) {
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        int n = value.length();
        while (i < n) {
            char c = value.charAt(i);
            if (c != ' ' && c != NEL) {
                out.append(c);
                i++;
                continue;
            }
            int start = i;
            int breaks = 0;
            while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == NEL)) {
                if (value.charAt(i) == NEL) {
                    breaks++;
                }
                i++;
            }
            if (breaks == 0) {
                out.append(value, start, i);
            } else if (breaks == 1) {
                out.append(' ');
            } else {
                out.append("\n".repeat(breaks - 1));
            }
        }
        return out.toString();
    }
}
