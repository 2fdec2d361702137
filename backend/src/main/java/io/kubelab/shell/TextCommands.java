package io.kubelab.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Text filters over files or a pipe, with GNU's messages: {@code grep}, {@code head}, {@code tail},
 * {@code wc} and {@code sed} (substitutions only, with {@code -i} to edit a file in place, the way
 * students fix a static pod manifest).
 */
final class TextCommands {

    private TextCommands() {
    }

    static void register(Builtins builtins) {
        builtins.add("grep", "print lines that match a pattern (-i -v -E -n -c)", (Filter) TextCommands::grep);
        builtins.add("head", "print the first lines (-n N)", (Filter) (s, a, in) -> ends(s, a, in, "head"));
        builtins.add("tail", "print the last lines (-n N)", (Filter) (s, a, in) -> ends(s, a, in, "tail"));
        builtins.add("wc", "count lines, words and bytes (-l -w -c)", (Filter) TextCommands::wc);
        builtins.add("sed", "edit text with s/REGEX/REPLACEMENT/[g]; -i edits files in place", (Filter) TextCommands::sed);
    }

    /** The input of a filter: the named files joined, or stdin; errors in {@code err}. */
    private static String input(Shell shell, List<String> files, String stdin, String cmd, StringBuilder err) {
        if (files.isEmpty()) {
            return stdin == null ? "" : stdin;
        }
        StringBuilder out = new StringBuilder();
        for (String file : files) {
            Optional<String> content = FileCommands.session(shell).files.read(FileCommands.path(shell, file));
            if (content.isPresent()) {
                out.append(content.get());
            } else {
                err.append(cmd).append(": ").append(file).append(": No such file or directory\n");
            }
        }
        return out.toString();
    }

    static List<String> lines(String text) {
        List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static CommandResult grep(Shell shell, List<String> args, String stdin) {
        boolean ignoreCase = false;
        boolean invert = false;
        boolean extended = false;
        boolean number = false;
        boolean count = false;
        String pattern = null;
        List<String> files = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("-") && arg.length() > 1 && pattern == null) {
                ignoreCase |= arg.contains("i");
                invert |= arg.contains("v");
                extended |= arg.contains("E");
                number |= arg.contains("n");
                count |= arg.contains("c");
            } else if (pattern == null) {
                pattern = arg;
            } else {
                files.add(arg);
            }
        }
        if (pattern == null) {
            return CommandResult.failure("Usage: grep [OPTION]... PATTERNS [FILE]...\n"
                    + "Try 'grep --help' for more information.\n", 2);
        }
        Pattern regex;
        try {
            regex = Pattern.compile(extended ? pattern : basicToJava(pattern), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            return CommandResult.failure("grep: Invalid regular expression\n", 2);
        }
        StringBuilder err = new StringBuilder();
        String text = input(shell, files, stdin, "grep", err);
        StringBuilder out = new StringBuilder();
        int matched = 0;
        List<String> lines = lines(text);
        for (int i = 0; i < lines.size(); i++) {
            if (regex.matcher(lines.get(i)).find() != invert) {
                matched++;
                if (!count) {
                    out.append(number ? (i + 1) + ":" : "").append(lines.get(i)).append('\n');
                }
            }
        }
        if (count) {
            out.append(matched).append('\n');
        }
        return new CommandResult(out.toString(), err.toString(), err.length() > 0 ? 2 : matched > 0 ? 0 : 1);
    }

