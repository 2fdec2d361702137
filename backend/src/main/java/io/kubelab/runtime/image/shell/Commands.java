package io.kubelab.runtime.image.shell;

import io.kubelab.runtime.image.container.ContainerFs;
import io.kubelab.runtime.image.container.Flavour;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one simple command: expansion, assignments, redirections, then the function, builtin or utility it
 * names; unknown names get the shell's "not found" and status 127.
 */
final class Commands {

    static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash");

    private final Interpreter in;
    private final ShellState st;

    Commands(Interpreter in) {
        this.in = in;
        this.st = in.state();
    }

    void simple(Node.Simple node, Io io) {
        List<String> argv = new ArrayList<>();
        Map<String, String> assigned = new LinkedHashMap<>();
        try {
            for (String a : node.assignments()) {
                int eq = a.indexOf('=');
                assigned.put(a.substring(0, eq), Expander.single(a.substring(eq + 1), st, in::substitute));
            }
            for (String w : node.words()) {
                argv.addAll(Expander.fields(w, st, in::substitute));
            }
        } catch (ShellError e) {
            io.err().write(prefix() + e.getMessage() + "\n");
            throw new Signals.Exit(st.flavour() == Flavour.BUSYBOX ? 1 : 2);
        } catch (Arithmetic.ArithmeticError e) {
            io.err().write(prefix() + e.getMessage() + "\n");
            throw new Signals.Exit(2);
        }
        if (argv.isEmpty()) {
            st.vars.putAll(assigned);
            Io r = redirect(node.redirects(), io);
            if (r != null) {
                closeRedirects(r, io);
            }
            if (node.words().isEmpty()) {
                st.status = node.assignments().isEmpty() ? 0 : st.status;
            }
            return;
        }
        Io r = redirect(node.redirects(), io);
        if (r == null) {
            st.status = 1;
            return;
        }
        Map<String, String> saved = new LinkedHashMap<>();
        for (var e : assigned.entrySet()) {
            saved.put(e.getKey(), st.vars.get(e.getKey()));
            st.vars.put(e.getKey(), e.getValue());
        }
        try {
            st.status = dispatch(argv, r);
        } finally {
            saved.forEach((k, v) -> {
                if (v == null) {
                    st.vars.remove(k);
                } else {
                    st.vars.put(k, v);
                }
            });
            closeRedirects(r, io);
        }
    }

    int dispatch(List<String> argv, Io io) {
        String name = argv.get(0);
        List<String> args = argv.subList(1, argv.size());
        Node function = st.functions.get(name);
        if (function != null) {
            in.call(function, args);
            return 0;
        }
        Optional<Integer> builtin = Builtins.run(name, args, io, st, in);
        if (builtin.isPresent()) {
            return builtin.get();
        }
        String base = name.contains("/") ? name.substring(name.lastIndexOf('/') + 1) : name;
        if (st.container.binaries().contains(base) && (!name.contains("/") || isBinPath(name) || name.equals("/" + base))) {
            // a server in the foreground never returns: in the container's main shell it takes the container over;
            // anywhere else (a pipeline, an exec) it just blocks
            if (in.streaming()) {
                throw new Signals.Handover(argv);
            }
            throw new Signals.Forever();
        }
        if (!name.contains("/") || isBinPath(name)) {
            if (SHELLS.contains(base) && available(base)) {
                return Shells.nested(base, args, io, st);
            }
            Optional<Integer> utility = Utilities.run(base, args, io, st, in);
            if (utility.isPresent()) {
                return utility.get();
            }
        }
        if (name.contains("/")) {
            String path = st.path(name);
            Optional<String> script = st.container.fs().read(path, st.time);
            if (script.isPresent()) {
                return Shells.script(script.get(), name, args, io, st);
            }
            io.err().write(notFoundAsPath(name) + "\n");
            return 127;
        }
        io.err().write(notFound(name) + "\n");
        return 127;
    }

    private boolean available(String shell) {
        return !shell.equals("bash") || st.flavour().hasBash();
    }

    static boolean isBinPath(String name) {
        return name.matches("/(usr/)?(local/)?s?bin/[^/]+");
    }

