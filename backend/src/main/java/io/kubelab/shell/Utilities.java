package io.kubelab.shell;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Small GNU tools: {@code tee basename dirname realpath seq sleep date watch}. {@code sleep}
 * and {@code watch} move the sandbox's simulated clock, never a real one.
 */
final class Utilities {

    /** The longest simulated {@code sleep}: a cluster advanced by days in one line would hold a worker. */
    static final Duration MAX_SLEEP = Duration.ofHours(1);
    /** The width {@code watch} lays its header out in, a terminal's default. */
    static final int WATCH_COLUMNS = 80;

    private Utilities() {
    }

    static void register(Builtins builtins) {
        builtins.add("basename", "strip the directory (and a suffix) from a path", Utilities::basename);
        builtins.add("dirname", "strip the last component from a path", Utilities::dirname);
        builtins.add("realpath", "print the absolute path", (shell, args) -> {
            StringBuilder out = new StringBuilder();
            for (String a : args.isEmpty() ? List.of(".") : args) {
                out.append(Paths.resolve(shell.sessions().current(), a)).append('\n');
            }
            return CommandResult.ok(out.toString());
        });
        builtins.add("seq", "print a sequence of numbers: seq [FIRST [STEP]] LAST", Utilities::seq);
        builtins.add("sleep", "wait N seconds of simulated time (the cluster moves on)", Utilities::sleep);
        builtins.add("date", "print the simulated date (+FORMAT, -u)", (shell, args) -> DateCommand.run(shell, args));
        builtins.add("watch", "run a command every N seconds (-n N) of simulated time", Utilities::watch);
    }

    static CommandResult tee(Shell shell, List<String> args, String stdin) {
        Options o = Options.parse("tee", args, "", false);
        String text = stdin == null ? "" : stdin;
        Sessions.Session session = shell.sessions().current();
        StringBuilder err = new StringBuilder();
        for (String file : o.operands) {
            String path = Paths.resolve(session, file);
            if (path.equals(Interpreter.DEV_NULL)) {
                continue;
            }
            if (session.files.isDirectory(path)) {
                err.append("tee: ").append(file).append(": Is a directory\n");
            } else if (!session.files.isDirectory(io.kubelab.cluster.NodeFiles.parent(path))) {
                err.append("tee: ").append(file).append(": No such file or directory\n");
            } else {
                try {
                    session.files.write(path, o.has('a') ? session.files.read(path).orElse("") + text : text);
                } catch (IllegalArgumentException e) {
                    err.append("tee: ").append(file).append(": ").append(e.getMessage()).append('\n');
                }
            }
        }
        return new CommandResult(text, err.toString(), err.length() == 0 ? 0 : 1);
    }

    private static CommandResult basename(Shell shell, List<String> args) {
        if (args.isEmpty()) {
            return CommandResult.failure("basename: missing operand\nTry 'basename --help' for more information.\n", 1);
        }
        String p = args.get(0);
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        String base = p.equals("/") ? "/" : p.substring(p.lastIndexOf('/') + 1);
        if (args.size() > 1 && base.endsWith(args.get(1)) && !base.equals(args.get(1))) {
            base = base.substring(0, base.length() - args.get(1).length());
        }
        return CommandResult.ok(base + "\n");
    }

    private static CommandResult dirname(Shell shell, List<String> args) {
        if (args.isEmpty()) {
            return CommandResult.failure("dirname: missing operand\nTry 'dirname --help' for more information.\n", 1);
        }
        StringBuilder out = new StringBuilder();
        for (String a : args) {
            String p = a;
            while (p.length() > 1 && p.endsWith("/")) {
                p = p.substring(0, p.length() - 1);
            }
            int slash = p.lastIndexOf('/');
            out.append(slash < 0 ? "." : slash == 0 ? "/" : stripSlashes(p.substring(0, slash))).append('\n');
        }
        return CommandResult.ok(out.toString());
    }

    private static String stripSlashes(String p) {
        int end = p.length();
        while (end > 1 && p.charAt(end - 1) == '/') {
            end--;
        }
        return p.substring(0, end);
    }

