package io.kubelab.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * One corpus scenario file: command lines run top to bottom in one fresh sandbox, each followed by what it must
 * print. The format, line by line:
 * <pre>
 * ## a comment (kept with the command line that follows it)
 * $ kubectl get pods -o name          the command line
 * &gt; more text                      continuation lines of the same command (heredocs)
 * &#64;kubectl                          the expected text below was printed by the real kubectl 1.32
 * &#64;known-difference REASON          ours differs from it: the runner skips the case with REASON
 * &#64;oracle / &#64;no-oracle            force or forbid checking this line against the real kubectl
 * pod/web                             expected stdout, line by line
 * !no-eol                             the block above does not end with a newline
 * !stderr                             the lines that follow are the expected stderr
 * !exit 1                             the expected exit code (0 when absent)
 * (one blank line ends the case)
 * </pre>
 */
record CorpusFile(List<Case> cases) {

    static final String COMMAND = "$ ";
    static final String CONTINUATION = "> ";
    static final String COMMENT = "##";
    static final String KUBECTL = "@kubectl";
    static final String KNOWN_DIFFERENCE = "@known-difference ";
    static final String ORACLE = "@oracle";
    static final String NO_ORACLE = "@no-oracle";
    static final String STDERR = "!stderr";
    static final String NO_EOL = "!no-eol";
    static final String EXIT = "!exit ";

    /** One command line and what it must print. */
    record Case(int line, List<String> comments, String command, Expected expected, boolean fromKubectl,
                String knownDifference, Boolean oracle) {

        Case withExpected(Expected e, boolean kubectl, String difference) {
            return new Case(line, comments, command, e, kubectl, difference, oracle);
        }
    }

    /** Exact stdout, stderr and exit code. */
    record Expected(String stdout, String stderr, int exit) {
    }

    static CorpusFile parse(String text) {
        List<String> lines = List.of(text.split("\n", -1));
        List<Case> cases = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String l = lines.get(i);
            if (l.startsWith(COMMENT)) {
                comments.add(l);
                i++;
                continue;
            }
            if (!l.startsWith(COMMAND)) {
                if (!l.isBlank()) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": expected '$ command' or '##', got: " + l);
                }
                i++;
                continue;
            }
            int start = i + 1;
            StringBuilder command = new StringBuilder(l.substring(COMMAND.length()));
            i++;
            while (i < lines.size() && (lines.get(i).startsWith(CONTINUATION) || lines.get(i).equals(">"))) {
                command.append('\n').append(lines.get(i).length() > 1 ? lines.get(i).substring(2) : "");
                i++;
            }
            boolean kubectl = false;
            String difference = null;
            Boolean oracle = null;
            while (i < lines.size() && lines.get(i).startsWith("@")) {
                String d = lines.get(i++);
                if (d.equals(KUBECTL)) {
                    kubectl = true;
                } else if (d.startsWith(KNOWN_DIFFERENCE)) {
                    difference = d.substring(KNOWN_DIFFERENCE.length()).strip();
                } else if (d.equals(ORACLE) || d.equals(NO_ORACLE)) {
                    oracle = d.equals(ORACLE);
                } else {
                    throw new IllegalArgumentException("line " + i + ": unknown directive " + d);
                }
            }
            List<String> body = new ArrayList<>();
            while (i < lines.size() && !lines.get(i).startsWith(COMMAND) && !lines.get(i).startsWith(COMMENT)) {
                body.add(lines.get(i++));
            }
            // The case ends with one blank separator line; the file's final newline leaves one more empty string.
            if (i >= lines.size() && !body.isEmpty() && body.get(body.size() - 1).isEmpty()) {
                body.remove(body.size() - 1);
            }
            if (!body.isEmpty() && body.get(body.size() - 1).isEmpty()) {
                body.remove(body.size() - 1);
            }
            cases.add(new Case(start, List.copyOf(comments), command.toString(), expected(body), kubectl, difference, oracle));
            comments.clear();
        }
        return new CorpusFile(cases);
    }

    private static Expected expected(List<String> body) {
        int exit = 0;
        if (!body.isEmpty() && body.get(body.size() - 1).startsWith(EXIT)) {
            exit = Integer.parseInt(body.remove(body.size() - 1).substring(EXIT.length()).strip());
        }
        int err = body.indexOf(STDERR);
        List<String> out = err < 0 ? body : body.subList(0, err);
        List<String> errLines = err < 0 ? List.of() : body.subList(err + 1, body.size());
        return new Expected(block(out), block(errLines), exit);
    }

    private static String block(List<String> lines) {
        if (lines.isEmpty()) {
            return "";
        }
        boolean noEol = lines.get(lines.size() - 1).equals(NO_EOL);
        List<String> text = noEol ? lines.subList(0, lines.size() - 1) : lines;
        return String.join("\n", text) + (noEol ? "" : "\n");
    }

    String format() {
        StringBuilder sb = new StringBuilder();
        for (Case c : cases) {
            c.comments().forEach(l -> sb.append(l).append('\n'));
            String[] cmd = c.command().split("\n", -1);
            sb.append(COMMAND).append(cmd[0]).append('\n');
            for (int k = 1; k < cmd.length; k++) {
                sb.append(cmd[k].isEmpty() ? ">" : CONTINUATION + cmd[k]).append('\n');
            }
            if (c.fromKubectl()) {
                sb.append(KUBECTL).append('\n');
            }
            if (c.knownDifference() != null) {
                sb.append(KNOWN_DIFFERENCE).append(c.knownDifference()).append('\n');
            }
            if (c.oracle() != null) {
                sb.append(c.oracle() ? ORACLE : NO_ORACLE).append('\n');
            }
            appendBlock(sb, c.expected().stdout());
            if (!c.expected().stderr().isEmpty()) {
                sb.append(STDERR).append('\n');
                appendBlock(sb, c.expected().stderr());
            }
            if (c.expected().exit() != 0) {
                sb.append(EXIT).append(c.expected().exit()).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void appendBlock(StringBuilder sb, String text) {
        if (text.isEmpty()) {
            return;
        }
        sb.append(text);
        if (!text.endsWith("\n")) {
            sb.append('\n').append(NO_EOL).append('\n');
        }
    }
}
