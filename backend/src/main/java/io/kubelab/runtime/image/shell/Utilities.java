package io.kubelab.runtime.image.shell;

import io.kubelab.runtime.image.container.ContainerFs;
import io.kubelab.runtime.image.container.Flavour;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The userland every image with a shell has (busybox applets or coreutils), plus the tools only some images
 * ship ({@code wget}, {@code curl}, {@code nslookup}, {@code perl}, {@code python}), which are looked up in the
 * container's tool list.
 */
final class Utilities {

    static final Set<String> CORE = Set.of("cat", "ls", "touch", "rm", "mkdir", "date", "env", "printenv", "hostname",
            "id", "whoami", "uname", "seq", "wc", "head", "tail", "grep", "sort", "uniq", "tr", "cut", "basename",
            "dirname", "cp", "mv", "nproc", "kill", "ps", "rmdir", "tee", "yes", "expr");
    static final Set<String> OPTIONAL = Set.of("wget", "curl", "nslookup", "perl", "python", "python3", "node", "nc");

    private Utilities() {
    }

    static boolean exists(String name, ShellState st) {
        return Commands.SHELLS.contains(name) || (CORE.contains(name) && st.flavour().hasShell())
                || st.container().has(name) || Set.of("echo", "printf", "test", "[", "sleep", "true", "false").contains(name);
    }

