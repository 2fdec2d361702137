package io.kubelab.scheduler;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreemptionTest {

    final SchedulerFixture f = new SchedulerFixture();

    void priorityClass(String name, int value, String policy) {
        f.create(io.kubelab.model.ResourceTypes.of("scheduling.k8s.io/v1", "PriorityClass"), "", SchedulerFixture.json(
                "{'apiVersion':'scheduling.k8s.io/v1','kind':'PriorityClass','metadata':{'name':'" + name + "'},'value':"
                        + value + ",'preemptionPolicy':'" + policy + "'}"));
    }

    void fillWorkers() {
        f.createPod(SchedulerFixture.pod("low-1", "", UnschedulableTest.cpu("1500m"), ""));
        f.createPod(SchedulerFixture.pod("low-2", "", UnschedulableTest.cpu("1500m"), ""));
        f.run(1);
    }

    @Test
    void aHigherPriorityPodPreemptsALowerPriorityOne() {
        priorityClass("high", 1000, "PreemptLowerPriority");
        fillWorkers();
        f.createPod(SchedulerFixture.pod("high", "", UnschedulableTest.cpu("1500m"), ",'priorityClassName':'high'"));
        f.run(1);
        // Both workers would do; the first in node order is taken.
        String victim = f.nodeOf("low-1").equals("node01") ? "low-1" : "low-2";
        String uid = f.pod("high").path("metadata").path("uid").asText();
        assertEquals("node01", f.pod("high").path("status").path("nominatedNodeName").asText());
        assertTrue(f.pod(victim).path("metadata").has("deletionTimestamp"), "the victim is being deleted");
        assertEquals(List.of("Preempted: Preempted by pod " + uid + " on node node01"), f.events(victim).stream()
                .filter(e -> e.startsWith("Preempted")).toList());
        assertEquals("PreemptionByScheduler", SchedulingCycle.condition(f.pod(victim), "DisruptionTarget").path("reason").asText());
        assertEquals("0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, "
                + "2 Insufficient cpu.", f.unschedulableMessage("high"));

        f.forceDelete(victim);
        f.run(15);
        assertEquals("node01", f.nodeOf("high"));
    }

    @Test
    void preemptionPolicyNeverWaits() {
        priorityClass("polite", 1000, "Never");
        fillWorkers();
        f.createPod(SchedulerFixture.pod("high", "", UnschedulableTest.cpu("1500m"), ",'priorityClassName':'polite'"));
        f.run(1);
        assertEquals("0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, "
                + "2 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never..", f.unschedulableMessage("high"));
        assertEquals("", f.pod("low-1").path("metadata").path("deletionTimestamp").asText(""));
    }
}
