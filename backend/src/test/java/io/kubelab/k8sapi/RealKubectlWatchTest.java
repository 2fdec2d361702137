package io.kubelab.k8sapi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kubectl get -w} with the real kubectl while the cluster changes under it (simulated time runs while
 * it watches), bounded by {@code --request-timeout} or by the server's {@code timeoutSeconds}; the new pod's
 * rows go through the states our terminal's watch prints for the same change.
 */
class RealKubectlWatchTest {

    private static final Duration TICK = Duration.ofMillis(500);
    private static KubeApiHarness harness;
    private static RealKubectl kubectl;

    @BeforeAll
    static void start() {
        kubectl = RealKubectl.version(32);
        harness = new KubeApiHarness();
        harness.terminal("kubectl create deployment web --image=nginx --replicas=1");
        harness.settle();
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    /** The real kubectl while simulated time runs; {@code during} happens once it watches. */
    private static RealKubectl.Result watchWhile(String during, String... args) {
        return harness.kubectlWhile(kubectl, List.of(args), TICK, Duration.ofSeconds(1), during);
    }

    /** The READY, STATUS and RESTARTS of each row for pods other than those listed first, in order. */
    private static List<String> transitions(String table, int skip) {
        List<String> rows = new ArrayList<>();
        String[] lines = table.split("\n");
        for (int i = 1 + skip; i < lines.length; i++) {
            String[] cells = lines[i].trim().split(" +");
            rows.add(cells[1] + " " + cells[2] + " " + cells[3]);
        }
        return rows;
    }

    @Test
    void aScaleUpShowsTheNewPodsStatesAsOurTerminalDoes() {
        RealKubectl.Result real = watchWhile("kubectl scale deploy web --replicas=2", "get", "pods", "-l", "app=web",
                "-w", "--request-timeout=4s");
        assertEquals("", real.stderr());
        assertEquals(0, real.exitCode());
        assertTrue(real.stdout().startsWith("NAME                   READY   STATUS    RESTARTS   AGE\n"), real.stdout());
        harness.settle();
        harness.terminal("kubectl scale deploy web --replicas=3");
        String ours = harness.terminal("kubectl get pods -l app=web -w").stdout();
        // Both lists start with the pods that were Running; the rest is the new pod going through its states.
        assertEquals(transitions(ours, 2), transitions(real.stdout(), 1));
        assertEquals("1/1 Running 0", transitions(real.stdout(), 1).get(transitions(real.stdout(), 1).size() - 1));
    }

    @Test
    void watchEventsAndWatchOnlyPrintOnlyTheChanges() {
        harness.settle();
        // A collection: a watch of one named object starts with a synthetic ADDED that kubectl swallows, and
        // with it the only Table of the watch that has column definitions (kubectl then prints "EVENT" alone).
        RealKubectl.Result real = watchWhile("kubectl scale deploy web --replicas=1", "get", "deploy",
                "--watch-only", "--output-watch-events", "--request-timeout=3s");
        assertEquals(0, real.exitCode());
        String[] lines = real.stdout().split("\n");
        assertEquals("EVENT      NAME   READY   UP-TO-DATE   AVAILABLE   AGE", lines[0]);
        for (int i = 1; i < lines.length; i++) {
            assertTrue(lines[i].startsWith("MODIFIED   web    "), real.stdout());
        }
        assertTrue(lines[lines.length - 1].matches("MODIFIED   web    1/1 +1 +1 +\\S+"), real.stdout());
    }

    @Test
    void theServerEndsAWatchAtItsTimeoutSeconds() {
        long started = System.nanoTime();
        RealKubectl.Result raw = harness.kubectl(kubectl, "get", "--raw",
                "/api/v1/namespaces/kube-system/pods?watch=true&timeoutSeconds=1&labelSelector=component%3Detcd");
        assertTrue(System.nanoTime() - started < 10_000_000_000L, "the server ended the watch");
        assertEquals(0, raw.exitCode(), raw.stderr());
        assertTrue(raw.stdout().startsWith("{\"type\":\"ADDED\",\"object\":{"), raw.stdout());
        assertEquals(1, raw.stdout().split("\n").length, raw.stdout());
        RealKubectl.Result names = harness.kubectl(kubectl, List.of("get", "pods", "-n", "kube-system", "-l",
                "component=etcd", "-w", "-o", "name", "--request-timeout=1s"), "", Map.of(), TICK);
        assertEquals(new RealKubectl.Result("pod/etcd-controlplane\n", "", 0), names);
    }
}
