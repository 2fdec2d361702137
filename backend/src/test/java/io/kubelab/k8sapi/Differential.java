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
    private final RealKubectl kubectl;
    private final List<String> differences = new ArrayList<>();

    public Differential(KubeApiHarness harness, RealKubectl kubectl) {
        this.harness = harness;
        this.kubectl = kubectl;
    }

    /** Compares one line; the real kubectl runs first (our terminal's run could change the cluster). */
    public Differential same(String line) {
        return same(line, "");
    }

    public Differential same(String line, String stdin) {
        RealKubectl.Result real = harness.kubectl(kubectl, Words.split(line), stdin, Map.of(), Duration.ZERO);
        return compare(line, stdin, real);
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
                compare(lines.get(i), "", runs.get(i).get());
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

    private Differential compare(String line, String stdin, RealKubectl.Result real) {
        CommandResult ours = harness.terminal(stdin.isEmpty() ? "kubectl " + line
                : "kubectl " + line + " <<'EOF'\n" + stdin + (stdin.endsWith("\n") ? "" : "\n") + "EOF");
        compare(line, "stdout", mask(line, real.stdout()), mask(line, ours.stdout()));
        compare(line, "stderr", real.stderr(), ours.stderr());
        if (real.exitCode() != ours.exitCode()) {
            differences.add("kubectl " + line + ": exit code " + real.exitCode() + " (real) vs " + ours.exitCode() + " (ours)");
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
