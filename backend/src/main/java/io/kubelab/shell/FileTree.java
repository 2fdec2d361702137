package io.kubelab.shell;

import io.kubelab.cluster.NodeFiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Commands over whole trees of the virtual filesystem: {@code cp [-r]}, {@code mv}, {@code find}, {@code chmod}, {@code rmdir}. */
final class FileTree {

    private static final java.util.regex.Pattern MODE = java.util.regex.Pattern.compile("[0-7]{1,4}|([ugoa]*[-+=][rwxXst]*,?)+");

    private FileTree() {
    }

    private static Sessions.Session session(Shell shell) {
        return shell.sessions().current();
    }

    static CommandResult copy(Shell shell, List<String> args, String verb) {
        Options o = Options.parse(verb, args, "", false);
        boolean recursive = verb.equals("mv") || o.has('r') || o.has('R') || o.has('a');
        List<String> operands = o.operands;
        if (operands.size() < 2) {
            String message = operands.isEmpty() ? verb + ": missing file operand\n"
                    : verb + ": missing destination file operand after '" + operands.get(0) + "'\n";
            return CommandResult.failure(message + "Try '" + verb + " --help' for more information.\n", 1);
        }
        MachineFiles files = session(shell).files;
        String target = operands.get(operands.size() - 1);
        String targetPath = Paths.resolve(session(shell), target);
        boolean intoDir = files.isDirectory(targetPath);
        if (operands.size() > 2 && !intoDir) {
            return CommandResult.failure(verb + ": target '" + target + "' is not a directory\n", 1);
        }
        StringBuilder err = new StringBuilder();
        for (String source : operands.subList(0, operands.size() - 1)) {
            String from = Paths.resolve(session(shell), source);
            String to = intoDir ? targetPath + "/" + from.substring(from.lastIndexOf('/') + 1) : targetPath;
            if (!files.exists(from)) {
                err.append(verb).append(": cannot stat '").append(source).append("': No such file or directory\n");
                continue;
            }
            if (files.isDirectory(from) && !recursive) {
                err.append(verb).append(": -r not specified; omitting directory '").append(source).append("'\n");
                continue;
            }
            if (!files.isDirectory(NodeFiles.parent(to))) {
                err.append(verb).append(verb.equals("mv") ? ": cannot move '" + source + "' to '" + target
                        : ": cannot create regular file '" + target).append("': No such file or directory\n");
                continue;
            }
            if (to.equals(from)) {
                err.append(verb).append(": '").append(source).append("' and '").append(target)
                        .append("' are the same file\n");
                continue;
            }
            if (files.isDirectory(from) && (to + "/").startsWith(from + "/")) {
                err.append(verb).append(": cannot ").append(verb.equals("mv") ? "move" : "copy").append(" '")
                        .append(source).append("' to a subdirectory of itself, '").append(target).append("'\n");
                continue;
            }
            try {
                copyTree(files, from, to);
                if (verb.equals("mv")) {
                    removeTree(files.stored(), from);
                }
            } catch (IllegalArgumentException e) {
                err.append(verb).append(": cannot create regular file '").append(target).append("': ")
                        .append(e.getMessage()).append('\n');
            }
        }
        return new CommandResult("", err.toString(), err.length() == 0 ? 0 : 1);
    }

    private static void copyTree(MachineFiles files, String from, String to) {
        Optional<String> content = files.read(from);
        if (content.isPresent()) {
            files.write(to, content.get());
            return;
        }
        files.stored().mkdirs(to);
        for (String child : files.children(from)) {
            copyTree(files, from + "/" + child, to + "/" + child);
        }
    }

    static void removeTree(NodeFiles files, String path) {
        if (files.isFile(path)) {
            files.delete(path);
            return;
        }
        for (String child : files.children(path)) {
            removeTree(files, path + "/" + child);
        }
        files.removeDir(path);
    }

    static CommandResult rmdir(Shell shell, List<String> args) {
        StringBuilder err = new StringBuilder();
        for (String arg : args) {
            String p = Paths.resolve(session(shell), arg);
            NodeFiles files = session(shell).files.stored();
            if (!files.isDirectory(p)) {
                err.append("rmdir: failed to remove '").append(arg).append("': ")
                        .append(files.isFile(p) ? "Not a directory" : "No such file or directory").append('\n');
            } else if (!files.removeDir(p)) {
                err.append("rmdir: failed to remove '").append(arg).append("': Directory not empty\n");
            }
        }
        return new CommandResult("", err.toString(), err.length() == 0 ? 0 : 1);
    }

