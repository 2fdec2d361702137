package io.kubelab.shell;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.List;

/** GNU grep over files, directories ({@code -r}) or the pipe, with its prefixes, context groups and exit codes. */
final class Grep implements Filter {

    private static final String KNOWN = "ivcEFGwxnolLqshHrRIaUz";

    @Override
    public CommandResult filter(Shell shell, List<String> args, String stdin) {
        Options o = Options.parse("grep", args, "efABCmd", false);
        if (o.error != null) {
            return CommandResult.failure(o.error, 2);
        }
        String bad = o.unknown("grep", KNOWN);
        if (bad != null) {
            return CommandResult.failure(bad.replace("Try", "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry"), 2);
        }
        List<String> patterns = new ArrayList<>(o.all('e'));
        List<String> files = new ArrayList<>(o.operands);
        if (patterns.isEmpty()) {
            if (files.isEmpty()) {
                return CommandResult.failure("Usage: grep [OPTION]... PATTERNS [FILE]...\n"
                        + "Try 'grep --help' for more information.\n", 2);
            }
            patterns.add(files.remove(0));
        }
        int after;
        int before;
        int max;
        try {
            int context = number(o.value('C', "0"));
            after = number(o.value('A', Integer.toString(context)));
            before = number(o.value('B', Integer.toString(context)));
            max = o.values.containsKey('m') ? Integer.parseInt(o.value('m', "-1")) : -1;
        } catch (NumberFormatException e) {
            return CommandResult.failure("grep: " + e.getMessage() + ": invalid context length argument\n", 2);
        }
        boolean ignoreCase = o.has('i') || o.hasLong("ignore-case");
        Pattern regex;
        try {
            regex = compile(patterns, o.has('E') || o.hasLong("extended-regexp"), o.has('F'), o.has('w'),
                    o.has('x'), ignoreCase);
        } catch (Posix.Invalid e) {
            return CommandResult.failure("grep: " + e.getMessage() + "\n", 2);
        }
        boolean recursive = o.has('r') || o.has('R');
        if (recursive && files.isEmpty()) {
            files.add(".");
        }
        StringBuilder err = new StringBuilder();
        List<Inputs.Source> sources = recursive ? walk(shell, files, err)
                : Inputs.read(shell, files, stdin, "grep", Inputs.Style.PLAIN, err);
        boolean names = !o.has('h') && (o.has('H') || recursive || files.size() > 1);
        Run run = new Run(regex, o.has('v'), o.has('o'), o.has('n'), o.has('c'), o.has('l'), o.has('L'), o.has('q'),
                names, before, after, max);
        StringBuilder out = new StringBuilder();
        boolean matched = false;
        for (Inputs.Source s : sources) {
            matched |= run.file(s.name().equals("-") ? "(standard input)" : s.name(), s.text(), out);
            if (matched && run.quiet) {
                break;
            }
        }
        if (o.has('s')) {
            err.setLength(0);
        }
        int code = err.length() > 0 && !(run.quiet && matched) ? 2 : matched ? 0 : 1;
        return new CommandResult(run.quiet ? "" : out.toString(), err.toString(), code);
    }

    private static int number(String s) {
        int v = Integer.parseInt(s);
        if (v < 0) {
            throw new NumberFormatException(s);
        }
        return v;
    }

