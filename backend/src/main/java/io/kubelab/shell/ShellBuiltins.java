package io.kubelab.shell;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * bash's own builtins that change the shell itself: {@code alias unalias source . export unset true false
 * : test [}, with an interactive bash's messages (no "line 1:" prefix).
 */
final class ShellBuiltins {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern ALIAS_NAME = Pattern.compile("[^\\s'\"\\\\$`=/|&;<>()]+");
    private static final Pattern ESCAPED = Pattern.compile("\\\\(.)");
    private static final Pattern BLANKS = Pattern.compile("[ \t]+");

    private ShellBuiltins() {
    }

    static void register(Builtins builtins) {
        builtins.add("alias", "define or list aliases, e.g. alias k=kubectl", ShellBuiltins::alias);
        builtins.add("unalias", "remove aliases (-a: all of them)", ShellBuiltins::unalias);
        builtins.add("source", "run the commands of a file in this shell (aliases, exports)", ShellBuiltins::source);
        builtins.add(".", "run the commands of a file in this shell, like source", ShellBuiltins::source);
        builtins.add("export", "set a variable for the commands after it, e.g. export KUBECONFIG=...",
                ShellBuiltins::export);
        builtins.add("unset", "remove variables", ShellBuiltins::unset);
        builtins.add("true", "do nothing, successfully", (shell, args) -> CommandResult.empty());
        builtins.add(":", "do nothing, successfully", (shell, args) -> CommandResult.empty());
        builtins.add("false", "do nothing, unsuccessfully", (shell, args) -> CommandResult.failure("", 1));
        builtins.add("read", "read a line into variables: while read -r a b; do ...; done < file",
                (Filter) ShellBuiltins::read);
        builtins.add("break", "leave the enclosing loop (break N: N loops)", (shell, args) -> jump(shell, args, "break"));
        builtins.add("continue", "start the enclosing loop's next round", (shell, args) -> jump(shell, args, "continue"));
        builtins.add("type", "say what a name runs: an alias, a shell builtin or a program", ShellBuiltins::type);
        builtins.add("which", "print the program file a name runs", ShellBuiltins::which);
        builtins.add("set", "list the shell's variables; options (set -o vi, set -e) are accepted", ShellBuiltins::set);
        builtins.add("complete", "accepted: this terminal completes commands itself (Tab)",
                (shell, args) -> CommandResult.empty());
        builtins.add("test", "check files, strings and numbers: test -f FILE, test \"$A\" = b",
                (shell, args) -> TestExpression.run(shell, args, "test"));
        builtins.add("[", "check files, strings and numbers: [ -f FILE ]",
                (shell, args) -> TestExpression.run(shell, args, "["));
    }

    private static Sessions.Session session(Shell shell) {
        return shell.sessions().current();
    }

    private static CommandResult alias(Shell shell, List<String> args) {
        Map<String, String> aliases = session(shell).aliases;
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        List<String> names = args.isEmpty() || args.equals(List.of("-p")) ? List.copyOf(aliases.keySet()) : args;
        for (String arg : names) {
            int eq = arg.indexOf('=');
            if (eq < 0) {
                if (aliases.containsKey(arg)) {
                    out.append("alias ").append(arg).append('=').append(quote(aliases.get(arg))).append('\n');
                } else {
                    err.append("bash: alias: ").append(arg).append(": not found\n");
                }
                continue;
            }
            String name = arg.substring(0, eq);
            if (name.isEmpty() || !ALIAS_NAME.matcher(name).matches()) {
                err.append("bash: alias: `").append(name).append("': invalid alias name\n");
                continue;
            }
            aliases.put(name, arg.substring(eq + 1));
        }
        return new CommandResult(out.toString(), err.toString(), err.length() == 0 ? 0 : 1);
    }

    /** A value as bash lists it: in single quotes, each {@code '} written {@code '\''}. */
    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static CommandResult unalias(Shell shell, List<String> args) {
        Map<String, String> aliases = session(shell).aliases;
        if (args.isEmpty()) {
            return CommandResult.failure("unalias: usage: unalias [-a] name [name ...]\n", 2);
        }
        StringBuilder err = new StringBuilder();
        for (String arg : args) {
            if (arg.equals("-a")) {
                aliases.clear();
            } else if (aliases.remove(arg) == null) {
                err.append("bash: unalias: ").append(arg).append(": not found\n");
            }
        }
        return new CommandResult("", err.toString(), err.length() == 0 ? 0 : 1);
    }

    private static CommandResult source(Shell shell, List<String> args) {
        if (args.isEmpty()) {
            return CommandResult.failure("bash: source: filename argument required\n"
                    + "source: usage: source filename [arguments]\n", 2);
        }
        String file = args.get(0);
        String path = Paths.resolve(session(shell), file);
        Optional<String> content = session(shell).files.read(path);
        if (content.isEmpty()) {
            return CommandResult.failure("bash: " + file + ": " + (session(shell).files.isDirectory(path)
                    ? "is a directory" : "No such file or directory") + "\n", 1);
        }
        shell.setStatus(0);
        return shell.nested(content.get());
    }