    private static CommandResult ends(Shell shell, List<String> args, String stdin, String cmd) {
        int n = 10;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            try {
                if (arg.equals("-n") && i + 1 < args.size()) {
                    n = Integer.parseInt(args.get(++i));
                } else if (arg.startsWith("-n")) {
                    n = Integer.parseInt(arg.substring(2));
                } else if (arg.matches("-[0-9]+")) {
                    n = Integer.parseInt(arg.substring(1));
                } else {
                    files.add(arg);
                }
            } catch (NumberFormatException e) {
                return CommandResult.failure(cmd + ": invalid number of lines: \u2018" + arg + "\u2019\n", 1);
            }
        }
        StringBuilder err = new StringBuilder();
        List<String> lines = lines(input(shell, files, stdin, cmd, err));
        List<String> kept = cmd.equals("head") ? lines.subList(0, Math.min(n, lines.size()))
                : lines.subList(Math.max(0, lines.size() - n), lines.size());
        StringBuilder out = new StringBuilder();
        kept.forEach(l -> out.append(l).append('\n'));
        return new CommandResult(out.toString(), err.toString(), err.length() == 0 ? 0 : 1);
    }

    private static CommandResult wc(Shell shell, List<String> args, String stdin) {
        List<String> files = args.stream().filter(a -> !a.startsWith("-")).toList();
        List<String> flags = args.stream().filter(a -> a.startsWith("-")).toList();
        StringBuilder err = new StringBuilder();
        String text = input(shell, files, stdin, "wc", err);
        long lines = text.chars().filter(c -> c == '\n').count();
        long words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
        long bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        String suffix = files.size() == 1 ? " " + files.get(0) : "";
        String out;
        if (flags.isEmpty()) {
            out = files.isEmpty() ? String.format("%7d %7d %7d", lines, words, bytes)
                    : lines + " " + words + " " + bytes;
        } else {
            List<String> parts = new ArrayList<>();
            String all = String.join("", flags);
            if (all.contains("l")) {
                parts.add(Long.toString(lines));
            }
            if (all.contains("w")) {
                parts.add(Long.toString(words));
            }
            if (all.contains("c")) {
                parts.add(Long.toString(bytes));
            }
            out = String.join(" ", parts);
        }
        return new CommandResult(out + suffix + "\n", err.toString(), err.length() == 0 ? 0 : 1);
    }

    private static CommandResult sed(Shell shell, List<String> args, String stdin) {
        boolean inPlace = false;
        boolean extended = false;
        List<String> scripts = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-i") || arg.startsWith("-i")) {
                inPlace = true;
            } else if (arg.equals("-E") || arg.equals("-r")) {
                extended = true;
            } else if (arg.equals("-e") && i + 1 < args.size()) {
                scripts.add(args.get(++i));
            } else if (scripts.isEmpty() && !arg.startsWith("-")) {
                scripts.add(arg);
            } else {
                files.add(arg);
            }
        }
        if (scripts.isEmpty()) {
            return CommandResult.failure("Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n", 1);
        }
        List<Substitution> subs = new ArrayList<>();
        for (int i = 0; i < scripts.size(); i++) {
            for (String part : scripts.get(i).split(";")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    subs.add(Substitution.parse(part.strip(), extended));
                } catch (IllegalArgumentException e) {
                    return CommandResult.failure("sed: -e expression #" + (i + 1) + ", char " + e.getMessage() + "\n", 1);
                }
            }
        }
        if (inPlace) {
            if (files.isEmpty()) {
                return CommandResult.failure("sed: no input files\n", 1);
            }
            StringBuilder err = new StringBuilder();
            for (String file : files) {
                String p = FileCommands.path(shell, file);
                Optional<String> content = FileCommands.session(shell).files.read(p);
                if (content.isEmpty()) {
                    err.append("sed: can't read ").append(file).append(": No such file or directory\n");
                    continue;
                }
                String edited = apply(subs, content.get());
                if (!edited.equals(content.get())) {
                    FileCommands.session(shell).files.write(p, edited);
                }
            }
            return new CommandResult("", err.toString(), err.length() == 0 ? 0 : 2);
        }
        StringBuilder err = new StringBuilder();
        String text = files.isEmpty() ? (stdin == null ? "" : stdin) : input(shell, files, stdin, "sed", err);
        String fixedErr = err.toString().replaceAll("sed: (\\S+): No such", "sed: can't read $1: No such");
        return new CommandResult(apply(subs, text), fixedErr, err.length() == 0 ? 0 : 2);
    }

    private static String apply(List<Substitution> subs, String text) {
        StringBuilder out = new StringBuilder();
        for (String line : lines(text)) {
            String edited = line;
            for (Substitution s : subs) {
                edited = s.apply(edited);
            }
            out.append(edited).append('\n');
        }
        if (!text.isEmpty() && !text.endsWith("\n")) {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    /** One {@code s/REGEX/REPLACEMENT/FLAGS} command. */
    record Substitution(Pattern regex, String replacement, boolean global) {

        static Substitution parse(String script, boolean extended) {
            if (script.length() < 2 || script.charAt(0) != 's') {
                throw new IllegalArgumentException("1: unknown command: `" + (script.isEmpty() ? "" : script.charAt(0)) + "'");
            }
            char delim = script.charAt(1);
            List<String> parts = new ArrayList<>();
            StringBuilder part = new StringBuilder();
            int i = 2;
            for (; i < script.length() && parts.size() < 2; i++) {
                char c = script.charAt(i);
                if (c == '\\' && i + 1 < script.length() && script.charAt(i + 1) == delim) {
                    part.append(delim);
                    i++;
                } else if (c == delim) {
                    parts.add(part.toString());
                    part.setLength(0);
                } else {
                    part.append(c);
                }
            }
            if (parts.size() < 2) {
                throw new IllegalArgumentException(script.length() + ": unterminated `s' command");
            }
            String flags = script.substring(i);
            if (!flags.matches("[gI]*")) {
                throw new IllegalArgumentException((i + 1) + ": unknown option to `s'");
            }
            String regex = extended ? parts.get(0) : basicToJava(parts.get(0));
            return new Substitution(Pattern.compile(regex, flags.contains("I") ? Pattern.CASE_INSENSITIVE : 0),
                    javaReplacement(parts.get(1)), flags.contains("g"));
        }

        String apply(String line) {
            Matcher m = regex.matcher(line);
            return global ? m.replaceAll(replacement) : m.replaceFirst(replacement);
        }

        private static String javaReplacement(String sed) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < sed.length(); i++) {
                char c = sed.charAt(i);
                if (c == '&') {
                    out.append("$0");
                } else if (c == '\\' && i + 1 < sed.length()) {
                    char next = sed.charAt(++i);
                    if (Character.isDigit(next)) {
                        out.append('$').append(next);
                    } else if (next == 'n') {
                        out.append('\n');
                    } else {
                        out.append(Matcher.quoteReplacement(String.valueOf(next)));
                    }
                } else {
                    out.append(Matcher.quoteReplacement(String.valueOf(c)));
                }
            }
            return out.toString();
        }
    }

    /** A POSIX basic regular expression in Java's syntax: {@code \( \) \{ \} \+ \? \|} are the operators. */
    static String basicToJava(String bre) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bre.length(); i++) {
            char c = bre.charAt(i);
            if (c == '\\' && i + 1 < bre.length()) {
                char next = bre.charAt(++i);
                out.append("(){}+?|".indexOf(next) >= 0 ? String.valueOf(next) : "\\" + next);
            } else if ("(){}+?|".indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
