package io.kubelab.runtime.image.shell;

import io.kubelab.runtime.image.container.Flavour;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The shell's own commands: the ones that change the shell (exit, cd, export...) plus echo, printf, test, sleep. */
final class Builtins {

    private Builtins() {
    }

    static Optional<Integer> run(String name, List<String> args, Io io, ShellState st, Interpreter in) {
        Integer status = switch (name) {
            case "echo" -> echo(args, io, st);
            case "printf" -> printf(args, io);
            case "true", ":" -> 0;
            case "false" -> 1;
            case "exit" -> throw new Signals.Exit(args.isEmpty() ? st.status : parseInt(args.get(0), 2) & 0xff);
            case "return" -> throw new Signals.Return(args.isEmpty() ? st.status : parseInt(args.get(0), 2) & 0xff);
            case "break", "continue" -> throw new Signals.Break(args.isEmpty() ? 1 : Math.max(1, parseInt(args.get(0), 1)),
                    name.equals("continue"));
            case "sleep" -> sleep(args, io, st);
            case "test" -> Test.run(args, io, st);
            case "[" -> {
                if (args.isEmpty() || !args.get(args.size() - 1).equals("]")) {
                    io.err().write((st.flavour() == Flavour.BUSYBOX ? "sh: [: missing ]" : "sh: 1: [: missing ]") + "\n");
                    yield 2;
                }
                yield Test.run(args.subList(0, args.size() - 1), io, st);
            }
            case "cd" -> {
                String dir = st.path(args.isEmpty() ? st.vars.getOrDefault("HOME", "/") : args.get(0));
                if (!st.container.fs().isDirectory(dir, st.time)) {
                    io.err().write(new Commands(in).prefix() + "cd: can't cd to " + (args.isEmpty() ? dir : args.get(0)) + "\n");
                    yield 2;
                }
                st.cwd = dir;
                st.vars.put("PWD", dir);
                yield 0;
            }
            case "pwd" -> {
                io.out().write(st.cwd + "\n");
                yield 0;
            }
            case "export", "readonly", "local" -> {
                for (String a : args) {
                    int eq = a.indexOf('=');
                    if (eq > 0) {
                        st.vars.put(a.substring(0, eq), a.substring(eq + 1));
                    } else if (!a.startsWith("-")) {
                        st.vars.putIfAbsent(a, "");
                    }
                }
                yield 0;
            }
            case "unset" -> {
                args.forEach(st.vars::remove);
                yield 0;
            }
            case "set" -> {
                List<String> rest = args;
                int dd = args.indexOf("--");
                if (dd >= 0) {
                    st.positional = new ArrayList<>(args.subList(dd + 1, args.size()));
                } else if (!rest.isEmpty() && !rest.get(0).startsWith("-") && !rest.get(0).startsWith("+")) {
                    st.positional = new ArrayList<>(rest);
                }
                yield 0;
            }
            case "shift" -> {
                int n = args.isEmpty() ? 1 : parseInt(args.get(0), 1);
                if (n > st.positional.size()) {
                    yield 1;
                }
                st.positional = new ArrayList<>(st.positional.subList(n, st.positional.size()));
                yield 0;
            }
            case "eval" -> {
                Node node = Parser.parse(String.join(" ", args));
                yield in.sync(node, io, false);
            }
            case "exec" -> {
                if (args.isEmpty()) {
                    yield 0;
                }
                int code = new Commands(in).dispatch(args, io);
                throw new Signals.Exit(code);
            }
            case "source", "." -> {
                if (args.isEmpty()) {
                    yield 2;
                }
                Optional<String> script = st.container.fs().read(st.path(args.get(0)), st.time);
                if (script.isEmpty()) {
                    io.err().write(new Commands(in).prefix() + args.get(0) + ": not found\n");
                    yield 2;
                }
                yield in.sync(Parser.parse(script.get()), io, false);
            }
            case "read" -> {
                String line = io.stdin().isEmpty() ? null : io.stdin().split("\n", 2)[0];
                List<String> names = args.stream().filter(a -> !a.startsWith("-")).toList();
                if (line == null) {
                    yield 1;
                }
                String[] parts = line.strip().split("\\s+", Math.max(1, names.size()));
                for (int i = 0; i < names.size(); i++) {
                    st.vars.put(names.get(i), i < parts.length ? parts[i] : "");
                }
                yield 0;
            }
            case "trap" -> {
                // only what PID 1 does with SIGTERM matters here: the kubelet asks the process how it reacts
                if (args.size() >= 2 && args.subList(1, args.size()).stream().anyMatch(a -> a.matches("(SIG)?TERM|15"))) {
                    st.vars.put(ShellState.TERM_TRAP, args.get(0));
                }
                yield 0;
            }
            case "wait", "umask", "ulimit", "set -e", "shopt", "hash" -> 0;
            case "type", "command" -> {
                List<String> names = args.stream().filter(a -> !a.startsWith("-")).toList();
                if (name.equals("command") && !args.contains("-v") && !args.contains("-V")) {
                    yield names.isEmpty() ? 0 : new Commands(in).dispatch(names, io);
                }
                int code = 0;
                for (String n : names) {
                    if (Utilities.exists(n, st) || st.functions.containsKey(n)) {
                        io.out().write((name.equals("type") ? n + " is /bin/" + n : "/bin/" + n) + "\n");
                    } else {
                        code = 1;
                    }
                }
                yield code;
            }
            default -> null;
        };
        return Optional.ofNullable(status);
    }

