package io.kubelab.shell;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GNU sed for the scripts students write: {@code s///} (flags g, N, i/I, p; {@code &}, {@code \1}, any
 * delimiter), {@code d}, {@code p}, {@code q}, {@code =}, addresses (N, {@code $}, {@code /re/}, ranges,
 * {@code !}), {@code -n}, several {@code -e}, {@code -E}, {@code -i[SUFFIX]}. Regexes run on RE2.
 */
final class Sed implements Filter {

    private static final java.util.regex.Pattern SHORT_FLAGS = java.util.regex.Pattern.compile("-[nEri]+");

    /** A line address: a number, the last line ({@code $}), or a regex. */
    private record Address(int line, boolean last, Pattern regex) {
        boolean matches(int number, boolean isLast, String text) {
            return regex != null ? regex.matcher(text).find() : last ? isLast : number == line;
        }
    }

    /** One command with its addresses; for {@code s}, the substitution's parts. */
    private static final class Command {
        Address from;
        Address to;
        boolean negate;
        char name;
        Pattern regex;
        String replacement;
        boolean global;
        int occurrence = 1;
        boolean print;
        String text;
        boolean inRange;
    }

    /** A script the parser rejects, with GNU's words (after "sed: -e expression #N, char M: "). */
    private static final class Bad extends RuntimeException {
        final int at;

