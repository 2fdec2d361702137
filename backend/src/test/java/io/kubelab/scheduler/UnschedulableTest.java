package io.kubelab.scheduler;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnschedulableTest {

    static final String TAINT = "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }";
    static final String NO_VICTIMS_ON_WORKERS = " preemption: 0/3 nodes are available: 1 Preemption is not helpful for "
            + "scheduling, 2 No preemption victims found for incoming pod..";

    final SchedulerFixture f = new SchedulerFixture();

    static String cpu(String amount) {
        return ",'resources':{'requests':{'cpu':'" + amount + "'}}";
    }

    @Test
    void insufficientCpuIsReportedWithKubernetesAggregatedMessage() {
        f.createPod(SchedulerFixture.pod("big", "", cpu("3"), ""));
        f.run(1);
        String message = "0/3 nodes are available: 1 " + TAINT + ", 2 Insufficient cpu." + NO_VICTIMS_ON_WORKERS;
        assertEquals("", f.nodeOf("big"));
        assertEquals(message, f.unschedulableMessage("big"));
        assertEquals(List.of("FailedScheduling: " + message), f.events("big"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // A second pod with the same host port on node01, when only node01 is allowed.
            "host port|'app':'x'|,'ports':[{'containerPort':80,'hostPort':8080}]|,'nodeSelector':{'kubernetes.io/hostname':'node01'}"
                    + "|0/3 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 1 node(s) didn't match Pod's node affinity/selector, 1 " + TAINT
                    + ". preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling..",
            // Required anti-affinity to its own kind on each host: two fit, the third does not.
            "anti-affinity|'app':'x'||,'affinity':{'podAntiAffinity':{'requiredDuringSchedulingIgnoredDuringExecution':[{'labelSelector':{'matchLabels':{'app':'x'}},'topologyKey':'kubernetes.io/hostname'}]}}"
                    + "|0/3 nodes are available: 1 " + TAINT + ", 2 node(s) didn't match pod anti-affinity rules." + NO_VICTIMS_ON_WORKERS,
            // maxSkew 1 per host counts the empty control plane as a domain (taints are ignored by default).
            "topology spread|'app':'x'||,'topologySpreadConstraints':[{'maxSkew':1,'topologyKey':'kubernetes.io/hostname','whenUnsatisfiable':'DoNotSchedule','labelSelector':{'matchLabels':{'app':'x'}}}]"
                    + "|0/3 nodes are available: 1 " + TAINT + ", 2 node(s) didn't match pod topology spread constraints." + NO_VICTIMS_ON_WORKERS,
    })
    void theThirdPodDoesNotFit(String name, String labels, String containerOrNull, String spec, String message) {
        String container = containerOrNull == null ? "" : containerOrNull;
        f.createPod(SchedulerFixture.pod("x-1", labels, container, spec));
        f.run(1);
        f.createPod(SchedulerFixture.pod("x-2", labels, container, spec));
        f.run(1);
        f.createPod(SchedulerFixture.pod("x-3", labels, container, spec));
        f.run(1);
        boolean portsOnOneNode = name.equals("host port");
        assertEquals(portsOnOneNode ? "" : "placed", f.nodeOf("x-2").isEmpty() ? "" : "placed");
        assertEquals("", f.nodeOf("x-3"));
        assertEquals(message, f.unschedulableMessage("x-3"));
    }

    @Test
    void topologySpreadThatHonoursAffinityLeavesTheControlPlaneOut() {
        String spec = ",'affinity':{'nodeAffinity':{'requiredDuringSchedulingIgnoredDuringExecution':{'nodeSelectorTerms':[{'matchExpressions':"
                + "[{'key':'node-role.kubernetes.io/control-plane','operator':'DoesNotExist'}]}]}}},'topologySpreadConstraints':[{'maxSkew':1,"
                + "'topologyKey':'kubernetes.io/hostname','whenUnsatisfiable':'DoNotSchedule','labelSelector':{'matchLabels':{'app':'s'}}}]";
        for (String name : List.of("s-1", "s-2", "s-3", "s-4")) {
            f.createPod(SchedulerFixture.pod(name, "'app':'s'", "", spec));
            f.run(1);
        }
        List<String> nodes = List.of(f.nodeOf("s-1"), f.nodeOf("s-2"), f.nodeOf("s-3"), f.nodeOf("s-4"));
        assertEquals(2, nodes.stream().filter("node01"::equals).count(), nodes.toString());
        assertEquals(2, nodes.stream().filter("node02"::equals).count(), nodes.toString());
    }

    @Test
    void aHostPortTakenOnOneNodeSendsTheNextPodToTheOther() {
        String ports = ",'ports':[{'containerPort':80,'hostPort':8080}]";
        f.createPod(SchedulerFixture.pod("a", "", ports, ",'nodeSelector':{'kubernetes.io/hostname':'node01'}"));
        f.run(1);
        f.createPod(SchedulerFixture.pod("b", "", ports, ""));
        f.run(1);
        assertEquals("node02", f.nodeOf("b"));
    }

    @Test
    void aPodThatDidNotFitIsScheduledOnceAPodIsDeletedWithoutWaitingFiveMinutes() {
        f.createPod(SchedulerFixture.pod("a", "", cpu("1500m"), ""));
        f.createPod(SchedulerFixture.pod("b", "", cpu("1500m"), ""));
        f.run(1);
        f.createPod(SchedulerFixture.pod("c", "", cpu("1500m"), ""));
        f.run(30);
        assertEquals("", f.nodeOf("c"));
        String freed = f.nodeOf("a");
        f.forceDelete("a");
        f.run(1);
        assertEquals(freed, f.nodeOf("c"));
    }

    @Test
    void anUnschedulablePodIsRetriedInTheBackgroundEveryFiveMinutes() {
        f.createPod(SchedulerFixture.pod("big", "", cpu("3"), ""));
        f.run(1);
        assertEquals(0, f.cluster.clock().pending(), "waiting for a change is no pending work");
        f.run(4 * 60);
        assertEquals(1, attempts(), "no retry before five minutes");
        f.run(90);
        assertEquals(2, attempts(), "retried once the five minutes were up");
    }

    private long attempts() {
        return f.cluster.events().since(0).stream()
                .filter(e -> e.component().equals("kube-scheduler") && e.action().equals("unschedulable")).count();
    }

    @Test
    void aMissingClaimIsReportedByVolumeBinding() {
        f.createPod(SchedulerFixture.pod("db", "", "",
                ",'volumes':[{'name':'data','persistentVolumeClaim':{'claimName':'data'}}]"));
        f.run(1);
        assertEquals("0/3 nodes are available: persistentvolumeclaim \"data\" not found. preemption: 0/3 nodes are "
                + "available: 3 Preemption is not helpful for scheduling..", f.unschedulableMessage("db"));
    }

    @Test
    void aClaimOfAWaitForFirstConsumerClassIsProvisionedOnTheChosenNode() {
        f.create(io.kubelab.model.ResourceTypes.of("v1", "PersistentVolumeClaim"), "default", SchedulerFixture.json(
                "{'apiVersion':'v1','kind':'PersistentVolumeClaim','metadata':{'name':'data'},'spec':{'accessModes':"
                        + "['ReadWriteOnce'],'resources':{'requests':{'storage':'1Gi'}}}}"));
        f.createPod(SchedulerFixture.pod("db", "", "",
                ",'volumes':[{'name':'data','persistentVolumeClaim':{'claimName':'data'}}]"));
        f.run(1);
        String node = f.nodeOf("db");
        assertTrue(node.equals("node01") || node.equals("node02"), node);
        assertEquals(node, f.get(io.kubelab.model.ResourceTypes.of("v1", "PersistentVolumeClaim"), "default", "data")
                .path("metadata").path("annotations").path("volume.kubernetes.io/selected-node").asText());
    }
}
