package io.kubelab.shell;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads typed text one complete command at a time, the way bash's parser does: words kept as written (quotes,
 * {@code $(...)} and backticks included, expanded only when their command runs, see {@link Expander}),
 * {@code NAME=value} prefixes, aliases replaced in command position, pipelines ({@code |}, {@code !}), lists
 * ({@code ;}, {@code &&}, {@code ||}, {@code &}), redirections and heredocs. A complete command ends at an
 * unquoted newline, so an alias defined on one line applies from the next, as in bash.
 */
final class CommandLine {

    record Redirect(String op, String target) {
    }

    /**
     * One command of a pipeline: {@code NAME=value} prefixes, its words, its redirections, and the heredoc
     * body it reads ({@code heredocExpands}: the delimiter was unquoted, so {@code $} expansions apply).
     */
    record Stage(List<String> assignments, List<String> words, List<Redirect> redirects, String heredoc,
                 boolean heredocExpands, Compound compound) {
    }

    /** A pipeline and the operator that joins it to the next ({@code ;}, {@code &&}, {@code ||}, or "" last). */
    record Pipeline(List<Stage> stages, boolean negated, String then) {
    }

    /** A complete command and where the text after it starts. */
    record Parsed(List<Pipeline> pipelines, int next) {
    }

    /** Words that close or continue a compound command: a syntax error where a command should start. */
    private static final Set<String> RESERVED = Set.of("do", "done", "then", "else", "elif", "fi", "esac");
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);
    private static final Pattern ALIAS_NAME = Pattern.compile("[^\\s'\"\\\\$`=/|&;<>()]+");
    private static final String[] OPERATORS = {"2>&1", "1>&2", ">&2", "&>>", "&>", "2>>", "1>>", "2>", "1>",
        "&&", "||", ">>", "<<<", "<<-", "<<", "|", ";", "&", ">", "<", "(", ")"};

    private final String text;
    private final Map<String, String> aliases;
    private String src;
    private int at;
    private boolean heredocs;

    private CommandLine(String text, int from, Map<String, String> aliases) {
        this.text = text;
        this.src = text;
        this.at = from;
        this.aliases = aliases;
    }

    /** The complete command starting at {@code from}, with {@code aliases} applied; empty at the end. */
    static Parsed next(String text, int from, Map<String, String> aliases) {
        CommandLine reader = new CommandLine(text, from, aliases);
        List<Pipeline> pipelines = reader.command();
        return new Parsed(pipelines, reader.at);
    }

    /** Everything in {@code text} (for tests and command substitution without aliases). */
    static List<Pipeline> parse(String text, Map<String, String> aliases) {
        List<Pipeline> out = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            Parsed p = next(text, at, aliases);
            out.addAll(p.pipelines());
            if (p.next <= at) {
                break;
            }
            at = p.next;
        }
        return out;
    }

    private List<Pipeline> command() {
        List<Pipeline> out = new ArrayList<>();
        List<Stage> stages = new ArrayList<>();
        StageBuilder stage = new StageBuilder();
        boolean negated = false;
        Set<String> expanded = new HashSet<>();
        while (true) {
            skipBlanks();
            if (at >= src.length() || src.charAt(at) == '\n' || src.charAt(at) == '#') {
                if (at < src.length() && src.charAt(at) == '#') {
                    while (at < src.length() && src.charAt(at) != '\n') {
                        at++;
                    }
                }
                boolean dangling = stage.isEmpty() && (!stages.isEmpty() || negated);
                if (dangling && at < src.length()) {
                    at++;
                    continue;
                }
                if (dangling) {
                    throw new Words.SyntaxError("bash: syntax error: unexpected end of file");
                }
                break;
            }
            String op = src.startsWith("<(", at) || src.startsWith(">(", at) ? null : operator();
            if (op == null) {
                int start = at;
                String word = word();
                if (stage.words.isEmpty() && stage.assignments.isEmpty() && stages.isEmpty() && word.equals("!")
                        && !negated) {
                    negated = true;
                } else if (stage.words.isEmpty() && stage.compound == null && stage.assignments.isEmpty()
                        && Compound.starts(word)) {
                    Compound.Reader reader = new Compound.Reader(src, at);
                    stage.compound = reader.read(word);
                    at = reader.at;
                } else if (stage.compound != null || (stage.words.isEmpty() && RESERVED.contains(word))) {
                    throw unexpected(word);
                } else if (stage.words.isEmpty() && ASSIGNMENT.matcher(word).matches()) {
                    stage.assignments.add(word);
                } else if (stage.words.isEmpty() && aliases.containsKey(word) && !expanded.contains(word)
                        && ALIAS_NAME.matcher(word).matches()) {
                    expanded.add(word);
                    src = src.substring(0, start) + aliases.get(word) + src.substring(at);
                    at = start;
                } else {
                    stage.words.add(word);
                }
                continue;
            }
            switch (op) {
                case "|", ";", "&&", "||", "&" -> {
                    if (stage.isEmpty()) {
                        throw unexpected(op);
                    }
                    stages.add(stage.build());
                    stage = new StageBuilder();
                    expanded.clear();
                    if (!op.equals("|")) {
                        out.add(new Pipeline(stages, negated, op.equals("&") ? ";" : op));
                        stages = new ArrayList<>();
                        negated = false;
                    }
                }
                case "(" -> {
                    if (!stage.isEmpty()) {
                        throw unexpected(op);
                    }
                    int end;
                    try {
                        end = Syntax.closeParen(src, at);
                    } catch (Words.SyntaxError e) {
                        throw e.getMessage().endsWith("`)'") ? new Words.SyntaxError(
                                "bash: syntax error: unexpected end of file") : e;
                    }
                    stage.compound = new Compound("subshell", null, List.of(), List.of(),
                            List.of(src.substring(at, end - 1)), null);
                    at = end;
                }
                case ")" -> throw unexpected(op);
                case "2>&1", "1>&2", ">&2" -> stage.redirects.add(new Redirect(op.equals("2>&1") ? op : ">&2", ""));
                default -> {
                    skipBlanks();
                    if (at >= src.length() || src.charAt(at) == '\n') {
                        throw unexpected("newline");
                    }
                    String next = peekOperator();
                    if (next != null) {
                        throw unexpected(next);
                    }
                    String target = word();
                    if (op.startsWith("<<") && !op.equals("<<<")) {
                        heredocs = true;
                    }
                    stage.redirects.add(new Redirect(op, target));
                }
            }
        }
        if (!stage.isEmpty()) {
            stages.add(stage.build());
        }
        if (!stages.isEmpty()) {
            out.add(new Pipeline(stages, negated, ""));
        }
        if (at < src.length()) {
            at++;
        }
        readHeredocs(out);
        // Offsets in the caller's text: an alias spliced in shifted what follows.
        at = text.length() - (src.length() - at);
        return out;
    }

    /** Reads the heredoc bodies in the lines after the command, in the order their operators appeared. */
    private void readHeredocs(List<Pipeline> pipelines) {
        if (!heredocs) {
            return;
        }
        for (Pipeline p : pipelines) {
            for (int s = 0; s < p.stages().size(); s++) {
                Stage stage = p.stages().get(s);
                String body = null;
                boolean expands = true;
                for (Redirect r : stage.redirects()) {
                    if (!r.op().startsWith("<<") || r.op().equals("<<<")) {
                        continue;
                    }
                    expands = r.target().indexOf('\'') < 0 && r.target().indexOf('"') < 0
                            && r.target().indexOf('\\') < 0;
                    String delimiter = Expander.removeQuotes(r.target());
                    body = heredoc(delimiter, r.op().equals("<<-"));
                }
                if (body != null) {
                    p.stages().set(s, new Stage(stage.assignments(), stage.words(), stage.redirects(), body, expands,
                            stage.compound()));
                }
            }
        }
    }

    private String heredoc(String delimiter, boolean stripTabs) {
        StringBuilder body = new StringBuilder();
        while (at < src.length()) {
            int end = src.indexOf('\n', at);
            String line = src.substring(at, end < 0 ? src.length() : end);
            at = end < 0 ? src.length() : end + 1;
            if (stripTabs) {
                int t = 0;
                while (t < line.length() && line.charAt(t) == '\t') {
                    t++;
                }
                line = line.substring(t);
            }
            if (line.equals(delimiter)) {
                return body.toString();
            }
            body.append(line).append('\n');
        }
        throw new Words.SyntaxError("bash: warning: here-document at line 1 delimited by end-of-file (wanted `"
                + delimiter + "')");
    }

    private static Words.SyntaxError unexpected(String token) {
        return new Words.SyntaxError("bash: syntax error near unexpected token `" + token + "'");
    }

    private void skipBlanks() {
        while (at < src.length()) {
            char c = src.charAt(at);
            if (c == ' ' || c == '\t' || c == '\r') {
                at++;
            } else if (c == '\\' && at + 1 < src.length() && src.charAt(at + 1) == '\n') {
                at += 2;
            } else {
                break;
            }
        }
    }

    private String peekOperator() {
        for (String op : OPERATORS) {
            if (src.startsWith(op, at)) {
                return op;
            }
        }
        return null;
    }

    private String operator() {
        String op = peekOperator();
        if (op != null) {
            at += op.length();
        }
        return op;
    }

    /** One word as written, up to an unquoted blank or operator. */
    private String word() {
        int start = at;
        while (at < src.length()) {
            char c = src.charAt(at);
            if ((c == '<' || c == '>') && at + 1 < src.length() && src.charAt(at + 1) == '(') {
                at = Syntax.closeParen(src, at + 2);
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || "|;&<>()".indexOf(c) >= 0) {
                break;
            }
            at = Syntax.skip(src, at);
        }
        return src.substring(start, at);
    }

    private static final class StageBuilder {
        final List<String> assignments = new ArrayList<>();
        final List<String> words = new ArrayList<>();
        final List<Redirect> redirects = new ArrayList<>();
        Compound compound;

        boolean isEmpty() {
            return assignments.isEmpty() && words.isEmpty() && redirects.isEmpty() && compound == null;
        }

        Stage build() {
            return new Stage(List.copyOf(assignments), List.copyOf(words), List.copyOf(redirects), null, false,
                    compound);
        }
    }
}