        Bad(int at, String message) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    @Override
    public CommandResult filter(Shell shell, List<String> args, String stdin) {
        boolean quiet = false;
        boolean extended = false;
        String inPlace = null;
        List<String> scripts = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-n") || a.equals("--quiet") || a.equals("--silent")) {
                quiet = true;
            } else if (a.equals("-E") || a.equals("-r") || a.equals("--regexp-extended")) {
                extended = true;
            } else if (a.startsWith("-i") || a.startsWith("--in-place")) {
                inPlace = a.startsWith("-i") ? a.substring(2) : a.contains("=") ? a.substring(a.indexOf('=') + 1) : "";
            } else if (a.equals("-e") && i + 1 < args.size()) {
                scripts.add(args.get(++i));
            } else if (a.startsWith("-e") && a.length() > 2) {
                scripts.add(a.substring(2));
            } else if (SHORT_FLAGS.matcher(a).matches()) {
                quiet |= a.contains("n");
                extended |= a.contains("E") || a.contains("r");
                inPlace = a.contains("i") ? "" : inPlace;
            } else if (a.startsWith("-") && a.length() > 1) {
                return CommandResult.failure("sed: invalid option -- '" + a.charAt(1) + "'\n"
                        + "Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n", 1);
            } else if (scripts.isEmpty() && files.isEmpty() && !args.contains("-e")) {
                scripts.add(a);
            } else {
                files.add(a);
            }
        }
        if (scripts.isEmpty()) {
            return CommandResult.failure("Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n", 1);
        }
        List<Command> commands = new ArrayList<>();
        for (int i = 0; i < scripts.size(); i++) {
            try {
                parse(scripts.get(i), extended, commands);
            } catch (Bad e) {
                return CommandResult.failure("sed: -e expression #" + (i + 1) + ", char " + e.at + ": "
                        + e.getMessage() + "\n", 1);
            } catch (Posix.Invalid e) {
                return CommandResult.failure("sed: -e expression #" + (i + 1) + ", char "
                        + scripts.get(i).length() + ": " + e.getMessage() + "\n", 1);
            }
        }
        Sessions.Session session = shell.sessions().current();
        if (inPlace != null) {
            if (files.isEmpty()) {
                return CommandResult.failure("sed: no input files\n", 1);
            }
            StringBuilder err = new StringBuilder();
            for (String file : files) {
                String path = Paths.resolve(session, file);
                Optional<String> content = session.files.read(path);
                if (content.isEmpty()) {
                    err.append(session.files.isDirectory(path) ? "sed: couldn't edit " + file + ": not a regular file\n"
                            : "sed: can't read " + file + ": No such file or directory\n");
                    continue;
                }
                commands.forEach(c -> c.inRange = false);
                String edited = run(commands, content.get(), quiet);
                try {
                    if (!inPlace.isEmpty()) {
                        session.files.write(path + inPlace, content.get());
                    }
                    session.files.write(path, edited);
                } catch (IllegalArgumentException e) {
                    err.append("sed: couldn't write ").append(file).append(": ").append(e.getMessage()).append('\n');
                }
            }
            return new CommandResult("", err.toString(), err.length() == 0 ? 0 : 2);
        }
        StringBuilder err = new StringBuilder();
        StringBuilder text = new StringBuilder();
        if (files.isEmpty()) {
            text.append(stdin == null ? "" : stdin);
        }
        for (String file : files) {
            String path = Paths.resolve(session, file);
            Optional<String> content = file.equals("-") ? Optional.ofNullable(stdin) : session.files.read(path);
            if (content.isPresent()) {
                text.append(content.get());
                if (!content.get().isEmpty() && !content.get().endsWith("\n") && !file.equals(files.get(files.size() - 1))) {
                    text.append('\n');
                }
            } else {
                err.append(session.files.isDirectory(path) ? "sed: read error on " + file + ": Is a directory\n"
                        : "sed: can't read " + file + ": No such file or directory\n");
            }
        }
        return new CommandResult(run(commands, text.toString(), quiet), err.toString(), err.length() == 0 ? 0 : 2);
    }

    private static String run(List<Command> commands, String text, boolean quiet) {
        List<String> lines = Inputs.lines(text);
        boolean finalNewline = text.endsWith("\n");
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            boolean isLast = n == lines.size() - 1;
            boolean deleted = false;
            boolean quit = false;
            for (Command c : commands) {
                if (!selects(c, n + 1, isLast, line)) {
                    continue;
                }
                switch (c.name) {
                    case 'd' -> deleted = true;
                    case 'p' -> out.append(line).append('\n');
                    case '=' -> out.append(n + 1).append('\n');
                    case 'q' -> quit = true;
                    case 's' -> {
                        String replaced = substitute(c, line);
                        if (replaced != null) {
                            line = replaced;
                            if (c.print) {
                                out.append(line).append('\n');
                            }
                        }
                    }
                    default -> { }
                }
                if (deleted || quit) {
                    break;
                }
            }
            if (!deleted && !quiet) {
                out.append(line).append(isLast && !finalNewline ? "" : "\n");
            }
            if (quit) {
                break;
            }
        }
        return out.toString();
    }

    private static boolean selects(Command c, int number, boolean isLast, String line) {
        boolean hit;
        if (c.from == null) {
            hit = true;
        } else if (c.to == null) {
            hit = c.from.matches(number, isLast, line);
        } else if (c.inRange) {
            hit = true;
            boolean end = c.to.regex != null ? c.to.matches(number, isLast, line)
                    : c.to.last ? isLast : number >= c.to.line;
            c.inRange = !end;
        } else {
            hit = c.from.matches(number, isLast, line);
            if (hit) {
                boolean endsHere = c.to.regex == null && !c.to.last && c.to.line <= number;
                c.inRange = !endsHere;
            }
        }
        return hit != c.negate;
    }

    /** The line after {@code s}, or null when nothing matched. */
    private static String substitute(Command c, String line) {
        Matcher m = c.regex.matcher(line);
        StringBuilder out = new StringBuilder();
        int last = 0;
        int count = 0;
        int previousEnd = -1;
        int pos = 0;
        boolean any = false;
        while (pos <= line.length() && m.find(pos)) {
            int start = m.start();
            int end = m.end();
            // As GNU: an empty match right after the previous match is not a match.
            if (start == end && start == previousEnd) {
                pos = end + 1;
                continue;
            }
            count++;
            if (count >= c.occurrence) {
                out.append(line, last, start);
                appendReplacement(out, m, c.replacement);
                last = end;
                any = true;
                if (!c.global) {
                    break;
                }
            }
            previousEnd = end;
            pos = start == end ? end + 1 : end;
        }
        if (!any) {
            return null;
        }
        out.append(line, last, line.length());
        return out.toString();
    }

    private static void appendReplacement(StringBuilder out, Matcher m, String replacement) {
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c == '&') {
                out.append(m.group());
            } else if (c == '\\' && i + 1 < replacement.length()) {
                char next = replacement.charAt(++i);
                if (next >= '0' && next <= '9') {
                    int g = next - '0';
                    String group = g <= m.groupCount() ? m.group(g) : null;
                    out.append(group == null ? "" : group);
                } else if (next == 'n') {
                    out.append('\n');
                } else if (next == 't') {
                    out.append('\t');
                } else {
                    out.append(next);
                }
            } else {
                out.append(c);
            }
        }
    }

    private static void parse(String script, boolean extended, List<Command> commands) {
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == ';' || c == '\n' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            Command cmd = new Command();
            int[] at = {i};
            cmd.from = address(script, at, extended);
            if (cmd.from != null && at[0] < n && script.charAt(at[0]) == ',') {
                at[0]++;
                cmd.to = address(script, at, extended);
                if (cmd.to == null) {
                    throw new Bad(at[0], "unexpected `,'");
                }
            }
            i = at[0];
            while (i < n && script.charAt(i) == ' ') {
                i++;
            }
            if (i < n && script.charAt(i) == '!') {
                cmd.negate = true;
                i++;
            }
            if (i >= n) {
                throw new Bad(i, "missing command");
            }
            cmd.name = script.charAt(i++);
            switch (cmd.name) {
                case 'd', 'p', 'q', '=' -> { }
                case 's' -> i = substitution(script, i, extended, cmd);
                default -> throw new Bad(i, "unknown command: `" + cmd.name + "'");
            }
            while (i < n && (script.charAt(i) == ' ' || script.charAt(i) == '\t')) {
                i++;
            }
            if (i < n && script.charAt(i) != ';' && script.charAt(i) != '\n' && script.charAt(i) != '}') {
                throw new Bad(i + 1, "extra characters after command");
            }
            commands.add(cmd);
        }
    }

    private static Address address(String s, int[] at, boolean extended) {
        int i = at[0];
        if (i >= s.length()) {
            return null;
        }
        char c = s.charAt(i);
        if (c == '$') {
            at[0] = i + 1;
            return new Address(0, true, null);
        }
        if (Character.isDigit(c)) {
            int end = i;
            while (end < s.length() && Character.isDigit(s.charAt(end))) {
                end++;
            }
            at[0] = end;
            return new Address(Integer.parseInt(s.substring(i, Math.min(end, i + 9))), false, null);
        }
        if (c == '/' || c == '\\') {
            char delim = c == '\\' ? s.charAt(i + 1) : '/';
            int start = c == '\\' ? i + 2 : i + 1;
            int[] end = new int[1];
            String re = part(s, start, delim, end);
            if (re == null) {
                throw new Bad(s.length(), "unterminated address regex");
            }
            int after = end[0];
            boolean icase = after < s.length() && s.charAt(after) == 'I';
            at[0] = icase ? after + 1 : after;
            return new Address(0, false, Posix.compile(re, extended, icase));
        }
        return null;
    }

    private static int substitution(String s, int i, boolean extended, Command cmd) {
        if (i >= s.length()) {
            throw new Bad(i, "unterminated `s' command");
        }
        char delim = s.charAt(i);
        int[] end = new int[1];
        String re = part(s, i + 1, delim, end);
        String replacement = re == null ? null : part(s, end[0], delim, end);
        if (re == null || replacement == null) {
            throw new Bad(s.length(), "unterminated `s' command");
        }
        int k = end[0];
        boolean icase = false;
        while (k < s.length() && ";\n} \t".indexOf(s.charAt(k)) < 0) {
            char f = s.charAt(k);
            if (f == 'g') {
                cmd.global = true;
            } else if (f == 'p') {
                cmd.print = true;
            } else if (f == 'i' || f == 'I') {
                icase = true;
            } else if (Character.isDigit(f)) {
                int start = k;
                while (k + 1 < s.length() && Character.isDigit(s.charAt(k + 1))) {
                    k++;
                }
                cmd.occurrence = Math.max(1, Integer.parseInt(s.substring(start, Math.min(k + 1, start + 9))));
            } else {
                throw new Bad(k + 1, "unknown option to `s'");
            }
            k++;
        }
        cmd.regex = Posix.compile(re, extended, icase);
        cmd.replacement = replacement;
        return k;
    }

    /** The text up to an unescaped {@code delim} from {@code start}; {@code \delim} becomes the delimiter. */
    private static String part(String s, int start, char delim, int[] end) {
        StringBuilder out = new StringBuilder();
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(i + 1);
                if (next == delim) {
                    out.append(delim == '&' ? "\\&" : String.valueOf(delim));
                } else {
                    out.append(c).append(next);
                }
                i++;
            } else if (c == delim) {
                end[0] = i + 1;
                return out.toString();
            } else {
                out.append(c);
            }
        }
        return null;
    }
}