    private static CommandResult seq(Shell shell, List<String> args) {
        boolean equalWidth = !args.isEmpty() && args.get(0).equals("-w");
        List<String> nums = equalWidth ? args.subList(1, args.size()) : args;
        if (nums.isEmpty() || nums.size() > 3) {
            return CommandResult.failure(nums.isEmpty() ? "seq: missing operand\nTry 'seq --help' for more information.\n"
                    : "seq: extra operand \u2018" + nums.get(3) + "\u2019\nTry 'seq --help' for more information.\n", 1);
        }
        double[] v = new double[nums.size()];
        int decimals = 0;
        for (int i = 0; i < nums.size(); i++) {
            try {
                v[i] = Double.parseDouble(nums.get(i));
            } catch (NumberFormatException e) {
                return CommandResult.failure("seq: invalid floating point argument: \u2018" + nums.get(i) + "\u2019\n"
                        + "Try 'seq --help' for more information.\n", 1);
            }
            int dot = nums.get(i).indexOf('.');
            if (dot >= 0 && i < 2) {
                decimals = Math.max(decimals, nums.get(i).length() - dot - 1);
            }
        }
        double first = nums.size() > 1 ? v[0] : 1;
        double step = nums.size() == 3 ? v[1] : 1;
        double last = v[v.length - 1];
        if (step == 0) {
            return CommandResult.failure("seq: invalid Zero increment value: \u2018" + nums.get(1) + "\u2019\n"
                    + "Try 'seq --help' for more information.\n", 1);
        }
        int width = equalWidth ? Math.max(format(first, decimals).length(), format(last, decimals).length()) : 0;
        StringBuilder out = new StringBuilder();
        for (long k = 0; ; k++) {
            double x = first + k * step;
            if (step > 0 ? x > last + 1e-9 : x < last - 1e-9) {
                break;
            }
            String s = format(x, decimals);
            if (s.length() < width) {
                s = (x < 0 ? "-" : "") + "0".repeat(width - s.length()) + (x < 0 ? s.substring(1) : s);
            }
            out.append(s).append('\n');
            if (out.length() > Limits.MAX_OUTPUT_CHARS) {
                return Limits.capped(CommandResult.ok(out.toString()));
            }
        }
        return CommandResult.ok(out.toString());
    }

    private static String format(double x, int decimals) {
        return decimals == 0 ? Long.toString(Math.round(x)) : String.format(java.util.Locale.ROOT, "%." + decimals + "f", x);
    }

    private static CommandResult sleep(Shell shell, List<String> args) {
        if (args.isEmpty()) {
            return CommandResult.failure("sleep: missing operand\nTry 'sleep --help' for more information.\n", 1);
        }
        Duration total = Duration.ZERO;
        for (String a : args) {
            Optional<Duration> d = duration(a);
            if (d.isEmpty()) {
                return CommandResult.failure("sleep: invalid time interval \u2018" + a + "\u2019\n"
                        + "Try 'sleep --help' for more information.\n", 1);
            }
            total = total.plus(d.get());
        }
        if (total.compareTo(MAX_SLEEP) > 0) {
            return CommandResult.failure("sleep: simulated sleeps are limited to " + MAX_SLEEP.toSeconds()
                    + " seconds\n", 1);
        }
        shell.advance(total);
        return CommandResult.empty();
    }

    /** {@code 5}, {@code 1.5}, {@code 2m}, {@code 1h}, {@code 1d}. */
    static Optional<Duration> duration(String s) {
        if (s.isEmpty()) {
            return Optional.empty();
        }
        char unit = s.charAt(s.length() - 1);
        long scale = switch (unit) {
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86400;
            default -> 1;
        };
        String number = Character.isLetter(unit) ? s.substring(0, s.length() - 1) : s;
        if (Character.isLetter(unit) && "smhd".indexOf(unit) < 0) {
            return Optional.empty();
        }
        try {
            double seconds = Double.parseDouble(number) * scale;
            if (seconds < 0 || Double.isNaN(seconds) || seconds > 1e9) {
                return seconds > 1e9 ? Optional.of(Duration.ofSeconds(1_000_000_000L)) : Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) (seconds * 1e9)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code watch}: the terminal streams a frame every interval of simulated time. Through {@code execute}
     * (the automation API, and each terminal frame) it shows one frame: procps' header, a blank line, and the
     * command's output, as the first screen of a real watch looks.
     */
    private static CommandResult watch(Shell shell, List<String> args) {
        double interval = 2;
        int at = 0;
        while (at < args.size() && args.get(at).startsWith("-")) {
            String a = args.get(at++);
            if ((a.equals("-n") || a.equals("--interval")) && at < args.size()) {
                try {
                    interval = Math.max(0.1, Double.parseDouble(args.get(at++)));
                } catch (NumberFormatException e) {
                    return CommandResult.failure("watch: failed to parse argument: '" + args.get(at - 1) + "'\n", 1);
                }
            } else if (a.startsWith("-n")) {
                try {
                    interval = Math.max(0.1, Double.parseDouble(a.substring(2)));
                } catch (NumberFormatException e) {
                    return CommandResult.failure("watch: failed to parse argument: '" + a.substring(2) + "'\n", 1);
                }
            }
        }
        if (at >= args.size()) {
            return CommandResult.failure("\nUsage:\n watch [options] command\n", 1);
        }
        String command = String.join(" ", args.subList(at, args.size()));
        String left = String.format(java.util.Locale.ROOT, "Every %.1fs: %s", interval, command);
        String right = shell.sessions().hostname() + ": " + DateCommand.format(shell.now(), "%a %b %e %H:%M:%S %Y");
        int gap = WATCH_COLUMNS - left.length() - right.length();
        String header = gap >= 1 ? left + " ".repeat(gap) + right : left + " " + right;
        CommandResult frame = shell.nested(command);
        return new CommandResult(header + "\n\n" + frame.stdout() + frame.stderr(), "", 0);
    }
}