    static Optional<Integer> run(String name, List<String> args, Io io, ShellState st, Interpreter in) {
        if (OPTIONAL.contains(name) || name.matches("perl[0-9.]+|python3\\.[0-9]+")) {
            if (!st.container().has(name)) {
                return Optional.empty();
            }
            return Optional.of(switch (name) {
                case "wget", "curl", "nc" -> NetTools.run(name, args, io, st);
                case "nslookup" -> NetTools.nslookup(args, io, st);
                default -> Scripting.run(name, args, io, st);
            });
        }
        if (!CORE.contains(name)) {
            return Optional.empty();
        }
        boolean gnu = st.flavour() != Flavour.BUSYBOX;
        ContainerFs fs = st.container().fs();
        List<String> ops = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        for (String a : args) {
            (a.startsWith("-") && a.length() > 1 && !a.matches("-\\d+") ? flags : ops).add(a);
        }
        String f = String.join("", flags).replace("-", "");
        return Optional.of(switch (name) {
            case "cat" -> {
                if (ops.isEmpty()) {
                    io.out().write(io.stdin());
                    yield 0;
                }
                int code = 0;
                for (String p : ops) {
                    Optional<String> c = fs.read(st.path(p), st.time());
                    if (c.isPresent()) {
                        io.out().write(c.get());
                    } else {
                        io.err().write("cat: " + p + ": " + (fs.isDirectory(st.path(p), st.time()) ? "Is a directory" : "No such file or directory") + "\n");
                        code = 1;
                    }
                }
                yield code;
            }
            case "ls" -> {
                int code = 0;
                List<String> targets = ops.isEmpty() ? List.of(".") : ops;
                for (String p : targets) {
                    String path = st.path(p);
                    if (fs.isDirectory(path, st.time())) {
                        if (targets.size() > 1) {
                            io.out().write(p + ":\n");
                        }
                        for (String entry : fs.list(path, st.time())) {
                            if (!entry.startsWith(".") || f.contains("a")) {
                                io.out().write(entry + "\n");
                            }
                        }
                    } else if (fs.read(path, st.time()).isPresent()) {
                        io.out().write(p + "\n");
                    } else {
                        io.err().write((gnu ? "ls: cannot access '" + p + "': " : "ls: " + p + ": ") + "No such file or directory\n");
                        code = gnu ? 2 : 1;
                    }
                }
                yield code;
            }
            case "touch" -> {
                int code = 0;
                for (String p : ops) {
                    String path = st.path(p);
                    if (!parentExists(path, st)) {
                        io.err().write((gnu ? "touch: cannot touch '" + p + "': " : "touch: " + p + ": ") + "No such file or directory\n");
                        code = 1;
                    } else if (fs.read(path, st.time()).isEmpty() && !fs.isDirectory(path, st.time())) {
                        fs.write(path, "", st.time());
                    }
                }
                yield code;
            }
            case "rm", "rmdir" -> {
                int code = 0;
                for (String p : ops) {
                    String path = st.path(p);
                    if (!fs.exists(path, st.time())) {
                        if (!f.contains("f")) {
                            io.err().write("rm: " + (gnu ? "cannot" : "can't") + " remove '" + p + "': No such file or directory\n");
                            code = 1;
                        }
                    } else if (fs.isDirectory(path, st.time()) && !f.contains("r") && !f.contains("R") && name.equals("rm")) {
                        io.err().write("rm: " + (gnu ? "cannot remove '" + p + "': Is a directory" : "'" + p + "' is a directory") + "\n");
                        code = 1;
                    } else {
                        removeTree(path, st);
                    }
                }
                yield code;
            }
            case "mkdir" -> {
                int code = 0;
                for (String p : ops) {
                    String path = st.path(p);
                    if (fs.exists(path, st.time())) {
                        if (!f.contains("p")) {
                            io.err().write("mkdir: " + (gnu ? "cannot" : "can't") + " create directory '" + p + "': File exists\n");
                            code = 1;
                        }
                    } else if (!parentExists(path, st) && !f.contains("p")) {
                        io.err().write("mkdir: " + (gnu ? "cannot" : "can't") + " create directory '" + p + "': No such file or directory\n");
                        code = 1;
                    } else {
                        String partial = "";
                        for (String part : path.substring(1).split("/")) {
                            partial += "/" + part;
                            if (!fs.isDirectory(partial, st.time())) {
                                fs.mkdir(partial, st.time());
                            }
                        }
                    }
                }
                yield code;
            }
            case "cp", "mv" -> {
                if (ops.size() != 2) {
                    io.err().write(name + ": missing file operand\n");
                    yield 1;
                }
                Optional<String> c = fs.read(st.path(ops.get(0)), st.time());
                if (c.isEmpty()) {
                    io.err().write(name + ": " + (gnu ? "cannot stat '" + ops.get(0) + "'" : "can't stat '" + ops.get(0) + "'") + ": No such file or directory\n");
                    yield 1;
                }
                String dest = st.path(ops.get(1));
                if (fs.isDirectory(dest, st.time())) {
                    dest = dest + "/" + ops.get(0).substring(ops.get(0).lastIndexOf('/') + 1);
                }
                fs.write(dest, c.get(), st.time());
                if (name.equals("mv")) {
                    fs.remove(st.path(ops.get(0)), st.time());
                }
                yield 0;
            }
            case "tee" -> {
                io.out().write(io.stdin());
                for (String p : ops) {
                    String prev = f.contains("a") ? fs.read(st.path(p), st.time()).orElse("") : "";
                    fs.write(st.path(p), prev + io.stdin(), st.time());
                }
                yield 0;
            }
            case "date" -> {
                String format = ops.stream().filter(o -> o.startsWith("+")).findFirst().map(o -> o.substring(1))
                        .orElse(f.contains("I") ? "%Y-%m-%dT%H:%M:%S+00:00" : f.contains("R") ? "%a, %d %b %Y %H:%M:%S +0000" : DateFormat.DEFAULT);
                io.out().write(DateFormat.format(st.now(), format) + "\n");
                yield 0;
            }
            case "env", "printenv" -> {
                if (!ops.isEmpty() && name.equals("printenv")) {
                    int code = 0;
                    for (String v : ops) {
                        if (st.vars().containsKey(v)) {
                            io.out().write(st.vars().get(v) + "\n");
                        } else {
                            code = 1;
                        }
                    }
                    yield code;
                }
                if (!ops.isEmpty()) {
                    List<String> cmd = ops.stream().filter(o -> !o.contains("=")).toList();
                    yield new Commands(in).dispatch(cmd, io);
                }
                st.vars().forEach((k, v) -> {
                    if (!k.startsWith("-")) {
                        io.out().write(k + "=" + v + "\n");
                    }
                });
                yield 0;
            }
            case "hostname" -> {
                io.out().write((f.contains("i") ? st.container().podIp() : st.container().hostname()) + "\n");
                yield 0;
            }
            case "id" -> {
                io.out().write((gnu ? "uid=0(root) gid=0(root) groups=0(root)" : "uid=0(root) gid=0(root) groups=0(root),10(wheel)") + "\n");
                yield 0;
            }
            case "whoami" -> {
                io.out().write("root\n");
                yield 0;
            }
            case "uname" -> {
                io.out().write((f.contains("a") ? "Linux " + st.container().hostname() + " 6.8.0-1021-gcp #23-Ubuntu SMP x86_64 GNU/Linux"
                        : f.contains("r") ? "6.8.0-1021-gcp" : f.contains("m") ? "x86_64" : "Linux") + "\n");
                yield 0;
            }
            case "nproc" -> {
                io.out().write("2\n");
                yield 0;
            }
            case "kill" -> 0;
            case "ps" -> {
                io.out().write("PID   USER     TIME  COMMAND\n    1 root      0:00 " + String.join(" ", st.arg0) + "\n");
                yield 0;
            }
            case "yes" -> {
                String y = ops.isEmpty() ? "y" : String.join(" ", ops);
                for (int i = 0; i < 1000; i++) {
                    io.out().write(y + "\n");
                }
                yield 0;
            }
            default -> TextTools.run(name, args, io, st);
        });
    }

    private static boolean parentExists(String path, ShellState st) {
        int slash = path.lastIndexOf('/');
        return st.container().fs().isDirectory(slash <= 0 ? "/" : path.substring(0, slash), st.time());
    }

    private static void removeTree(String path, ShellState st) {
        ContainerFs fs = st.container().fs();
        if (fs.isDirectory(path, st.time())) {
            for (String child : fs.list(path, st.time())) {
                removeTree(path + "/" + child, st);
            }
        }
        fs.remove(path, st.time());
    }
}
