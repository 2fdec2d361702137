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
            if (name.isEmpty() || !name.matches("[^\\s'\"\\\\$`=/|&;<>()]+")) {
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
