package io.kubelab.shell;

import io.kubelab.cluster.NodeFiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The file commands of the machine the terminal is on, with GNU coreutils' messages: {@code cat echo ls
 * mv cp rm mkdir touch pwd cd export env}. Text filters live in {@link TextCommands}.
 */
final class FileCommands {

    private FileCommands() {
    }

    static void register(Builtins builtins) {
        builtins.add("cat", "print files (or what is piped in)", (Filter) FileCommands::cat);
        builtins.add("echo", "print its arguments (-n: no newline, -e: escapes)", Printf::echo);
        builtins.add("printf", "print formatted text, e.g. printf '%s\\n' a b", Printf::printf);
        builtins.add("ls", "list a directory (-l -a -R -1 -d)", Listing::ls);
        builtins.add("mv", "move or rename files and directories", (shell, args) -> FileTree.copy(shell, args, "mv"));
        builtins.add("cp", "copy files (-r: directories too)", (shell, args) -> FileTree.copy(shell, args, "cp"));
        builtins.add("rmdir", "remove empty directories", FileTree::rmdir);
        builtins.add("find", "find files: find DIR -name GLOB -type f|d -maxdepth N", FileTree::find);
        builtins.add("chmod", "change file modes (accepted; the sandbox's files keep none)", FileTree::chmod);
        builtins.add("diff", "compare two files (-u: unified format)", Diff::diff);
        for (String editor : List.of("vi", "vim", "nano")) {
            builtins.add(editor, "edit a file in the browser terminal's editor", (shell, args) ->
                    FileTree.editor(shell, args, editor));
        }
        builtins.add("rm", "remove files", FileCommands::rm);
        builtins.add("mkdir", "make directories (-p: with their parents)", FileCommands::mkdir);
        builtins.add("touch", "create empty files", FileCommands::touch);
        builtins.add("pwd", "print the working directory", (shell, args) ->
                CommandResult.ok(shell.sessions().current().cwd + "\n"));
        builtins.add("cd", "change the working directory", FileCommands::cd);
        builtins.add("env", "print the exported variables", (shell, args) -> {
            StringBuilder out = new StringBuilder();
            shell.sessions().current().env.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
            return CommandResult.ok(out.toString());
        });
        TextCommands.register(builtins);
    }

    static Sessions.Session session(Shell shell) {
        return shell.sessions().current();
    }

    static String path(Shell shell, String arg) {
        return Paths.resolve(session(shell), arg);
    }

    private static CommandResult cat(Shell shell, List<String> args, String stdin) {
        if (!args.isEmpty() && (args.get(0).equals("-n") || args.get(0).equals("-A"))) {
            CommandResult all = cat(shell, args.subList(1, args.size()), stdin);
            return new CommandResult(numbered(all.stdout(), args.get(0).equals("-n")), all.stderr(), all.exitCode());
        }
        if (args.isEmpty() || args.equals(List.of("-"))) {
            return CommandResult.ok(stdin == null ? "" : stdin);
        }
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        for (String arg : args) {
            String p = path(shell, arg);
            Optional<String> content = session(shell).files.read(p);
            if (content.isPresent()) {
                out.append(content.get());
            } else if (session(shell).files.isDirectory(p)) {
                err.append("cat: ").append(arg).append(": Is a directory\n");
            } else {
                err.append("cat: ").append(arg).append(": No such file or directory\n");
            }
        }
        return new CommandResult(out.toString(), err.toString(), err.length() == 0 ? 0 : 1);
    }

    /** {@code cat -n}: GNU's six-column numbers and a tab; {@code cat -A}: {@code $} at each line end. */
    private static String numbered(String text, boolean numbers) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (String line : Inputs.lines(text)) {
            out.append(numbers ? String.format("%6d\t%s", ++n, line) : line + "$").append('\n');
        }
        if (!text.isEmpty() && !text.endsWith("\n")) {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    private static CommandResult rm(Shell shell, List<String> args) {
        boolean force = args.stream().anyMatch(a -> a.startsWith("-") && a.contains("f"));
        boolean recursive = args.stream().anyMatch(a -> a.startsWith("-") && (a.contains("r") || a.contains("R")));
        MachineFiles files = session(shell).files;
        StringBuilder err = new StringBuilder();
        for (String arg : args) {
            if (arg.startsWith("-") && arg.length() > 1) {
                continue;
            }
            String p = path(shell, arg);
            if (files.stored().isFile(p)) {
                files.delete(p);
            } else if (files.stored().isDirectory(p)) {
                if (!recursive) {
                    err.append("rm: cannot remove '").append(arg).append("': Is a directory\n");
                } else {
                    FileTree.removeTree(files.stored(), p);
                }
            } else if (!force) {
                err.append("rm: cannot remove '").append(arg).append("': No such file or directory\n");
            }
        }
        return new CommandResult("", err.toString(), err.length() == 0 ? 0 : 1);
    }

    private static CommandResult mkdir(Shell shell, List<String> args) {
        boolean parents = args.contains("-p");
        MachineFiles files = session(shell).files;
        StringBuilder err = new StringBuilder();
        for (String arg : args) {
            if (arg.startsWith("-")) {
                continue;
            }
            String p = path(shell, arg);
            if (files.exists(p)) {
                if (!parents || files.isFile(p)) {
                    err.append("mkdir: cannot create directory \u2018").append(arg).append("\u2019: File exists\n");
                }
            } else if (!parents && !files.isDirectory(NodeFiles.parent(p))) {
                err.append("mkdir: cannot create directory \u2018").append(arg)
                        .append("\u2019: No such file or directory\n");
            } else {
                files.stored().mkdirs(p);
            }
        }
        return new CommandResult("", err.toString(), err.length() == 0 ? 0 : 1);
    }

    private static CommandResult touch(Shell shell, List<String> args) {
        MachineFiles files = session(shell).files;
        StringBuilder err = new StringBuilder();
        for (String arg : args) {
            String p = path(shell, arg);
            if (files.exists(p)) {
                continue;
            }
            if (!files.isDirectory(NodeFiles.parent(p))) {
                err.append("touch: cannot touch '").append(arg).append("': No such file or directory\n");
            } else {
                files.write(p, "");
            }
        }
        return new CommandResult("", err.toString(), err.length() == 0 ? 0 : 1);
    }

    private static CommandResult cd(Shell shell, List<String> args) {
        Sessions.Session s = session(shell);
        String target = args.isEmpty() ? s.home : args.get(0);
        String p = Paths.resolve(s, target);
        if (!s.files.isDirectory(p)) {
            return CommandResult.failure("bash: cd: " + target + (s.files.isFile(p) ? ": Not a directory\n"
                    : ": No such file or directory\n"), 1);
        }
        s.cwd = p;
        return CommandResult.empty();
    }
}
