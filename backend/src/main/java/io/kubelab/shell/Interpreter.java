package io.kubelab.shell;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Runs a parsed line: each pipeline in turn as {@code ;}, {@code &&} and {@code ||} say, each stage fed
 * the one before's output, with files, heredocs and {@code /dev/null} for redirections.
 */
final class Interpreter {

    static final String DEV_NULL = "/dev/null";

    private final Shell shell;

    Interpreter(Shell shell) {
        this.shell = shell;
    }

    CommandResult run(String text) {
        List<CommandLine.Pipeline> pipelines;
        try {
            // Variables are marked at parse time and read when their command runs, after an earlier export.
            pipelines = CommandLine.parse(text, name -> MARK + name + END);
        } catch (Words.SyntaxError e) {
            return CommandResult.failure(e.getMessage() + "\n", 2);
        }
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int code = 0;
        String then = ";";
        for (CommandLine.Pipeline pipeline : pipelines) {
            boolean runs = then.equals(";") || then.isEmpty() || (then.equals("&&") == (code == 0));
            if (runs) {
                CommandResult result = pipeline(pipeline);
                out.append(result.stdout());
                err.append(result.stderr());
                code = result.exitCode();
            }
            then = pipeline.then();
        }
        return new CommandResult(out.toString(), err.toString(), code);
    }

    private CommandResult pipeline(CommandLine.Pipeline pipeline) {
        String input = null;
        StringBuilder err = new StringBuilder();
        CommandResult last = CommandResult.empty();
        List<CommandLine.Stage> stages = pipeline.stages();
        for (int i = 0; i < stages.size(); i++) {
            last = stage(stages.get(i), input);
            err.append(last.stderr());
            input = last.stdout();
        }
        return new CommandResult(last.stdout(), err.toString(), last.exitCode());
    }

    private static final char MARK = '\u0001';
    private static final char END = '\u0002';

    private String expand(String text) {
        if (text == null || text.indexOf(MARK) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf(MARK, i);
            int end = start < 0 ? -1 : text.indexOf(END, start);
            if (start < 0 || end < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start)
                    .append(shell.sessions().current().env.getOrDefault(text.substring(start + 1, end), ""));
            i = end + 1;
        }
        return out.toString();
    }

    private CommandResult stage(CommandLine.Stage raw, String piped) {
        CommandLine.Stage stage = new CommandLine.Stage(raw.words().stream().map(this::expand).toList(),
                raw.redirects().stream().map(r -> new CommandLine.Redirect(r.op(), expand(r.target()))).toList(),
                expand(raw.heredoc()));
        String input = stage.heredoc() != null ? stage.heredoc() : piped;
        Deque<CommandLine.Redirect> outputs = new ArrayDeque<>();
        boolean mergeErr = false;
        for (CommandLine.Redirect r : stage.redirects()) {
            if (r.op().equals("<")) {
                String path = Paths.resolve(shell.sessions().current(), r.target());
                if (path.equals(DEV_NULL)) {
                    input = "";
                    continue;
                }
                var content = shell.sessions().current().files.read(path);
                if (content.isEmpty()) {
                    return CommandResult.failure("bash: " + r.target() + ": No such file or directory\n", 1);
                }
                input = content.get();
            } else if (r.op().equals("2>&1")) {
                mergeErr = true;
            } else if (!r.op().startsWith("<<")) {
                outputs.add(r);
            }
        }
        CommandResult result;
        if (stage.words().isEmpty()) {
            result = CommandResult.empty();
        } else {
            String name = stage.words().get(0);
            Builtin command = shell.command(name);
            List<String> args = stage.words().subList(1, stage.words().size());
            result = command == null
                    ? CommandResult.failure("bash: " + name + ": command not found\n", CommandResult.COMMAND_NOT_FOUND)
                    : command.run(shell, args, input);
        }
        String stdout = result.stdout();
        String stderr = result.stderr();
        if (mergeErr) {
            stdout = stdout + stderr;
            stderr = "";
        }
        for (CommandLine.Redirect r : outputs) {
            boolean errStream = r.op().startsWith("2");
            String data = errStream ? stderr : stdout;
            String problem = write(r.target(), data, r.op().endsWith(">>"));
            if (problem != null) {
                return CommandResult.failure(problem, 1);
            }
            if (errStream) {
                stderr = "";
            } else {
                stdout = "";
            }
        }
        return new CommandResult(stdout, stderr, result.exitCode());
    }

    /** Writes a redirection's target; bash's complaint if it cannot. */
    private String write(String target, String data, boolean append) {
        Sessions.Session session = shell.sessions().current();
        String path = Paths.resolve(session, target);
        if (path.equals(DEV_NULL)) {
            return null;
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
}
