package io.kubelab.k8sapi;

import io.kubelab.shell.CommandResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs the same kubectl line through the real kubectl (over the harness's HTTP API) and through our terminal,
 * on the same cluster, and lists every difference. Ages kubectl computes on the client from its own wall clock
 * (the events of {@code describe}, {@code kubectl events}) cannot match a simulated clock and are masked;
 * every other byte must match.
 */
public final class Differential {

    /** A pod row of a node's "Non-terminated Pods": its last column is an age kubectl computes. */
    private static final Pattern NODE_POD_ROW = Pattern.compile("(?m)^(  \\S+ +\\S+ +.*\\(\\d+%\\) +)(\\S+)$");
    /** An event's age as kubectl prints it: {@code 3m}, {@code 2m59s}, {@code 9h (x5 over 10h)}, {@code <unknown>}. */
    private static final Pattern AGE = Pattern.compile(
            "(?m)(^| )(\\d+[smhdy](\\d+[smh])?( \\(x\\d+ over \\d+[smhdy](\\d+[smh])?\\))?)(?= )");
    private static final Pattern SPACES = Pattern.compile(" {2,}");

    /** How many real kubectl processes {@link #sameReads} runs at once. */
    private static final int PARALLEL = 4;

    private final KubeApiHarness harness;
    private final KubeApiHarness oursHarness;
    private final RealKubectl kubectl;
    private final List<String> differences = new ArrayList<>();

    /** Both clients on one cluster: for reads. */
    public Differential(KubeApiHarness harness, RealKubectl kubectl) {
        this(harness, harness, kubectl);
    }

    /**
     * Twin clusters for writes: the real kubectl writes to {@code real}'s cluster, our terminal to
     * {@code ours}'s; built alike (same spec, seed and lines), they stay alike as long as both clients send
     * the same writes, and {@link #sameObjects} compares what the writes left.
     */
    public Differential(KubeApiHarness real, KubeApiHarness ours, RealKubectl kubectl) {
        this.harness = real;
        this.oursHarness = ours;
        this.kubectl = kubectl;
    }

    /** Compares one line; the real kubectl runs first (our terminal's run could change the cluster). */
    public Differential same(String line) {
        return same(line, "");
    }

    public Differential same(String line, String stdin) {
        return same(line, stdin, Duration.ZERO);
    }

    /**
     * Compares a line that waits on the cluster ({@code rollout status}, {@code delete --wait}): the real kubectl
     * runs while simulated time moves on by {@code tick} every 20 ms; our terminal's kubectl moves its own clock.
     */
    public Differential same(String line, String stdin, Duration tick) {
        RealKubectl.Result real = harness.kubectl(kubectl, Words.split(line), stdin, Map.of(), tick);
        CommandResult ours = oursHarness.terminal(stdin.isEmpty() ? "kubectl " + line
                : "kubectl " + line + " <<'EOF'\n" + stdin + (stdin.endsWith("\n") ? "" : "\n") + "EOF");
        if (harness != oursHarness) {
            alignClocks();
        }
        return compare(line, real, ours);
    }

    /**
     * Compares lines that only read: the real kubectl runs them all at once (a few processes at a time, the
     * cluster standing still meanwhile), then our terminal runs them one by one. Much faster than {@link #same}
     * for long lists; never for lines that change the cluster.
     */
    public Differential sameReads(List<String> lines) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(PARALLEL);
        try {
            List<java.util.concurrent.Future<RealKubectl.Result>> runs = new ArrayList<>();
            for (String line : lines) {
                runs.add(pool.submit(() -> harness.kubectl(kubectl, Words.split(line), "", Map.of(), Duration.ZERO)));
            }
            for (int i = 0; i < lines.size(); i++) {
                compare(lines.get(i), runs.get(i).get(), oursHarness.terminal("kubectl " + lines.get(i)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return this;
    }

    /**
     * Brings the twin cluster that is behind in simulated time up to the other (a waiting line moves each
     * clock its own way), so that ages and schedules stay alike for the lines after it.
     */
    public Differential alignClocks() {
        java.time.Instant real = harness.cluster().clock().now();
        java.time.Instant ours = oursHarness.cluster().clock().now();
        if (real.isBefore(ours)) {
            harness.advance(Duration.between(real, ours));
        } else if (ours.isBefore(real)) {
            oursHarness.advance(Duration.between(ours, real));
        }
        return this;
    }

    /** Compares what the real kubectl answered (run by the caller, e.g. with an editor) with our terminal's. */
    public Differential compare(String line, RealKubectl.Result real, CommandResult ours) {
        if (harness != oursHarness) {
            // Twin clusters: the objects a write prints carry each cluster's own uids and resourceVersions.
            compare(line, "stdout", MaskedObjects.mask(real.stdout()), MaskedObjects.mask(ours.stdout()));
        } else {
            compare(line, "stdout", mask(line, real.stdout()), mask(line, ours.stdout()));
        }
        compare(line, "stderr", real.stderr(), ours.stderr());
        if (real.exitCode() != ours.exitCode()) {
            differences.add("kubectl " + line + ": exit code " + real.exitCode() + " (real) vs " + ours.exitCode() + " (ours)");
        }
        return this;
    }

    /**
     * Compares what the writes left: our terminal reads {@code line} (e.g. {@code get deploy web -o yaml}) on
     * both clusters, with what differs between any two clusters masked (uids, resourceVersions, times).
     */
    public Differential sameObjects(String line) {
        CommandResult real = harness.terminal("kubectl " + line);
        CommandResult ours = oursHarness.terminal("kubectl " + line);
        compare(line + " (objects)", "stdout", MaskedObjects.mask(real.stdout()), MaskedObjects.mask(ours.stdout()));
        compare(line + " (objects)", "stderr", real.stderr(), ours.stderr());
        return this;
    }

    /** Writes the same file on this machine (for the real kubectl) and in both terminals' machines. */
    public Differential file(String path, String content) {
        try {
            java.nio.file.Path file = java.nio.file.Path.of(path);
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String write = "mkdir -p " + path.substring(0, path.lastIndexOf('/')) + " && cat > " + path + " <<'EOF'\n"
                + content + (content.endsWith("\n") ? "" : "\n") + "EOF";
        for (KubeApiHarness h : harness == oursHarness ? List.of(harness) : List.of(harness, oursHarness)) {
            CommandResult written = h.terminal(write);
            if (written.exitCode() != 0) {
                throw new IllegalStateException("could not write " + path + ": " + written.stderr());
            }
        }
        return this;
    }

    private void compare(String line, String stream, String real, String ours) {
        if (!real.equals(ours)) {
            differences.add("kubectl " + line + ": " + stream + " differs\n--- real\n" + real + "--- ours\n" + ours + "---");
        }
    }

    static String mask(String line, String text) {
        if (!line.startsWith("describe") && !(line.startsWith("events") && !line.contains(" -o"))) {
            return text;
        }
        text = NODE_POD_ROW.matcher(text).replaceAll("$1<age>");
        int events = line.startsWith("events") ? 0 : text.indexOf("\nEvents:\n");
        if (events < 0) {
            return text;
        }
        // An age's width sets the column's: past the ages, runs of spaces are one space on both sides.
        String masked = AGE.matcher(text.substring(events)).replaceAll("$1<age>");
        return text.substring(0, events) + SPACES.matcher(masked).replaceAll(" ");
    }

    /** Records a difference found by the caller's own comparison. */
    public Differential difference(String description) {
        differences.add(description);
        return this;
    }

    public List<String> differences() {
        return differences;
    }

    /** Fails with every difference found, not only the first. */
    public void assertNone() {
        String dump = System.getenv("KUBELAB_DIFFERENCES");
        if (dump != null) {
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(dump), String.join("\n", differences) + "\n",
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (!differences.isEmpty()) {
            throw new AssertionError(differences.size() + " difference(s):\n" + String.join("\n", differences));
        }
    }
}