    /** {@code find [PATH...] [-name GLOB] [-iname GLOB] [-type f|d] [-maxdepth N]}, in name order. */
    static CommandResult find(Shell shell, List<String> args) {
        List<String> roots = new ArrayList<>();
        String name = null;
        boolean ignoreCase = false;
        Character type = null;
        int maxDepth = Integer.MAX_VALUE;
        int i = 0;
        while (i < args.size() && !args.get(i).startsWith("-")) {
            roots.add(args.get(i++));
        }
        for (; i < args.size(); i++) {
            String a = args.get(i);
            boolean hasValue = i + 1 < args.size();
            if ((a.equals("-name") || a.equals("-iname")) && hasValue) {
                name = args.get(++i);
                ignoreCase = a.equals("-iname");
            } else if (a.equals("-type") && hasValue) {
                type = args.get(++i).charAt(0);
            } else if (a.equals("-maxdepth") && hasValue) {
                try {
                    maxDepth = Integer.parseInt(args.get(++i));
                } catch (NumberFormatException e) {
                    return CommandResult.failure("find: Expected a positive decimal integer argument to -maxdepth, "
                            + "but got \u2018" + args.get(i) + "\u2019\n", 1);
                }
            } else if (a.equals("-print")) {
                continue;
            } else {
                return CommandResult.failure("find: unknown predicate `" + a + "'\n", 1);
            }
        }
        if (roots.isEmpty()) {
            roots.add(".");
        }
        com.google.re2j.Pattern glob = name == null ? null : com.google.re2j.Pattern.compile(Globs.toRegex(name),
                ignoreCase ? com.google.re2j.Pattern.CASE_INSENSITIVE : 0);
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        for (String root : roots) {
            String p = Paths.resolve(session(shell), root);
            if (!session(shell).files.exists(p)) {
                err.append("find: \u2018").append(root).append("\u2019: No such file or directory\n");
                continue;
            }
            walk(session(shell).files, p, root, 0, maxDepth, glob, type, out);
        }
        return new CommandResult(out.toString(), err.toString(), err.length() == 0 ? 0 : 1);
    }

    private static void walk(MachineFiles files, String path, String shown, int depth, int maxDepth,
                             com.google.re2j.Pattern glob, Character type, StringBuilder out) {
        if (out.length() > Limits.MAX_OUTPUT_CHARS) {
            return;
        }
        boolean dir = files.isDirectory(path);
        String base = shown.substring(shown.lastIndexOf('/') + 1);
        boolean typeOk = type == null || (type == 'd' ? dir : type == 'f' && !dir);
        if (typeOk && (glob == null || glob.matches(base.isEmpty() ? shown : base))) {
            out.append(shown).append('\n');
        }
        if (dir && depth < maxDepth) {
            for (String child : files.children(path)) {
                walk(files, path.equals("/") ? "/" + child : path + "/" + child,
                        shown.endsWith("/") ? shown + child : shown + "/" + child, depth + 1, maxDepth, glob, type, out);
            }
        }
    }

    /** {@code chmod}: modes are checked and accepted; the virtual files keep none, as a sandbox needs none. */
    static CommandResult chmod(Shell shell, List<String> args) {
        List<String> operands = args.stream().filter(a -> !a.equals("-R")).toList();
        if (operands.size() < 2) {
            return CommandResult.failure("chmod: missing operand\nTry 'chmod --help' for more information.\n", 1);
        }
        String mode = operands.get(0);
        if (!MODE.matcher(mode).matches()) {
            return CommandResult.failure("chmod: invalid mode: \u2018" + mode + "\u2019\n"
                    + "Try 'chmod --help' for more information.\n", 1);
        }
        StringBuilder err = new StringBuilder();
        for (String file : operands.subList(1, operands.size())) {
            if (!session(shell).files.exists(Paths.resolve(session(shell), file))) {
                err.append("chmod: cannot access '").append(file).append("': No such file or directory\n");
            }
        }
        return new CommandResult("", err.toString(), err.length() == 0 ? 0 : 1);
    }

    /**
     * {@code vi}, {@code vim}, {@code nano}: the browser terminal opens its editor on the file (the result's
     * {@link CommandResult#editPath()} says which); a caller without a screen (the automation API) sees the
     * message and status 1, as a real editor fails without a terminal.
     */
    static CommandResult editor(Shell shell, List<String> args, String name) {
        List<String> files = args.stream().filter(a -> !a.startsWith("-") && !a.startsWith("+")).toList();
        if (files.isEmpty()) {
            return CommandResult.failure(name + ": a file name is needed here: the editor opens on a file\n", 1);
        }
        String path = Paths.resolve(session(shell), files.get(0));
        if (session(shell).files.isDirectory(path)) {
            return CommandResult.failure(name + ": " + files.get(0) + " is a directory\n", 1);
        }
        if (!session(shell).files.isDirectory(NodeFiles.parent(path))) {
            return CommandResult.failure(name + ": " + files.get(0) + ": No such file or directory\n", 1);
        }
        if (shell.terminal() && shell.openEditor(EditorFile.file(session(shell), name, files.get(0), path))) {
            // The browser shows the file; like vim after :wq, nothing is printed.
            return new CommandResult("", "", 0, path);
        }
        return CommandResult.editor(path, name + ": Warning: Output is not to a terminal\n");
    }
}
