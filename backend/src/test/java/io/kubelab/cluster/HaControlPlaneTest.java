package io.kubelab.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.store.raft.MemberStatus;
import io.kubelab.store.raft.RaftCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HaControlPlaneTest {

    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    static final ResourceType NODES = ResourceTypes.of("v1", "Node");
    static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    static final ResourceType CONFIG_MAPS = ResourceTypes.of("v1", "ConfigMap");
    static final List<String> MEMBERS = List.of("controlplane", "controlplane2", "controlplane3");

    /** One installed HA cluster, read only: the bootstrap's objects. */
    static SimCluster installed;

    @BeforeAll
    static void install() {
        installed = SimCluster.create(ClusterSpec.ha(), SimClock.manual(START), 7);
    }

    static SimCluster settled(long seed) {
        SimCluster cluster = SimCluster.create(ClusterSpec.ha(), SimClock.manual(START), seed);
        assertTrue(cluster.clock().settle(cluster::stable, Duration.ofMinutes(1)).stable());
        return cluster;
    }

    static ObjectNode get(ApiServer api, ResourceType type, String namespace, String name) {
        return api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.GET, type, namespace, name)).body();
    }

    static ObjectNode createConfigMap(ApiServer api, String name) {
        ObjectNode body = Json.parse("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                + "\"metadata\":{\"name\":\"" + name + "\"},\"data\":{\"k\":\"v\"}}");
        return api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, CONFIG_MAPS, "default", "").withBody(body)).body();
    }

    static RaftCluster raft(SimCluster cluster) {
        return cluster.etcdMembers().orElseThrow().raft();
    }

    @Test
    void threeControlPlaneNodesEachRunTheirOwnStaticPods() {
        ApiServer api = installed.api();
        assertEquals(List.of("controlplane", "controlplane2", "controlplane3", "node01", "node02"),
                BootstrapTest.names(api, "v1", "Node", ""));
        List<String> pods = BootstrapTest.names(api, "v1", "Pod", "kube-system");
        for (String node : MEMBERS) {
            ObjectNode n = get(api, NODES, "", node);
            assertEquals("[{\"effect\":\"NoSchedule\",\"key\":\"node-role.kubernetes.io/control-plane\"}]",
                    n.path("spec").path("taints").toString());
            assertTrue(n.path("metadata").path("labels").has("node-role.kubernetes.io/control-plane"));
            for (String component : List.of("etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler")) {
                assertTrue(pods.contains(component + "-" + node), component + "-" + node + " in " + pods);
            }
        }
        assertEquals("172.30.1.3", get(api, NODES, "", "controlplane2").path("status").path("addresses").get(0)
                .path("address").asText());
        assertEquals("10.244.4.0/24", get(api, NODES, "", "controlplane3").path("spec").path("podCIDR").asText());
        assertEquals("10.244.1.0/24", get(api, NODES, "", "node01").path("spec").path("podCIDR").asText());
        assertEquals(5, pods.stream().filter(p -> p.startsWith("kube-proxy-")).count(), pods.toString());
        assertEquals(3 * 4 + 5 + 2, pods.size(), "four static pods per control-plane node, kube-proxy per node, CoreDNS");
        ObjectNode etcd3 = get(api, PODS, "kube-system", "etcd-controlplane3");
        String command = etcd3.path("spec").path("containers").get(0).path("command").toString();
        assertTrue(command.contains("\"--initial-cluster=controlplane=https://172.30.1.2:2380,"
                + "controlplane2=https://172.30.1.3:2380,controlplane3=https://172.30.1.4:2380\","
                + "\"--initial-cluster-state=existing\",\"--key-file="), command);
        assertEquals("Running", etcd3.path("status").path("phase").asText());
        String first = get(api, PODS, "kube-system", "etcd-controlplane").path("spec").path("containers").get(0)
                .path("command").toString();
        assertTrue(first.contains("\"--initial-cluster=controlplane=https://172.30.1.2:2380\",\"--key-file="), first);
        assertEquals("[{\"addresses\":[{\"ip\":\"172.30.1.2\"},{\"ip\":\"172.30.1.3\"},{\"ip\":\"172.30.1.4\"}],"
                        + "\"ports\":[{\"name\":\"https\",\"port\":6443,\"protocol\":\"TCP\"}]}]",
                get(api, ResourceTypes.of("v1", "Endpoints"), "default", "kubernetes").path("subsets").toString());
    }

    @Test
    void theStandardClusterHasNoRaft() {
        assertTrue(SimCluster.create(ClusterSpec.standard(), SimClock.manual(START), 1).etcdMembers().isEmpty());
        assertFalse(ClusterSpec.standard().highlyAvailable());
        assertTrue(ClusterSpec.ha().highlyAvailable());
    }

    @Test
    void theMembersElectALeaderAndTheClusterSettles() {
        SimCluster cluster = settled(1);
        RaftCluster raft = raft(cluster);
        String leader = raft.leader().orElseThrow();
        assertTrue(MEMBERS.contains(leader));
        assertEquals(MEMBERS, raft.memberNames());
        assertTrue(raft.status().stream().allMatch(m -> m.term() == 2));
        assertTrue(cluster.events().since(0).stream().anyMatch(e -> e.component().equals("etcd")
                && e.node().orElse("").equals(leader) && e.message().startsWith("etcd on " + leader
                + " won the election for term 2 with votes from ")));
        createConfigMap(cluster.api(), "works");
    }

    @Test
    void stoppingTheLeaderElectsAnotherAndTheApiKeepsWorking() {
        SimCluster cluster = settled(2);
        RaftCluster raft = raft(cluster);
        String old = raft.leader().orElseThrow();
        cluster.stop("etcd/" + old);
        assertTrue(cluster.isStopped("etcd/" + old));
        createConfigMap(cluster.api(), "during-the-election");
        Instant stopped = cluster.clock().now();
        cluster.clock().settle(cluster::stable, Duration.ofMinutes(1));
        String leader = raft.leader().orElseThrow();
        assertNotEquals(old, leader);
        Instant elected = cluster.events().since(0).stream().filter(e -> e.action().equals("elected"))
                .reduce((a, b) -> b).orElseThrow().time();
        Duration gap = Duration.between(stopped, elected);
        assertTrue(gap.compareTo(Duration.ofSeconds(1)) >= 0 && gap.compareTo(Duration.ofSeconds(2)) < 0, gap.toString());
        createConfigMap(cluster.api(), "after-the-election");
        assertTrue(cluster.events().since(0).stream().anyMatch(e -> e.message().equals("The student stopped etcd on "
                + old + ".")));
    }

    @Test
    void losingTwoMembersLosesQuorumAndTheApiTimesOutAsKubeApiserverDoes() {
        SimCluster cluster = settled(3);
        ApiServer api = cluster.api();
        cluster.stop("etcd/controlplane2");
        cluster.stop("node/controlplane3");
        assertFalse(raft(cluster).hasQuorum());
        for (Supplier<?> request : List.<Supplier<?>>of(() -> createConfigMap(api, "lost"),
                () -> api.handle(ApiRequest.of(UserInfo.ADMIN, Verb.LIST, PODS, "default", "")),
                () -> get(api, NODES, "", "node01"))) {
            StatusException e = assertThrows(StatusException.class, request::get);
            assertEquals("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                    + "\"message\":\"etcdserver: request timed out\",\"code\":500}", e.status().toJson().toString());
        }
        cluster.clock().advance(Duration.ofMinutes(1));

        cluster.start("etcd/controlplane2");
        assertTrue(raft(cluster).hasQuorum());
        createConfigMap(api, "back");
        cluster.clock().settle(() -> raft(cluster).leader().isPresent(), Duration.ofMinutes(1));
        MemberStatus three = raft(cluster).status().get(2);
        assertFalse(three.running(), "its node is still down");
        cluster.start("node/controlplane3");
        assertTrue(raft(cluster).status().get(2).running());
    }

    @Test
    void aStoppedMemberOfAFailedNodeStaysStoppedWhenTheNodeRecovers() {
        SimCluster cluster = settled(4);
        cluster.stop("etcd/controlplane2");
        cluster.stop("node/controlplane2");
        cluster.start("node/controlplane2");
        assertFalse(raft(cluster).status().get(1).running());
        cluster.start("etcd/controlplane2");
        assertTrue(raft(cluster).status().get(1).running());
    }

    @Test
    void aWokenClusterKeepsItsStoppedMembersAndElectsAgain() {
        SimCluster cluster = settled(5);
        cluster.stop("etcd/controlplane3");
        ParkedCluster parked = cluster.park();
        SimCluster woken = SimCluster.wake(parked, SimClock.manual(parked.time().plusSeconds(60)));
        RaftCluster raft = raft(woken);
        assertFalse(raft.status().get(2).running());
        assertTrue(raft.hasQuorum());
        assertTrue(raft.leader().isEmpty(), "the members restart and elect again");
        woken.clock().advance(Duration.ofSeconds(2));
        assertTrue(raft.leader().isPresent());
        createConfigMap(woken.api(), "woken");
    }
}