    static Pattern compile(List<String> patterns, boolean extended, boolean fixed, boolean word, boolean line,
                           boolean ignoreCase) {
        List<String> parts = new ArrayList<>();
        for (String p : patterns) {
            for (String one : p.split("\n", -1)) {
                parts.add(fixed ? Pattern.quote(one) : extended ? Posix.extended(one) : Posix.basic(one));
            }
        }
        String joined = parts.size() == 1 ? parts.get(0) : "(?:" + String.join(")|(?:", parts) + ")";
        if (line) {
            joined = "^(?:" + joined + ")$";
        } else if (word) {
            joined = "(?:^|[^[:word:]])(" + joined + ")(?:[^[:word:]]|$)";
        }
        try {
            return Pattern.compile(joined, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        } catch (com.google.re2j.PatternSyntaxException e) {
            return Posix.compile(String.join("\n", patterns), extended, ignoreCase);
        }
    }

    /** The files under each operand, recursively, named as GNU names them ({@code dir/file}). */
    private static List<Inputs.Source> walk(Shell shell, List<String> operands, StringBuilder err) {
        Sessions.Session session = shell.sessions().current();
        List<Inputs.Source> out = new ArrayList<>();
        for (String operand : operands) {
            String path = Paths.resolve(session, operand);
            if (session.files.isDirectory(path)) {
                walkDir(session, path, operand.endsWith("/") ? operand.substring(0, operand.length() - 1) : operand,
                        out);
            } else {
                out.addAll(Inputs.read(shell, List.of(operand), null, "grep", Inputs.Style.PLAIN, err));
            }
        }
        return out;
    }

    private static void walkDir(Sessions.Session session, String path, String shown, List<Inputs.Source> out) {
        for (String child : session.files.children(path)) {
            String p = path.equals("/") ? "/" + child : path + "/" + child;
            String name = shown + "/" + child;
            if (session.files.isDirectory(p)) {
                walkDir(session, p, name, out);
            } else if (out.size() < Globs.MAX_MATCHES) {
                session.files.read(p).ifPresent(text -> out.add(new Inputs.Source(name, text)));
            }
        }
    }

    /** One grep invocation's settings, applied file by file. */
    private static final class Run {
        final Pattern regex;
        final boolean invert;
        final boolean only;
        final boolean numbers;
        final boolean count;
        final boolean list;
        final boolean listMissing;
        final boolean quiet;
        final boolean names;
        final int before;
        final int after;
        final int max;
        boolean groupPrinted;

        Run(Pattern regex, boolean invert, boolean only, boolean numbers, boolean count, boolean list,
            boolean listMissing, boolean quiet, boolean names, int before, int after, int max) {
            this.regex = regex;
            this.invert = invert;
            this.only = only;
            this.numbers = numbers;
            this.count = count;
            this.list = list;
            this.listMissing = listMissing;
            this.quiet = quiet;
            this.names = names;
            this.before = before;
            this.after = after;
            this.max = max;
        }

        boolean file(String name, String text, StringBuilder out) {
            List<String> lines = Inputs.lines(text);
            int selected = 0;
            int lastPrinted = -1;
            int afterLeft = 0;
            boolean context = (before > 0 || after > 0) && !count && !list && !listMissing && !only;
            for (int i = 0; i < lines.size(); i++) {
                if (max >= 0 && selected >= max) {
                    break;
                }
                String line = lines.get(i);
                boolean hit = regex.matcher(line).find() != invert;
                if (!hit) {
                    if (context && afterLeft > 0) {
                        emit(out, name, i, line, '-');
                        lastPrinted = i;
                        afterLeft--;
                    }
                    continue;
                }
                selected++;
                if (quiet || count || list || listMissing) {
                    if (quiet || list || listMissing) {
                        break;
                    }
                    continue;
                }
                if (context) {
                    int from = Math.max(lastPrinted + 1, i - before);
                    if (groupPrinted && from > lastPrinted + 1) {
                        out.append("--\n");
                    }
                    for (int k = from; k < i; k++) {
                        emit(out, name, k, lines.get(k), '-');
                    }
                    afterLeft = after;
                }
                if (only && !invert) {
                    Matcher m = regex.matcher(line);
                    int group = m.groupCount() > 0 && regex.pattern().startsWith("(?:^|[^[:word:]])(") ? 1 : 0;
                    while (m.find()) {
                        if (m.end(group) > m.start(group)) {
                            emit(out, name, i, m.group(group), ':');
                        }
                    }
                } else if (!only) {
                    emit(out, name, i, line, ':');
                }
                lastPrinted = i;
                groupPrinted = true;
            }
            if (count) {
                out.append(names ? name + ":" : "").append(selected).append('\n');
            } else if (list && selected > 0) {
                out.append(name).append('\n');
            } else if (listMissing && selected == 0) {
                out.append(name).append('\n');
            }
            return listMissing ? selected == 0 : selected > 0;
        }

        private void emit(StringBuilder out, String name, int index, String text, char sep) {
            if (names) {
                out.append(name).append(sep);
            }
            if (numbers) {
                out.append(index + 1).append(sep);
            }
            out.append(text).append('\n');
        }
    }
}
