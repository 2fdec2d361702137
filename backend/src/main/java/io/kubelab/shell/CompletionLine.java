package io.kubelab.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * The line left of the cursor as completion needs it: the words of the command being typed (after the
 * last {@code |}, {@code ;}, {@code &&}, {@code (} or {@code $(}), and the word under the cursor, both as
 * typed ({@code raw}, which the candidate replaces) and with its quotes and escapes removed ({@code word}).
 */
record CompletionLine(List<String> words, String word, String raw, boolean afterRedirection) {

    static CompletionLine parse(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int start = 0;
        boolean inWord = false;
        boolean redirect = false;
        boolean wordIsRedirectTarget = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                    word.append(text.charAt(++i));
                } else {
                    word.append(c);
                }
                continue;
            }
            if (c == '\\' && i + 1 < text.length()) {
                if (!inWord) {
                    start = i;
                    inWord = true;
                    wordIsRedirectTarget = redirect;
                }
                word.append(text.charAt(++i));
                continue;
            }
            boolean separator = c == ' ' || c == '\t' || c == '\n';
            boolean control = c == '|' || c == ';' || c == '&' || c == '(' || c == ')' || c == '`';
            boolean redirection = c == '>' || c == '<';
            if (separator || control || redirection) {
                if (inWord) {
                    String done = word.toString();
                    boolean fd = redirection && done.chars().allMatch(Character::isDigit);
                    if (!fd) {
                        if (!wordIsRedirectTarget) {
                            words.add(done);
                        }
                    }
                    redirect = false;
                }
                word.setLength(0);
                inWord = false;
                if (control) {
                    words.clear();
                    redirect = false;
                }
                if (redirection) {
                    redirect = true;
                }
                continue;
            }
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '(') {
                words.clear();
                word.setLength(0);
                inWord = false;
                i++;
                continue;
            }
            if (!inWord) {
                start = i;
                inWord = true;
                wordIsRedirectTarget = redirect;
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else {
                word.append(c);
            }
        }
        String raw = inWord ? text.substring(start) : "";
        boolean target = inWord ? wordIsRedirectTarget : redirect;
        return new CompletionLine(List.copyOf(words), word.toString(), raw, target);
    }
}
