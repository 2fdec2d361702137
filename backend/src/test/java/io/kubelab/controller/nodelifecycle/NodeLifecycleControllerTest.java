package io.kubelab.controller.nodelifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.controller.tainteviction.TaintEvictionController;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.kubelab.controller.nodelifecycle.ClusterFixture.NODES;
import static io.kubelab.controller.nodelifecycle.ClusterFixture.PODS;
import static io.kubelab.controller.nodelifecycle.ClusterFixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeLifecycleControllerTest {

    static final String FOREVER = "[{\"key\":\"node.kubernetes.io/unreachable\",\"operator\":\"Exists\",\"effect\":\"NoExecute\"}]";

    ClusterFixture f = new ClusterFixture().heartbeats();

    void start() {
        new NodeLifecycleController(f.informers, f.cluster.clock());
        new TaintEvictionController(f.informers, f.cluster.clock());
    }

    static List<String> conditions(ObjectNode node) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : node.path("status").path("conditions")) {
            out.add(c.path("type").asText() + "=" + c.path("status").asText() + " " + c.path("reason").asText() + " \""
                    + c.path("message").asText() + "\" since " + c.path("lastTransitionTime").asText());
        }
        return out;
    }

    static List<String> taints(ObjectNode node) {
        List<String> out = new ArrayList<>();
        for (JsonNode t : node.path("spec").path("taints")) {
            out.add(t.path("key").asText() + ":" + t.path("effect").asText() + " " + t.path("timeAdded").asText("-"));
        }
        return out;
    }

    static String podCondition(ObjectNode pod, String type) {
        for (JsonNode c : pod.path("status").path("conditions")) {
            if (c.path("type").asText().equals(type)) {
                return c.path("status").asText() + " " + c.path("reason").asText("") + " " + c.path("message").asText("");
            }
        }
        return "none";
    }

    @Test
    void aSilentNodeIsMarkedUnknownTaintedAndItsPodsEvictedAfterTheirToleration() {
        f.runningPod("web", "node01", "");
        f.runningPod("forever", "node01", FOREVER);
        start();
        f.alive.remove("node01");
        f.advance(Duration.ofSeconds(15));
        // The pass after the 50 s grace period (passes every 5 s from the start): T0+55s.
        SimClockCheck.settleUntil(f, Duration.ofMinutes(10), T0.plusSeconds(355));

        ObjectNode node01 = f.get(NODES, "", "node01");
        assertEquals(List.of(
                "MemoryPressure=Unknown NodeStatusUnknown \"Kubelet stopped posting node status.\" since 2026-11-25T10:00:55Z",
                "DiskPressure=Unknown NodeStatusUnknown \"Kubelet stopped posting node status.\" since 2026-11-25T10:00:55Z",
                "PIDPressure=Unknown NodeStatusUnknown \"Kubelet stopped posting node status.\" since 2026-11-25T10:00:55Z",
                "Ready=Unknown NodeStatusUnknown \"Kubelet stopped posting node status.\" since 2026-11-25T10:00:55Z"),
                conditions(node01));
        assertEquals(List.of("node.kubernetes.io/unreachable:NoSchedule 2026-11-25T10:00:55Z",
                "node.kubernetes.io/unreachable:NoExecute 2026-11-25T10:00:55Z"), taints(node01));
        assertEquals(List.of(), taints(f.get(NODES, "", "node02")));

        // web has the default 300 s toleration (DefaultTolerationSeconds): deleted 300 s after the taint.
        ObjectNode web = f.get(PODS, "default", "web");
        // Deleted at 10:05:55 with the default 30 s grace period: the deadline Kubernetes stores.
        assertEquals("2026-11-25T10:06:25Z", web.path("metadata").path("deletionTimestamp").asText());
        assertEquals("True DeletionByTaintManager Taint manager: deleting due to NoExecute taint", podCondition(web, "DisruptionTarget"));
        assertEquals("False  ", podCondition(web, "Ready"));
        ObjectNode forever = f.get(PODS, "default", "forever");
        assertFalse(forever.path("metadata").has("deletionTimestamp"));
        assertEquals("none", podCondition(forever, "DisruptionTarget"));

        assertEquals(List.of(
                "Normal NodeNotReady Node/node01: Node node01 status is now: NodeNotReady",
                "Normal RegisteredNode Node/controlplane: Node controlplane event: Registered Node controlplane in Controller",
                "Normal RegisteredNode Node/node01: Node node01 event: Registered Node node01 in Controller",
                "Normal RegisteredNode Node/node02: Node node02 event: Registered Node node02 in Controller",
                "Normal TaintManagerEviction Pod/web: Marking for deletion Pod default/web",
                "Warning NodeNotReady Pod/forever: Node is not ready",
                // node01's kube-proxy: a DaemonSet pod, which tolerates unreachable forever and stays.
                "Warning NodeNotReady Pod/kube-proxy-zgbhn: Node is not ready",
                "Warning NodeNotReady Pod/web: Node is not ready"),
                f.events("node-controller", "taint-eviction-controller"));
        assertTrue(f.cluster.events().since(0).stream().anyMatch(e -> e.component().equals(NodeLifecycleController.COMPONENT)
                && e.message().equals("node01 has not renewed its lease for 55s: marked its conditions Unknown (NotReady).")));
    }

    @Test
    void aRecoveredNodeLosesItsTaintsAndThePlannedEvictionIsCancelled() {
        f.runningPod("web", "node01", "");
        start();
        f.alive.remove("node01");
        f.advance(Duration.ofSeconds(60));
        assertEquals(2, taints(f.get(NODES, "", "node01")).size());

        f.alive.add("node01");
        f.renewLease("node01");
        f.postReady("node01");
        f.advance(Duration.ofSeconds(5));
        assertEquals(List.of(), taints(f.get(NODES, "", "node01")));
        assertTrue(f.settle(Duration.ofMinutes(10)).stable());
        assertFalse(f.get(PODS, "default", "web").path("metadata").has("deletionTimestamp"));
        assertTrue(f.events("taint-eviction-controller").contains(
                "Normal TaintManagerEviction Pod/web: Cancelling deletion of Pod default/web"));
    }

    @Test
    void whenEveryNodeIsSilentNothingIsTaintedNoExecute() {
        start();
        f.alive.clear();
        f.advance(Duration.ofSeconds(15));
        assertTrue(f.settle(Duration.ofMinutes(5)).stable());
        // The nodes go at 55 s; the endpoint controllers' batching of the pods' readiness settles a second later.
        assertEquals(T0.plusSeconds(56), f.now());
        for (String node : new String[]{"node01", "node02"}) {
            assertEquals(List.of("node.kubernetes.io/unreachable:NoSchedule 2026-11-25T10:00:55Z"), taints(f.get(NODES, "", node)));
        }
        assertEquals(List.of("node-role.kubernetes.io/control-plane:NoSchedule -",
                "node.kubernetes.io/unreachable:NoSchedule 2026-11-25T10:00:55Z"), taints(f.get(NODES, "", "controlplane")));
    }

    @Test
    void aCordonedNodeGetsTheUnschedulableTaint() {
        start();
        f.patch(NODES, "", "node02", "", "{\"spec\":{\"unschedulable\":true}}");
        f.advance(Duration.ofSeconds(1));
        assertEquals(List.of("node.kubernetes.io/unschedulable:NoSchedule 2026-11-25T10:00:00Z"), taints(f.get(NODES, "", "node02")));
        f.patch(NODES, "", "node02", "", "{\"spec\":{\"unschedulable\":null}}");
        f.advance(Duration.ofSeconds(1));
        assertEquals(List.of(), taints(f.get(NODES, "", "node02")));
    }

    @Test
    void aRebuiltControllerDoesNotRegisterTheNodesAgain() {
        start();
        f.advance(Duration.ofSeconds(1));
        new NodeLifecycleController(new io.kubelab.controller.Informers(f.cluster.api(), f.cluster.clock(),
                new java.util.SplittableRandom(1), f.cluster.events()), f.cluster.clock());
        f.advance(Duration.ofSeconds(1));
        assertEquals(3, f.events("node-controller").stream().filter(e -> e.contains("RegisteredNode")).count());
    }
}
