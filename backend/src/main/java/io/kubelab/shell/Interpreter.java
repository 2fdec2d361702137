package io.kubelab.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs typed text one complete command at a time: each pipeline in turn as {@code ;}, {@code &&} and
 * {@code ||} say, each stage fed the one before's output, words expanded just before their command runs,
 * with files, heredocs and {@code /dev/null} for redirections.
 */
final class Interpreter implements Expander.Context {

    static final String DEV_NULL = "/dev/null";

    private final Shell shell;
    private final Expander expander = new Expander(this);
    /** What expansions wrote to stderr (a failing {@code $(...)}): it bypasses the command's redirections. */
    private final StringBuilder sideErr = new StringBuilder();
    /** The status of the last {@code $(...)} of the current command, or -1: a bare assignment's status. */
    private int substituted = -1;
    /** The file an editor command asked for, passed up to the terminal (see {@link CommandResult#editPath()}). */
    private String editPath;

    Interpreter(Shell shell) {
        this.shell = shell;
    }

    CommandResult run(String text) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int at = 0;
        while (at < text.length() && !shell.jumping()) {
            CommandLine.Parsed parsed;
            try {
                parsed = CommandLine.next(text, at, session().aliases);
            } catch (Words.SyntaxError e) {
                err.append(e.getMessage()).append('\n');
                shell.setStatus(2);
                break;
            }
            CommandResult result = list(parsed.pipelines());
            Limits.append(out, result.stdout());
            Limits.append(err, result.stderr());
            if (parsed.next() <= at) {
                break;
            }
            at = parsed.next();
        }
        return new CommandResult(out.toString(), err.toString(), shell.status(), editPath);
    }

    private CommandResult list(List<CommandLine.Pipeline> pipelines) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        String then = ";";
        for (CommandLine.Pipeline pipeline : pipelines) {
            if (shell.jumping()) {
                break;
            }
            int code = shell.status();
            boolean runs = then.equals(";") || then.isEmpty() || (then.equals("&&") == (code == 0));
            if (runs) {
                CommandResult result = pipeline(pipeline);
                Limits.append(out, result.stdout());
                Limits.append(err, result.stderr());
                shell.setStatus(result.exitCode());
            }
            then = pipeline.then();
        }
        return new CommandResult(out.toString(), err.toString(), shell.status());
    }

    private CommandResult pipeline(CommandLine.Pipeline pipeline) {
        String input = null;
        StringBuilder err = new StringBuilder();
        CommandResult last = CommandResult.empty();
        for (CommandLine.Stage stage : pipeline.stages()) {
            last = stage(stage, input);
            Limits.append(err, last.stderr());
            input = last.stdout();
        }
        int code = pipeline.negated() ? (last.exitCode() == 0 ? 1 : 0) : last.exitCode();
        return new CommandResult(last.stdout(), err.toString(), code);
    }

    private CommandResult stage(CommandLine.Stage stage, String piped) {
        String problem = shell.spend();
        if (problem != null) {
            return CommandResult.failure(problem, 1);
        }
        sideErr.setLength(0);
        substituted = -1;
        CommandResult result;
        try {
            result = expandAndRun(stage, piped);
        } catch (ExpansionError | Words.SyntaxError e) {
            result = CommandResult.failure(e.getMessage() + "\n", 1);
        }
        for (String path : processFiles) {
            session().files.delete(path);
        }
        processFiles.clear();
        if (sideErr.length() > 0) {
            result = new CommandResult(result.stdout(), sideErr + result.stderr(), result.exitCode());
            sideErr.setLength(0);
        }
        return result;
    }

    private CommandResult expandAndRun(CommandLine.Stage stage, String piped) {
        Map<String, String> assigned = new HashMap<>();
        for (String assignment : stage.assignments()) {
            int eq = assignment.indexOf('=');
            assigned.put(assignment.substring(0, eq), expander.single(assignment.substring(eq + 1)));
        }
        List<String> words = expander.fields(stage.words());
        String input = stage.heredoc() != null
                ? (stage.heredocExpands() ? expander.heredoc(stage.heredoc()) : stage.heredoc()) : piped;
        List<CommandLine.Redirect> outputs = new ArrayList<>();
        boolean mergeErr = false;
        boolean errToOut = false;
        for (CommandLine.Redirect r : stage.redirects()) {
            String target = r.op().startsWith("<<") && !r.op().equals("<<<") ? r.target() : expander.single(r.target());
            switch (r.op()) {
                case "<" -> {
                    String path = Paths.resolve(session(), target);
                    if (path.equals(DEV_NULL)) {
                        input = "";
                        continue;
                    }
                    var content = session().files.read(path);
                    if (content.isEmpty()) {
                        return CommandResult.failure("bash: " + target + ": " + (session().files.isDirectory(path)
                                ? "Is a directory" : "No such file or directory") + "\n", 1);
                    }
                    input = content.get();
                }
                case "<<<" -> input = target + "\n";
                case "2>&1" -> mergeErr = true;
                case ">&2" -> errToOut = true;
                default -> {
                    if (!r.op().startsWith("<<")) {
                        outputs.add(new CommandLine.Redirect(r.op(), target));
                    }
                }
            }
        }
        CommandResult result;
        if (stage.compound() != null) {
            result = Loops.run(shell, stage.compound(), expander, input);
        } else if (words.isEmpty()) {
            assigned.forEach(this::assign);
            result = new CommandResult("", "", Math.max(substituted, 0));
        } else {
            result = command(words, assigned, input);
        }
        String stdout = result.stdout();
        String stderr = result.stderr();
        if (errToOut) {
            stderr = stderr + stdout;
            stdout = "";
        }
        if (mergeErr) {
            stdout = stdout + stderr;
            stderr = "";
        }
        for (CommandLine.Redirect r : outputs) {
            boolean both = r.op().startsWith("&");
            boolean errStream = r.op().startsWith("2");
            String data = both ? stdout + stderr : errStream ? stderr : stdout;
            String problem = write(r.target(), data, r.op().endsWith(">>"));
            if (problem != null) {
                return CommandResult.failure(problem, 1);
            }
            if (errStream || both) {
                stderr = "";
            }
            if (!errStream) {
                stdout = "";
            }
        }
        return new CommandResult(stdout, stderr, result.exitCode());
    }

    /** Runs a command, with {@code NAME=value} prefixes exported for its duration only. */
    private CommandResult command(List<String> words, Map<String, String> assigned, String input) {
        String name = words.get(0);
        Builtin command = shell.command(name);
        if (command == null) {
            return CommandResult.failure("bash: " + name + ": command not found\n", CommandResult.COMMAND_NOT_FOUND);
        }
        Map<String, String> env = session().env;
        Map<String, String> saved = new HashMap<>();
        assigned.forEach((k, v) -> {
            saved.put(k, env.get(k));
            env.put(k, v);
        });
        try {
            CommandResult result = Limits.capped(command.run(shell, words.subList(1, words.size()), input));
            if (result.editPath() != null) {
                editPath = result.editPath();
            }
            return result;
        } finally {
            saved.forEach((k, v) -> {
                if (v == null) {
                    env.remove(k);
                } else {
                    env.put(k, v);
                }
            });
        }
    }

    /** Writes a redirection's target; bash's complaint if it cannot. */
    private String write(String target, String data, boolean append) {
        Sessions.Session session = session();
        String path = Paths.resolve(session, target);
        if (path.equals(DEV_NULL)) {
            return null;
        }
        if (target.isEmpty()) {
            return "bash: : No such file or directory\n";
        }
        MachineFiles files = session.files;
        if (files.isDirectory(path)) {
            return "bash: " + target + ": Is a directory\n";
        }
        if (!files.isDirectory(io.kubelab.cluster.NodeFiles.parent(path))) {
            return "bash: " + target + ": No such file or directory\n";
        }
        try {
            files.write(path, append ? files.read(path).orElse("") + data : data);
        } catch (IllegalArgumentException e) {
            return "bash: " + target + ": " + e.getMessage() + "\n";
        }
        return null;
    }

    @Override
    public Sessions.Session session() {
        return shell.sessions().current();
    }

    @Override
    public String variable(String name) {
        String v = session().vars.get(name);
        return v != null ? v : session().env.get(name);
    }

    @Override
    public void assign(String name, String value) {
        if (session().env.containsKey(name)) {
            session().env.put(name, value);
        } else {
            session().vars.put(name, value);
        }
    }

    @Override
    public int status() {
        return shell.status();
    }

    /** Where {@code <(...)} output lives, as bash's {@code /dev/fd/63}; removed when the command is done. */
    static final String PROCESS_FILES = "/dev/fd/";

    private final List<String> processFiles = new ArrayList<>();

    @Override
    public String processFile(String command) {
        String path = PROCESS_FILES + (63 - processFiles.size());
        String output = substitute(command);
        try {
            session().files.write(path, output);
        } catch (IllegalArgumentException e) {
            Limits.append(sideErr, "bash: " + path + ": " + e.getMessage() + "\n");
        }
        processFiles.add(path);
        return path;
    }

    @Override
    public String substitute(String command) {
        CommandResult r = shell.nested(command);
        Limits.append(sideErr, r.stderr());
        substituted = r.exitCode();
        return r.stdout();
    }
}
