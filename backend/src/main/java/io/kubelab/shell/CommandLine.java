package io.kubelab.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A typed line (with the heredoc lines under it) parsed the way bash reads the simple cases students type:
 * words with quotes and {@code $NAME} expansion, pipelines ({@code |}), lists ({@code ;}, {@code &&},
 * {@code ||}), redirections ({@code >}, {@code >>}, {@code <}, {@code 2>}, {@code 2>&1}) and heredocs
 * ({@code <<EOF}, {@code <<'EOF'}, {@code <<-EOF}). No subshells, globs or command substitution.
 */
final class CommandLine {

    record Redirect(String op, String target) {
    }

    /** One command of a pipeline: its words, its redirections, and the heredoc body it reads, if any. */
    record Stage(List<String> words, List<Redirect> redirects, String heredoc) {
    }

    /** A pipeline and the operator that joins it to the next ({@code ;}, {@code &&}, {@code ||}, or "" last). */
    record Pipeline(List<Stage> stages, String then) {
    }

    private CommandLine() {
    }

    static List<Pipeline> parse(String text, UnaryOperator<String> env) {
        String[] lines = text.split("\n", -1);
        List<Pipeline> out = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            Reader reader = new Reader(lines[i], env);
            i++;
            List<Pipeline> parsed = reader.pipelines();
            for (Pipeline p : parsed) {
                for (int s = 0; s < p.stages().size(); s++) {
                    Stage stage = p.stages().get(s);
                    for (Redirect r : stage.redirects()) {
                        if (!r.op().startsWith("<<")) {
                            continue;
                        }
                        boolean quoted = r.target().startsWith("\u0000");
                        String delimiter = quoted ? r.target().substring(1) : r.target();
                        StringBuilder body = new StringBuilder();
                        boolean closed = false;
                        while (i < lines.length) {
                            String line = r.op().equals("<<-") ? lines[i].replaceFirst("^\t+", "") : lines[i];
                            i++;
                            if (line.equals(delimiter)) {
                                closed = true;
                                break;
                            }
                            body.append(quoted ? line : Reader.expand(line, env)).append('\n');
                        }
                        if (!closed) {
                            throw new Words.SyntaxError("bash: warning: here-document at line 1 delimited by "
                                    + "end-of-file (wanted `" + delimiter + "')");
                        }
                        p.stages().set(s, new Stage(stage.words(), stage.redirects(), body.toString()));
                    }
                }
            }
            if (!parsed.isEmpty() && i < lines.length) {
                Pipeline last = parsed.get(parsed.size() - 1);
                if (last.then().isEmpty()) {
                    parsed.set(parsed.size() - 1, new Pipeline(last.stages(), ";"));
                }
            }
            out.addAll(parsed);
        }
        return out;
    }

    /** Reads one line into pipelines, character by character. */
    private static final class Reader {
        private final String line;
        private final UnaryOperator<String> env;
        private int at;

        Reader(String line, UnaryOperator<String> env) {
            this.line = line;
            this.env = env;
        }

        List<Pipeline> pipelines() {
            List<Pipeline> out = new ArrayList<>();
            List<Stage> stages = new ArrayList<>();
            List<String> words = new ArrayList<>();
            List<Redirect> redirects = new ArrayList<>();
            while (true) {
                skipBlanks();
                if (at >= line.length() || line.charAt(at) == '#') {
                    break;
                }
                String op = operator();
                if (op == null) {
                    words.add(word());
                } else if (op.equals("|") || op.equals(";") || op.equals("&&") || op.equals("||")) {
                    if (words.isEmpty() && redirects.isEmpty()) {
                        throw new Words.SyntaxError("bash: syntax error near unexpected token `" + op + "'");
                    }
                    stages.add(new Stage(words, redirects, null));
                    words = new ArrayList<>();
                    redirects = new ArrayList<>();
                    if (!op.equals("|")) {
                        out.add(new Pipeline(stages, op));
                        stages = new ArrayList<>();
                    }
                } else if (op.equals("2>&1")) {
                    redirects.add(new Redirect(op, ""));
                } else {
                    skipBlanks();
                    if (at >= line.length() || operator(false) != null) {
                        throw new Words.SyntaxError("bash: syntax error near unexpected token `newline'");
                    }
                    int start = at;
                    String target = word();
                    if (op.startsWith("<<") && line.substring(start, at).matches(".*['\"\\\\].*")) {
                        target = "\u0000" + target;
                    }
                    redirects.add(new Redirect(op, target));
                }
            }
            if (!words.isEmpty() || !redirects.isEmpty()) {
                stages.add(new Stage(words, redirects, null));
            } else if (!stages.isEmpty()) {
                throw new Words.SyntaxError("bash: syntax error: unexpected end of file");
            }
            if (!stages.isEmpty()) {
                out.add(new Pipeline(stages, ""));
            }
            return out;
        }

        private void skipBlanks() {
            while (at < line.length() && (line.charAt(at) == ' ' || line.charAt(at) == '\t')) {
                at++;
            }
        }

        private String operator() {
            return operator(true);
        }

        private String operator(boolean consume) {
            for (String op : List.of("2>&1", "2>>", "2>", "&&", "||", ">>", "<<-", "<<", "|", ";", ">", "<")) {
                if (line.startsWith(op, at)) {
                    if (consume) {
                        at += op.length();
                    }
                    return op;
                }
            }
            return null;
        }

        private String word() {
            StringBuilder out = new StringBuilder();
            while (at < line.length()) {
                char c = line.charAt(at);
                if (c == ' ' || c == '\t' || "|;&<>".indexOf(c) >= 0) {
                    break;
                }
                if (c == '\'') {
                    int end = line.indexOf('\'', at + 1);
                    if (end < 0) {
                        throw new Words.SyntaxError("bash: unexpected EOF while looking for matching `''");
                    }
                    out.append(line, at + 1, end);
                    at = end + 1;
                } else if (c == '"') {
                    StringBuilder quoted = new StringBuilder();
                    at++;
                    while (at < line.length() && line.charAt(at) != '"') {
                        char q = line.charAt(at);
                        if (q == '\\' && at + 1 < line.length() && "\"\\$`".indexOf(line.charAt(at + 1)) >= 0) {
                            quoted.append(q).append(line.charAt(at + 1));
                            at += 2;
                        } else {
                            quoted.append(q);
                            at++;
                        }
                    }
                    if (at >= line.length()) {
                        throw new Words.SyntaxError("bash: unexpected EOF while looking for matching `\"'");
                    }
                    at++;
                    out.append(expand(quoted.toString(), env));
                } else if (c == '\\') {
                    if (at + 1 < line.length()) {
                        out.append(line.charAt(at + 1));
                    }
                    at += 2;
                } else if (c == '$') {
                    int start = at;
                    at++;
                    if (at < line.length() && line.charAt(at) == '{') {
                        int end = line.indexOf('}', at);
                        at = end < 0 ? line.length() : end + 1;
                    } else {
                        while (at < line.length() && (Character.isLetterOrDigit(line.charAt(at)) || line.charAt(at) == '_')) {
                            at++;
                        }
                    }
                    out.append(expand(line.substring(start, at), env));
                } else {
                    out.append(c);
                    at++;
                }
            }
            return out.toString();
        }

        /** {@code $NAME} and {@code ${NAME}} replaced by their values; backslash escapes undone. */
        static String expand(String text, UnaryOperator<String> env) {
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length() && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
                    out.append(text.charAt(i + 1));
                    i += 2;
                } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                    int end = text.indexOf('}', i);
                    String name = end < 0 ? text.substring(i + 2) : text.substring(i + 2, end);
                    out.append(env.apply(name));
                    i = end < 0 ? text.length() : end + 1;
                } else if (c == '$' && i + 1 < text.length()
                        && (Character.isLetter(text.charAt(i + 1)) || text.charAt(i + 1) == '_')) {
                    int end = i + 1;
                    while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                        end++;
                    }
                    out.append(env.apply(text.substring(i + 1, end)));
                    i = end;
                } else {
                    out.append(c);
                    i++;
                }
            }
            return out.toString();
        }
    }
}