    static int parseInt(String s, int fallback) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int echo(List<String> args, Io io, ShellState st) {
        boolean newline = true;
        boolean escapes = st.flavour() == Flavour.DEBIAN && !st.shell.equals("bash");
        int i = 0;
        boolean dash = escapes;
        while (i < args.size() && args.get(i).matches("-[neE]+")) {
            String opt = args.get(i);
            if (dash && !opt.equals("-n")) {
                break;
            }
            for (char c : opt.substring(1).toCharArray()) {
                if (c == 'n') {
                    newline = false;
                } else if (c == 'e') {
                    escapes = true;
                } else {
                    escapes = false;
                }
            }
            i++;
        }
        String text = String.join(" ", args.subList(i, args.size()));
        if (escapes) {
            StringBuilder out = new StringBuilder();
            if (!Printf.escapes(text, out, true)) {
                io.out().write(out.toString());
                return 0;
            }
            text = out.toString();
        }
        io.out().write(newline ? text + "\n" : text);
        return 0;
    }

    private static int printf(List<String> args, Io io) {
        if (args.isEmpty()) {
            io.err().write("printf: usage: printf format [arguments]\n");
            return 2;
        }
        io.out().write(Printf.format(args.get(0), args.subList(1, args.size())));
        return 0;
    }

    private static int sleep(List<String> args, Io io, ShellState st) {
        if (args.isEmpty()) {
            io.err().write(st.flavour() == Flavour.BUSYBOX ? "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: sleep [N]...\n"
                    : "sleep: missing operand\nTry 'sleep --help' for more information.\n");
            return 1;
        }
        Duration total = Duration.ZERO;
        for (String a : args) {
            Optional<Duration> d = parseSleep(a);
            if (d.isEmpty()) {
                io.err().write((st.flavour() == Flavour.BUSYBOX ? "sleep: invalid number '" + a + "'"
                        : "sleep: invalid time interval '" + a + "'\nTry 'sleep --help' for more information.") + "\n");
                return 1;
            }
            if (d.get().equals(FOREVER)) {
                throw new Signals.Forever();
            }
            total = total.plus(d.get());
        }
        st.sleep(total);
        return 0;
    }

    static final Duration FOREVER = Duration.ofSeconds(Long.MAX_VALUE);

    /** {@code 5}, {@code 1.5}, {@code 30s}, {@code 2m}, {@code 1h}, {@code 1d}, {@code infinity}. */
    static Optional<Duration> parseSleep(String a) {
        if (a.equals("infinity") || a.equals("inf")) {
            return Optional.of(FOREVER);
        }
        var m = java.util.regex.Pattern.compile("(\\d*\\.?\\d+)([smhd]?)").matcher(a);
        if (!m.matches()) {
            return Optional.empty();
        }
        double n = Double.parseDouble(m.group(1));
        double seconds = switch (m.group(2)) {
            case "m" -> n * 60;
            case "h" -> n * 3600;
            case "d" -> n * 86400;
            default -> n;
        };
        if (seconds > 1e12) {
            return Optional.of(FOREVER);
        }
        return Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
    }
}
