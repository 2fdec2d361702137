package io.kubelab.runtime.image.programs;

import io.kubelab.runtime.image.container.Container;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * stress(1) as polinux/stress ships it: {@code --vm N --vm-bytes B} workers hold memory (OOM-killed when
 * that passes the container's limit, the Kubernetes memory docs' example), {@code --cpu N} spins.
 */
final class Stress extends TimedProcess {

    static final long BASE = 1_000_000;
    private long memory = BASE;
    private int cpu;
    private int vm;
    private boolean hang;

    Stress(Container c, ImageConfig image, List<String> args) {
        super(c, image);
        long vmBytes = 256L << 20;
        Duration timeout = null;
        int io = 0;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String v = i + 1 < args.size() ? args.get(i + 1) : "";
            switch (a) {
                case "--vm", "-m" -> vm = parseCount(v);
                case "--vm-bytes" -> vmBytes = bytes(v);
                case "--cpu", "-c" -> cpu = parseCount(v);
                case "--io", "-i" -> io = parseCount(v);
                case "--timeout", "-t" -> timeout = Duration.ofSeconds(seconds(v));
                case "--vm-hang" -> hang = true;
                default -> {
                    continue;
                }
            }
            if (!a.equals("--vm-hang")) {
                i++;
            } else if (v.matches("\\d+")) {
                i++;
            }
        }
        if (vm + cpu + io == 0) {
            out(Duration.ZERO, "`stress' imposes certain types of compute stress on your system");
            out(Duration.ZERO, "");
            out(Duration.ZERO, "Usage: stress [OPTION [ARG]] ...");
            exit(Duration.ZERO, 1);
            return;
        }
        out(Duration.ZERO, "stress: info: [1] dispatching hogs: " + cpu + " cpu, " + io + " io, " + vm + " vm, 0 hdd");
        memory = BASE + vm * vmBytes;
        if (c.memoryLimitBytes() > 0 && memory > c.memoryLimitBytes()) {
            // the workers allocate in a fraction of a second; the cgroup's OOM killer takes the container
            oom(Duration.ofMillis(600));
            return;
        }
        if (timeout != null) {
            out(timeout, "stress: info: [1] successful run completed in " + timeout.toSeconds() + "s");
            exit(timeout, 0);
        }
    }

    private static int parseCount(String s) {
        return s.matches("\\d+") ? Integer.parseInt(s) : 0;
    }

    /** stress's size suffixes: B, K, M, G (powers of 1024). */
    static long bytes(String s) {
        var m = java.util.regex.Pattern.compile("(\\d+)([bBkKmMgG]?)").matcher(s);
        if (!m.matches()) {
            return 0;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase()) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            default -> n;
        };
    }

    private static long seconds(String s) {
        var m = java.util.regex.Pattern.compile("(\\d+)([smhd]?)").matcher(s);
        if (!m.matches()) {
            return 0;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> n * 60;
            case "h" -> n * 3600;
            case "d" -> n * 86400;
            default -> n;
        };
    }

    @Override
    public Usage usage() {
        return new Usage(cpu * 1000L + (hang ? 10L * vm : 1000L * vm), memory);
    }

    /** stress forwards SIGTERM to its workers, which die of it. */
    @Override
    public Optional<Duration> onTerminate() {
        return shutdown(List.of(), List.of(), Duration.ZERO, 143);
    }
}
