package io.kubelab.k8sapi;

import io.kubelab.shell.CommandResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
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
    private static final Pattern EVENT_ROW = Pattern.compile("(?m)^(  \\S+ +\\S+ +)(\\S+)( +)");

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
        if (!line.startsWith("describe") && !line.startsWith("events")) {
            return text;
        }
        text = NODE_POD_ROW.matcher(text).replaceAll("$1<age>");
        int events = line.startsWith("events") ? 0 : text.indexOf("\nEvents:\n");
        if (events < 0) {
            return text;
        }
        Matcher m = EVENT_ROW.matcher(text.substring(events));
        StringBuilder out = new StringBuilder(text.substring(0, events));
        while (m.find()) {
            // The column's width follows the ages too: its padding is masked with it.
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "<age> "));
        }
        m.appendTail(out);
        return out.toString();
    }

    public List<String> differences() {
        return differences;
    }

    /** Fails with every difference found, not only the first. */
    public void assertNone() {
        if (!differences.isEmpty()) {
            throw new AssertionError(differences.size() + " difference(s):\n" + String.join("\n", differences));
        }
    }
}