    private static CommandResult export(Shell shell, List<String> args) {
        Sessions.Session s = session(shell);
        if (args.isEmpty() || args.equals(List.of("-p"))) {
            StringBuilder out = new StringBuilder();
            s.env.forEach((k, v) -> out.append("declare -x ").append(k).append("=\"")
                    .append(v.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$")).append("\"\n"));
            return CommandResult.ok(out.toString());
        }
        StringBuilder err = new StringBuilder();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (!NAME.matcher(name).matches()) {
                err.append("bash: export: `").append(arg).append("': not a valid identifier\n");
                continue;
            }
            String shellValue = s.vars.remove(name);
            String value = eq >= 0 ? arg.substring(eq + 1) : shellValue != null ? shellValue : s.env.get(name);
            if (value != null) {
                s.env.put(name, value);
            }
        }
        return new CommandResult("", err.toString(), err.length() == 0 ? 0 : 1);
    }

    /** What bash itself answers; every other command is a program under /usr/bin. */
    static final java.util.Set<String> BASH_BUILTINS = java.util.Set.of("alias", "unalias", "source", ".", "export",
            "unset", "true", "false", ":", "test", "[", "read", "break", "continue", "type", "echo", "printf", "cd",
            "pwd", "history", "help", "exit", "logout", "complete", "set");

    /** Builtins with no program of the same name in /usr/bin ({@code echo} and {@code test} have one). */
    static final java.util.Set<String> ONLY_BUILTINS = java.util.Set.of("alias", "unalias", "source", ".", "export",
            "unset", ":", "read", "break", "continue", "type", "cd", "history", "help", "exit", "logout", "complete", "set");

    private static CommandResult type(Shell shell, List<String> args) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        for (String name : args) {
            String alias = session(shell).aliases.get(name);
            if (alias != null) {
                out.append(name).append(" is aliased to `").append(alias).append("'\n");
            } else if (shell.command(name) == null) {
                err.append("bash: type: ").append(name).append(": not found\n");
            } else if (BASH_BUILTINS.contains(name)) {
                out.append(name).append(" is a shell builtin\n");
            } else {
                out.append(name).append(" is /usr/bin/").append(name).append('\n');
            }
        }
        return new CommandResult(out.toString(), err.toString(), err.length() == 0 ? 0 : 1);
    }

    private static CommandResult which(Shell shell, List<String> args) {
        StringBuilder out = new StringBuilder();
        boolean all = true;
        for (String name : args) {
            if (shell.command(name) != null && !ONLY_BUILTINS.contains(name)) {
                out.append("/usr/bin/").append(name).append('\n');
            } else {
                all = false;
            }
        }
        return new CommandResult(out.toString(), "", all ? 0 : 1);
    }

    /** {@code set}: with no arguments, every variable as {@code NAME=value}; options are accepted. */
    private static CommandResult set(Shell shell, List<String> args) {
        if (!args.isEmpty()) {
            return CommandResult.empty();
        }
        java.util.TreeMap<String, String> all = new java.util.TreeMap<>(session(shell).env);
        all.putAll(session(shell).vars);
        StringBuilder out = new StringBuilder();
        all.forEach((k, v) -> out.append(k).append('=').append(SAFE_VALUE.matcher(v).matches() ? v : quote(v))
                .append('\n'));
        return CommandResult.ok(out.toString());
    }

    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9_./:,+=@%-]*");

    private static CommandResult jump(Shell shell, List<String> args, String name) {
        if (!shell.inLoop()) {
            return CommandResult.failure("bash: " + name + ": only meaningful in a `for', `while', or `until' loop\n",
                    0);
        }
        int levels = 1;
        if (!args.isEmpty()) {
            try {
                levels = Integer.parseInt(args.get(0));
            } catch (NumberFormatException e) {
                return CommandResult.failure("bash: " + name + ": " + args.get(0) + ": numeric argument required\n", 1);
            }
            if (levels < 1) {
                return CommandResult.failure("bash: " + name + ": " + args.get(0) + ": loop count out of range\n", 1);
            }
        }
        shell.setJump(name.equals("break") ? levels : -levels);
        return CommandResult.empty();
    }

    /** {@code read [-r] [-p PROMPT] [NAME...]}: one line, split on blanks, the last name taking the rest. */
    private static CommandResult read(Shell shell, List<String> args, String stdin) {
        boolean raw = false;
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-r")) {
                raw = true;
            } else if ((a.equals("-p") || a.equals("-t") || a.equals("-n")) && i + 1 < args.size()) {
                i++;
            } else if (!a.startsWith("-")) {
                if (!NAME.matcher(a).matches()) {
                    return CommandResult.failure("bash: read: `" + a + "': not a valid identifier\n", 1);
                }
                names.add(a);
            }
        }
        String line;
        if (stdin != null) {
            List<String> lines = Inputs.lines(stdin);
            line = lines.isEmpty() ? null : lines.get(0);
        } else {
            java.util.Iterator<String> reader = shell.readers().peek();
            line = reader != null && reader.hasNext() ? reader.next() : null;
        }
        if (line == null) {
            return CommandResult.failure("", 1);
        }
        if (!raw) {
            line = ESCAPED.matcher(line).replaceAll("$1");
        }
        if (names.isEmpty()) {
            names.add("REPLY");
        }
        Sessions.Session s = session(shell);
        String rest = line.strip();
        for (int i = 0; i < names.size(); i++) {
            String value;
            if (i == names.size() - 1) {
                value = rest;
            } else {
                String[] parts = BLANKS.split(rest, 2);
                value = parts[0];
                rest = parts.length > 1 ? parts[1] : "";
            }
            String name = names.get(i);
            if (s.env.containsKey(name)) {
                s.env.put(name, value);
            } else {
                s.vars.put(name, value);
            }
        }
        return CommandResult.empty();
    }

    private static CommandResult unset(Shell shell, List<String> args) {
        Sessions.Session s = session(shell);
        StringBuilder err = new StringBuilder();
        for (String arg : args) {
            if (arg.equals("-v") || arg.equals("-f")) {
                continue;
            }
            if (!NAME.matcher(arg).matches()) {
                err.append("bash: unset: `").append(arg).append("': not a valid identifier\n");
                continue;
            }
            s.vars.remove(arg);
            s.env.remove(arg);
        }
        return new CommandResult("", err.toString(), err.length() == 0 ? 0 : 1);
    }
}
