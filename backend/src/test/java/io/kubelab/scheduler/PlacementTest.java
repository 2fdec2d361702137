package io.kubelab.scheduler;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlacementTest {

    final SchedulerFixture f = new SchedulerFixture();

    @Test
    void replicasLandOnTheWorkersNeverOnTheTaintedControlPlane() {
        for (String name : List.of("web-1", "web-2", "web-3")) {
            f.createPod(SchedulerFixture.pod(name, "'app':'web'", "", ""));
        }
        f.run(1);
        for (String name : List.of("web-1", "web-2", "web-3")) {
            assertTrue(Set.of("node01", "node02").contains(f.nodeOf(name)), name + " on " + f.nodeOf(name));
        }
        String node = f.nodeOf("web-1");
        assertEquals(List.of("Scheduled: Successfully assigned default/web-1 to " + node), f.events("web-1"));
        assertEquals("True", SchedulingCycle.condition(f.pod("web-1"), "PodScheduled").path("status").asText());
    }

    @Test
    void theDefaultSpreadingPutsAReplicaSetsPodsOnBothWorkers() {
        f.create(io.kubelab.model.ResourceTypes.of("apps/v1", "ReplicaSet"), "default", SchedulerFixture.json(
                "{'apiVersion':'apps/v1','kind':'ReplicaSet','metadata':{'name':'web'},'spec':{'replicas':0,"
                        + "'selector':{'matchLabels':{'app':'web'}},'template':{'metadata':{'labels':{'app':'web'}},"
                        + "'spec':{'containers':[{'name':'c','image':'nginx'}]}}}}"));
        String uid = f.get(io.kubelab.model.ResourceTypes.of("apps/v1", "ReplicaSet"), "default", "web")
                .path("metadata").path("uid").asText();
        for (String name : List.of("web-a", "web-b")) {
            var pod = SchedulerFixture.pod(name, "'app':'web'", "", "");
            ((com.fasterxml.jackson.databind.node.ObjectNode) pod.get("metadata")).set("ownerReferences", SchedulerFixture.json(
                    "{'r':[{'apiVersion':'apps/v1','kind':'ReplicaSet','name':'web','uid':'" + uid
                            + "','controller':true,'blockOwnerDeletion':true}]}").get("r"));
            f.createPod(pod);
            f.run(1);
        }
        assertEquals(Set.of("node01", "node02"), Set.of(f.nodeOf("web-a"), f.nodeOf("web-b")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "toleration and selector for the control plane|,'tolerations':[{'key':'node-role.kubernetes.io/control-plane','operator':'Exists','effect':'NoSchedule'}],'nodeSelector':{'kubernetes.io/hostname':'controlplane'}|controlplane",
            "nodeSelector|,'nodeSelector':{'kubernetes.io/hostname':'node02'}|node02",
            "required affinity In|,'affinity':{'nodeAffinity':{'requiredDuringSchedulingIgnoredDuringExecution':{'nodeSelectorTerms':[{'matchExpressions':[{'key':'kubernetes.io/hostname','operator':'In','values':['node01']}]}]}}}|node01",
            "required affinity NotIn|,'affinity':{'nodeAffinity':{'requiredDuringSchedulingIgnoredDuringExecution':{'nodeSelectorTerms':[{'matchExpressions':[{'key':'kubernetes.io/hostname','operator':'NotIn','values':['node01']}]}]}}}|node02",
            "matchFields metadata.name|,'affinity':{'nodeAffinity':{'requiredDuringSchedulingIgnoredDuringExecution':{'nodeSelectorTerms':[{'matchFields':[{'key':'metadata.name','operator':'In','values':['node02']}]}]}}}|node02",
            "preferred affinity|,'affinity':{'nodeAffinity':{'preferredDuringSchedulingIgnoredDuringExecution':[{'weight':50,'preference':{'matchExpressions':[{'key':'kubernetes.io/hostname','operator':'In','values':['node02']}]}}]}}|node02",
    })
    void placementFollowsTheSpec(String name, String spec, String expected) {
        f.createPod(SchedulerFixture.pod("p", "", "", spec));
        f.run(1);
        assertEquals(expected, f.nodeOf("p"));
    }

    @Test
    void aCordonedNodeIsSkipped() {
        f.patch(SchedulerFixture.NODES, "", "node01", "{'spec':{'unschedulable':true}}");
        for (String name : List.of("a", "b", "c")) {
            f.createPod(SchedulerFixture.pod(name, "", "", ""));
        }
        f.run(1);
        assertEquals(List.of("node02", "node02", "node02"), List.of(f.nodeOf("a"), f.nodeOf("b"), f.nodeOf("c")));
    }

    @Test
    void aStoppedSchedulerLeavesPodsPendingUntilStarted() {
        f.scheduler.setRunning(false);
        f.createPod(SchedulerFixture.pod("p", "", "", ""));
        f.run(60);
        assertEquals("", f.nodeOf("p"));
        assertEquals("Pending", f.pod("p").path("status").path("phase").asText());
        f.scheduler.setRunning(true);
        f.run(1);
        assertTrue(Set.of("node01", "node02").contains(f.nodeOf("p")));
    }

    @Test
    void podsForAnotherSchedulerAreLeftAlone() {
        f.createPod(SchedulerFixture.pod("p", "", "", ",'schedulerName':'my-scheduler'"));
        f.run(5);
        assertEquals("", f.nodeOf("p"));
    }

    @Test
    void schedulingIsNarratedAsComponentEvents() {
        f.createPod(SchedulerFixture.pod("web-1", "", "", ""));
        f.run(1);
        List<String> narration = f.cluster.events().since(0).stream()
                .filter(e -> e.component().equals("kube-scheduler") && !e.action().equals("stop"))
                .map(e -> e.action() + ": " + e.message()).toList();
        assertEquals(3, narration.size(), narration.toString());
        assertEquals("filter: Filtered 3 nodes for default/web-1: controlplane fails TaintToleration (node(s) had untolerated "
                + "taint {node-role.kubernetes.io/control-plane: }); node01 and node02 fit.", narration.get(0));
        assertTrue(narration.get(1).startsWith("score: Scored node01 "), narration.get(1));
        assertEquals("bind: Bound pod default/web-1 to " + f.nodeOf("web-1") + " through the binding subresource.",
                narration.get(2));
    }
}
