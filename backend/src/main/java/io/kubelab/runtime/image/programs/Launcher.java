package io.kubelab.runtime.image.programs;

import io.kubelab.runtime.image.container.Container;
import io.kubelab.runtime.image.programs.ImageConfig.Binary;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Starts the process a container's command line names, as runc would find it: an image binary (nginx, the
 * entrypoint script), a shell, a utility, or a script file; anything else is a StartError.
 */
public final class Launcher {

    private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash");
    private static final Set<String> CORE = Set.of("echo", "printf", "sleep", "true", "false", "cat", "ls", "touch",
            "rm", "mkdir", "date", "env", "printenv", "hostname", "id", "whoami", "uname", "seq", "wc", "head", "tail",
            "grep", "sort", "uniq", "tr", "cut", "basename", "dirname", "cp", "mv", "nproc", "kill", "ps", "rmdir",
            "tee", "yes", "expr", "test", "[");

    private Launcher() {
    }

    /**
     * The command line Kubernetes runs: {@code command} replaces ENTRYPOINT and drops CMD; {@code args} alone
     * replace CMD.
     */
    public static List<String> commandLine(List<String> entrypoint, List<String> cmd, List<String> command, List<String> args) {
        List<String> argv = new ArrayList<>(command.isEmpty() ? entrypoint : command);
        argv.addAll(!args.isEmpty() ? args : command.isEmpty() ? cmd : List.of());
        return argv;
    }

    static boolean runnable(String name, String full, Container c, ImageConfig image) {
        if (image.binaries().containsKey(name) && (!full.contains("/") || full.equals("/" + name) || isBinPath(full))) {
            return true;
        }
        boolean onPath = !full.contains("/") || isBinPath(full);
        if (onPath && SHELLS.contains(name)) {
            return c.flavour().hasShell() && (!name.equals("bash") || c.flavour().hasBash());
        }
        if (onPath && (CORE.contains(name) && c.flavour().hasShell() || c.has(name))) {
            return true;
        }
        return full.contains("/") && c.fs().read(full, c.elapsedNow()).isPresent() && c.flavour().hasShell();
    }

    private static boolean isBinPath(String full) {
        return full.matches("/(usr/)?(local/)?s?bin/[^/]+");
    }

    public static TimedProcess launch(List<String> argv, Container c, ImageConfig image) {
        if (argv.isEmpty()) {
            return new StartFailure(c, image, "failed to create containerd task: failed to create shim task: OCI runtime create failed: "
                    + "runc create failed: unable to start container process: exec: \"\": executable file not found in $PATH: unknown");
        }
        String full = argv.get(0);
        String name = full.substring(full.lastIndexOf('/') + 1);
        List<String> args = argv.subList(1, argv.size());
        if (!runnable(name, full, c, image)) {
            return new StartFailure(c, image, StartErrors.create(full));
        }
        Binary binary = image.binaries().get(name);
        if (binary != null && (!full.contains("/") || full.equals("/" + name) || isBinPath(full))) {
            return Services.start(binary, name, args, c, image);
        }
        if (SHELLS.contains(name)) {
            return shell(name, args, c, image);
        }
        if (full.contains("/") && !isBinPath(full)) {
            String script = c.fs().read(full, c.elapsedNow()).orElse("");
            String shell = script.startsWith("#!") && script.split("\n", 2)[0].contains("bash") && c.flavour().hasBash() ? "bash" : "sh";
            List<String> positional = new ArrayList<>();
            positional.add(full);
            positional.addAll(args);
            return ShellProcess.script(c, image, shell, script, positional);
        }
        return ShellProcess.command(c, image, argv);
    }

    private static TimedProcess shell(String name, List<String> args, Container c, ImageConfig image) {
        int i = 0;
        boolean command = false;
        while (i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1) {
            command |= args.get(i).contains("c");
            i++;
            if (command) {
                break;
            }
        }
        if (command) {
            if (i >= args.size()) {
                return ShellProcess.script(c, image, name, "echo '" + name + ": -c: option requires an argument' >&2; exit 2", List.of());
            }
            return ShellProcess.script(c, image, name, args.get(i), args.subList(i + 1, args.size()));
        }
        if (i < args.size()) {
            String file = args.get(i);
            var script = c.fs().read(file.startsWith("/") ? file : (c.workingDir().isEmpty() ? "/" : c.workingDir()) + "/" + file, java.time.Duration.ZERO);
            if (script.isEmpty()) {
                String msg = c.flavour().hasBash() && name.equals("bash") ? "bash: " + file + ": No such file or directory"
                        : c.flavour() == io.kubelab.runtime.image.container.Flavour.DEBIAN ? "sh: 0: cannot open " + file + ": No such file"
                        : "sh: can't open '" + file + "': No such file or directory";
                return ShellProcess.script(c, image, name, "echo '" + msg + "' >&2; exit 127", List.of());
            }
            return ShellProcess.script(c, image, name, script.get(), args.subList(i, args.size()));
        }
        // An interactive shell with no terminal: stdin is empty, so it reads end of file and exits 0.
        return ShellProcess.script(c, image, name, "", List.of());
    }
}
