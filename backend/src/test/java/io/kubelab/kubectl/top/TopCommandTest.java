package io.kubelab.kubectl.top;

import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.shell.CommandResult;
import io.kubelab.shell.Shell;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kubectl top against metrics-server's API. */
class TopCommandTest {

    @Test
    void withoutMetricsServerTheApiIsNotAvailable() {
        Shell shell = new Shell(SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.EPOCH), 1));
        CommandResult r = shell.execute("kubectl top node");
        assertEquals("error: Metrics API not available\n", r.stderr());
        assertEquals(1, r.exitCode());
    }

    @Test
    void nodesAndPodsWithMetricsServer() {
        SimCluster cluster = SimCluster.create(ClusterSpec.standard().withMetricsServer(true),
                SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 1);
        cluster.clock().settle(cluster::stable, Duration.ofMinutes(5));
        cluster.clock().advance(Duration.ofMinutes(1));
        Shell shell = new Shell(cluster);
        String nodes = shell.execute("kubectl top node").stdout();
        assertTrue(nodes.startsWith("NAME           CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   \ncontrolplane   "), nodes);
        assertEquals(4, nodes.split("\n").length, nodes);
        String pods = shell.execute("kubectl top pod -n kube-system --sort-by=memory").stdout();
        assertTrue(pods.startsWith("NAME "), pods);
        assertTrue(pods.contains("kube-apiserver-controlplane"), pods);
        CommandResult empty = shell.execute("kubectl top pod");
        assertEquals("No resources found in default namespace.\n", empty.stderr());
    }
}