    String prefix() {
        return switch (st.flavour()) {
            case DEBIAN -> st.shell.equals("bash") ? "bash: line 1: " : "sh: 1: ";
            case REDHAT -> st.shell + ": line 1: ";
            default -> "sh: ";
        };
    }

    String notFound(String name) {
        return switch (st.flavour()) {
            case DEBIAN -> st.shell.equals("bash") ? "bash: line 1: " + name + ": command not found"
                    : "sh: 1: " + name + ": not found";
            case REDHAT -> st.shell + ": line 1: " + name + ": command not found";
            default -> "sh: " + name + ": not found";
        };
    }

    private String notFoundAsPath(String name) {
        return switch (st.flavour()) {
            case DEBIAN -> st.shell.equals("bash") ? "bash: line 1: " + name + ": No such file or directory"
                    : "sh: 1: " + name + ": not found";
            case REDHAT -> st.shell + ": line 1: " + name + ": No such file or directory";
            default -> "sh: " + name + ": not found";
        };
    }

    /** Applies redirections; null (after an error message) when a target cannot be opened. */
    Io redirect(List<Node.Redirect> redirects, Io io) {
        Io r = io;
        for (Node.Redirect red : redirects) {
            switch (red.op()) {
                case "2>&1" -> r = r.withErr(r.out());
                case ">&2", "1>&2" -> r = r.withOut(r.err());
                case "<" -> {
                    String path = st.path(target(red));
                    Optional<String> content = st.container.fs().read(path, st.time);
                    if (content.isEmpty()) {
                        io.err().write(prefix() + "can't open " + target(red) + ": no such file\n");
                        return null;
                    }
                    r = r.withStdin(content.get());
                }
                default -> {
                    String t = target(red);
                    boolean append = red.op().endsWith(">>");
                    boolean err = red.op().startsWith("2");
                    Sink sink;
                    if (t.equals("/dev/null")) {
                        sink = Sink.NULL;
                    } else if (t.equals("/dev/stdout") || t.equals("/proc/1/fd/1")) {
                        sink = io.out();
                    } else if (t.equals("/dev/stderr") || t.equals("/proc/1/fd/2")) {
                        sink = io.err();
                    } else {
                        String path = st.path(t);
                        String parent = path.substring(0, Math.max(1, path.lastIndexOf('/')));
                        if (!st.container.fs().isDirectory(parent, st.time)) {
                            io.err().write(cannotCreate(t) + "\n");
                            return null;
                        }
                        sink = new FileSink(path, append);
                    }
                    if (red.op().equals("&>")) {
                        r = r.withOut(sink).withErr(sink);
                    } else {
                        r = err ? r.withErr(sink) : r.withOut(sink);
                    }
                }
            }
        }
        return r;
    }

    private String cannotCreate(String t) {
        return switch (st.flavour()) {
            case DEBIAN -> st.shell.equals("bash") ? "bash: line 1: " + t + ": No such file or directory"
                    : "sh: 1: cannot create " + t + ": Directory nonexistent";
            case REDHAT -> st.shell + ": line 1: " + t + ": No such file or directory";
            default -> "sh: can't create " + t + ": nonexistent directory";
        };
    }

    private String target(Node.Redirect red) {
        return Expander.single(red.target(), st, in::substitute);
    }

    void closeRedirects(Io redirected, Io original) {
        for (Sink s : new Sink[] {redirected.out(), redirected.err()}) {
            if (s instanceof FileSink f) {
                f.close();
            }
        }
    }

    /** Output into a file of the container: written when the redirection closes, at the shell's time. */
    final class FileSink implements Sink {
        private final String path;
        private final StringBuilder text = new StringBuilder();
        private boolean closed;

        FileSink(String path, boolean append) {
            this.path = path;
            if (append) {
                st.container.fs().read(path, st.time).ifPresent(text::append);
            } else {
                st.container.fs().write(path, "", st.time);
            }
        }

        @Override
        public void write(String s) {
            if (text.length() + s.length() <= ContainerFs.MAX_FILE_BYTES) {
                text.append(s);
            }
        }

        void close() {
            if (!closed) {
                closed = true;
                st.container.fs().write(path, text.toString(), st.time);
            }
        }
    }
}
