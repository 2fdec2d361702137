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
        builtins.add("ls", "list a directory", FileCommands::ls);
        builtins.add("mv", "move or rename a file", (shell, args) -> copy(shell, args, "mv"));
        builtins.add("cp", "copy a file", (shell, args) -> copy(shell, args, "cp"));
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

    private static CommandResult ls(Shell shell, List<String> args) {
        boolean all = false;
        List<String> targets = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("-") && arg.length() > 1) {
                all |= arg.contains("a");
            } else {
                targets.add(arg);
            }
        }
        if (targets.isEmpty()) {
            targets.add(".");
        }
        MachineFiles files = session(shell).files;
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        List<String> dirs = new ArrayList<>();
        for (String target : targets) {
            String p = path(shell, target);
            if (files.isFile(p)) {
                out.append(target).append('\n');
            } else if (files.isDirectory(p)) {
                dirs.add(target);
            } else {
                err.append("ls: cannot access '").append(target).append("': No such file or directory\n");
            }
        }
        for (String dir : dirs) {
            if (targets.size() > 1) {
                out.append(out.length() == 0 ? "" : "\n").append(dir).append(":\n");
            }
            for (String name : files.children(path(shell, dir))) {
                if (all || !name.startsWith(".")) {
                    out.append(name).append('\n');
                }
            }
        }
        return new CommandResult(out.toString(), err.toString(), err.length() == 0 ? 0 : 2);
    }

    private static CommandResult copy(Shell shell, List<String> args, String verb) {
        List<String> operands = args.stream().filter(a -> !a.startsWith("-") || a.equals("-")).toList();
        if (operands.size() < 2) {
            String message = operands.isEmpty() ? verb + ": missing file operand\n"
                    : verb + ": missing destination file operand after '" + operands.get(0) + "'\n";
            return CommandResult.failure(message + "Try '" + verb + " --help' for more information.\n", 1);
        }
        MachineFiles files = session(shell).files;
        String target = operands.get(operands.size() - 1);
        String targetPath = path(shell, target);
        boolean intoDir = files.isDirectory(targetPath);
        if (operands.size() > 2 && !intoDir) {
            return CommandResult.failure(verb + ": target '" + target + "' is not a directory\n", 1);
        }
        StringBuilder err = new StringBuilder();
        for (String source : operands.subList(0, operands.size() - 1)) {
            String from = path(shell, source);
            Optional<String> content = files.read(from);
            if (content.isEmpty()) {
                err.append(files.isDirectory(from)
                        ? verb + ": -r not specified; omitting directory '" + source + "'\n"
                        : verb + ": cannot stat '" + source + "': No such file or directory\n");
                continue;
            }
            String to = intoDir ? targetPath + "/" + from.substring(from.lastIndexOf('/') + 1) : targetPath;
            if (!files.isDirectory(NodeFiles.parent(to))) {
                err.append(verb).append(verb.equals("mv") ? ": cannot move '" : ": cannot create regular file '")
                        .append(verb.equals("mv") ? source + "' to '" + target : target)
                        .append("': No such file or directory\n");
                continue;
            }
            if (to.equals(from)) {
                continue;
            }
            files.write(to, content.get());
            if (verb.equals("mv")) {
                files.delete(from);
            }
        }
        return new CommandResult("", err.toString(), err.length() == 0 ? 0 : 1);
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
                    removeTree(files.stored(), p);
                }
            } else if (!force) {
                err.append("rm: cannot remove '").append(arg).append("': No such file or directory\n");
            }
        }
        return new CommandResult("", err.toString(), err.length() == 0 ? 0 : 1);
    }

    private static void removeTree(NodeFiles files, String dir) {
        for (String child : files.children(dir)) {
            String p = dir + "/" + child;
            if (files.isFile(p)) {
                files.delete(p);
            } else {
                removeTree(files, p);
            }
        }
        files.removeDir(dir);
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
