package io.kubelab.shell;

import java.util.List;

/**
 * File-name completion as readline does it: the entries of the word's directory that start with what
 * follows its last {@code /}, a {@code /} after each directory, hidden entries only for a word starting
 * with a dot, characters the shell would split on escaped with a backslash.
 */
final class PathCompletion {

    enum Filter { ALL, DIRECTORIES }

    private static final String SPECIAL = " \t\n\"'\\|&;()<>$`!*?[]{}#";

    private PathCompletion() {
    }

    /**
     * Adds the matches of {@code word} (unquoted). With {@code extensions} (kubectl's {@code -f}: json,
     * yaml, yml), files must end in one of them; directories always match, to descend into.
     */
    static void complete(Sessions.Session session, String word, Filter filter, List<String> extensions,
                         Completion.Candidates found) {
        if (word.equals("~")) {
            found.add("~/", "~/", "");
            return;
        }
        int slash = word.lastIndexOf('/');
        String dirPart = word.substring(0, slash + 1);
        String prefix = word.substring(slash + 1);
        String dir = dirPart.isEmpty() ? session.cwd : Paths.resolve(session, dirPart);
        if (!session.files.isDirectory(dir)) {
            return;
        }
        List<String> names = session.files.children(dir);
        if (prefix.equals(".") || prefix.equals("..")) {
            add(session, found, dirPart, "..", true, filter, extensions);
            if (prefix.equals(".")) {
                add(session, found, dirPart, ".", true, filter, extensions);
            }
        }
        for (String name : names) {
            if (name.startsWith(prefix) && (prefix.startsWith(".") || !name.startsWith("."))) {
                String full = dir.equals("/") ? "/" + name : dir + "/" + name;
                add(session, found, dirPart, name, session.files.isDirectory(full), filter, extensions);
            }
        }
    }

    private static void add(Sessions.Session session, Completion.Candidates found, String dirPart, String name,
                            boolean directory, Filter filter, List<String> extensions) {
        if (!directory && (filter == Filter.DIRECTORIES || !extensions.isEmpty() && !hasExtension(name, extensions))) {
            return;
        }
        String mark = directory ? "/" : "";
        found.add(escape(dirPart) + escape(name) + mark, name + mark, "");
    }

    private static boolean hasExtension(String name, List<String> extensions) {
        for (String ext : extensions) {
            if (name.endsWith("." + ext)) {
                return true;
            }
        }
        return false;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (SPECIAL.indexOf(c) >= 0 && !(i == 0 && c == '~')) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
