package io.kubelab.shell;

import java.util.List;

/** Runs {@link Compound}s: loops count against the line's command budget, so none can run forever. */
final class Loops {

    private Loops() {
    }

    static CommandResult run(Shell shell, Compound c, Expander expander, String input) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        boolean reading = input != null;
        if (reading) {
            shell.readers().push(Inputs.lines(input).iterator());
        }
        boolean loop = c.kind().equals("for") || c.kind().equals("while") || c.kind().equals("until");
        if (loop) {
            shell.enterLoop();
        }
        try {
            int code = switch (c.kind()) {
                case "for" -> forLoop(shell, c, expander, out, err);
                case "if" -> conditional(shell, c, out, err);
                case "group" -> body(shell, c.bodies().get(0), out, err);
                case "subshell" -> subshell(shell, c, out, err);
                default -> whileLoop(shell, c, out, err);
            };
            return new CommandResult(out.toString(), err.toString(), code);
        } finally {
            if (loop) {
                shell.leaveLoop();
            }
            if (reading) {
                shell.readers().pop();
            }
        }
    }

    private static int forLoop(Shell shell, Compound c, Expander expander, StringBuilder out, StringBuilder err) {
        List<String> values = expander.fields(c.words());
        int code = 0;
        for (String value : values) {
            String problem = shell.spend();
            if (problem != null) {
                err.append(problem);
                return 1;
            }
            shell.sessions().current().vars.put(c.variable(), value);
            shell.sessions().current().env.computeIfPresent(c.variable(), (k, v) -> value);
            code = body(shell, c.bodies().get(0), out, err);
            if (stop(shell)) {
                break;
            }
        }
        return code;
    }

    private static int whileLoop(Shell shell, Compound c, StringBuilder out, StringBuilder err) {
        int code = 0;
        while (true) {
            String problem = shell.spend();
            if (problem != null) {
                err.append(problem);
                return 1;
            }
            CommandResult test = shell.nested(c.conditions().get(0));
            Limits.append(out, test.stdout());
            Limits.append(err, test.stderr());
            if ((test.exitCode() == 0) != c.kind().equals("while") || out.length() >= Limits.MAX_OUTPUT_CHARS) {
                return code;
            }
            code = body(shell, c.bodies().get(0), out, err);
            if (stop(shell)) {
                return code;
            }
        }
    }

    private static int conditional(Shell shell, Compound c, StringBuilder out, StringBuilder err) {
        for (int i = 0; i < c.conditions().size(); i++) {
            CommandResult test = shell.nested(c.conditions().get(i));
            Limits.append(out, test.stdout());
            Limits.append(err, test.stderr());
            if (shell.jumping()) {
                return test.exitCode();
            }
            if (test.exitCode() == 0) {
                return body(shell, c.bodies().get(i), out, err);
            }
        }
        return c.otherwise() == null ? 0 : body(shell, c.otherwise(), out, err);
    }

    /** A subshell's changes to the working directory, variables and aliases end with it. */
    private static int subshell(Shell shell, Compound c, StringBuilder out, StringBuilder err) {
        Sessions.Session s = shell.sessions().current();
        String cwd = s.cwd;
        java.util.Map<String, String> env = new java.util.TreeMap<>(s.env);
        java.util.Map<String, String> vars = new java.util.TreeMap<>(s.vars);
        java.util.Map<String, String> aliases = new java.util.TreeMap<>(s.aliases);
        shell.enterSubshell();
        try {
            return body(shell, c.bodies().get(0), out, err);
        } finally {
            shell.leaveSubshell();
            s.cwd = cwd;
            s.env.clear();
            s.env.putAll(env);
            s.vars.clear();
            s.vars.putAll(vars);
            s.aliases.clear();
            s.aliases.putAll(aliases);
        }
    }

    private static int body(Shell shell, String text, StringBuilder out, StringBuilder err) {
        CommandResult r = shell.nested(text);
        Limits.append(out, r.stdout());
        Limits.append(err, r.stderr());
        return r.exitCode();
    }

    /** After a body: whether a {@code break} (or an outer {@code continue}) ends this loop. */
    private static boolean stop(Shell shell) {
        int jump = shell.jump();
        if (jump == 0) {
            return false;
        }
        if (jump == -1) {
            shell.setJump(0);
            return false;
        }
        shell.setJump(jump > 0 ? jump - 1 : jump + 1);
        return true;
    }
}
