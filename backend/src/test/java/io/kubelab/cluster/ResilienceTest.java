package io.kubelab.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.clock.SimClock;
import io.kubelab.events.ComponentEvent;
import io.kubelab.runtime.image.Network;
import io.kubelab.shell.CommandResult;
import io.kubelab.shell.Shell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A cluster through outages, node failures and parking: it comes back as a real one does. */
class ResilienceTest {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    LiveCluster live;

    @BeforeEach
    void setUp() {
        live = new LiveCluster();
        live.setUp();
    }

    SimCluster cluster() {
        return live.cluster;
    }

    List<String> readiness() {
        List<String> out = new ArrayList<>();
        for (ObjectNode pod : live.list(LiveCluster.PODS)) {
            out.add(LiveCluster.readyStatus(pod));
        }
        return out;
    }

    @Test
    void podsAreReadyAgainAfterAnEtcdOutage() {
        live.create(LiveCluster.DEPLOYMENTS, LiveCluster.deployment("web", "nginx", 2));
        assertTrue(live.settle(Duration.ofMinutes(5)).stable());
        cluster().stop("etcd");
        cluster().clock().advance(Duration.ofSeconds(90));
        cluster().start("etcd");
        assertTrue(live.settle(Duration.ofMinutes(5)).stable(), "a persistent refusal does not hold settling");
        cluster().clock().advance(Duration.ofMinutes(3));
        assertEquals(List.of("True", "True"), readiness());
    }

    @Test
    void aClusterWokenHoursLaterIsHealthy() {
        live.create(LiveCluster.DEPLOYMENTS, LiveCluster.deployment("web", "nginx", 2));
        assertTrue(live.settle(Duration.ofMinutes(5)).stable());
        ParkedCluster parked = cluster().park();
        List<ComponentEvent> seen = new ArrayList<>();
        SimCluster woken = SimCluster.wake(parked, SimClock.manual(parked.time().plus(Duration.ofHours(2))));
        woken.events().subscribe(seen::add);
        woken.clock().advance(Duration.ofMinutes(10));
        live.cluster = woken;
        assertEquals(List.of("True", "True"), readiness());
        assertTrue(seen.stream().noneMatch(e -> e.action().equals("mark-unknown")), seen.toString());
        for (ObjectNode node : woken.api().peekAll(io.kubelab.model.ResourceTypes.of("v1", "Node"), "")) {
            assertTrue(!node.path("spec").path("taints").toString().contains("unreachable"),
                    node.path("spec").path("taints").toString());
        }
    }

    @Test
    void parkingNarratesNothing() {
        List<ComponentEvent> seen = new ArrayList<>();
        cluster().stop("kubelet/node02");
        cluster().events().subscribe(seen::add);
        ParkedCluster parked = cluster().park();
        SimCluster woken = SimCluster.wake(parked, SimClock.manual(parked.time()));
        assertEquals(List.of(), seen);
        assertEquals(List.of(), woken.events().since(parked.lastEventSeq()));
        assertTrue(woken.isStopped("kubelet/node02"));
    }

    @Test
    void settlingAfterANodeFailurePlaysOutItsGracePeriod() {
        Shell shell = new Shell(cluster());
        shell.execute("sim node node01 fail");
        CommandResult settled = shell.execute("sim settle");
        assertEquals(0, settled.exitCode(), settled.stderr());
        ObjectNode node = live.cluster.api().peek(io.kubelab.model.ResourceTypes.of("v1", "Node"), "", "node01").orElseThrow();
        JsonNode ready = node.path("status").path("conditions").get(3);
        assertEquals("Unknown", ready.path("status").asText());
        assertTrue(Duration.between(T0, cluster().clock().now()).toSeconds() >= 50, cluster().clock().now().toString());
        CommandResult refused = shell.execute("sim start kubelet node01");
        assertEquals("sim: start: node node01 is down; bring it back with sim node node01 recover\n", refused.stderr());
    }

    @Test
    void fromOutsideOnlyNodePortsAndLoadBalancersAnswer() {
        live.create(LiveCluster.DEPLOYMENTS, LiveCluster.deployment("web", "nginx", 1));
        live.create(io.kubelab.model.ResourceTypes.of("v1", "Service"), "{\"apiVersion\":\"v1\",\"kind\":\"Service\","
                + "\"metadata\":{\"name\":\"web\"},\"spec\":{\"type\":\"LoadBalancer\",\"externalTrafficPolicy\":\"Local\","
                + "\"selector\":{\"app\":\"web\"},\"ports\":[{\"port\":80}]}}");
        assertTrue(live.settle(Duration.ofMinutes(5)).stable());
        ObjectNode service = live.get(io.kubelab.model.ResourceTypes.of("v1", "Service"), "web");
        String lb = service.path("status").path("loadBalancer").path("ingress").get(0).path("ip").asText();
        Network.HttpRequest get = new Network.HttpRequest("GET", lb, "/", List.of(), "", "203.0.113.10", "curl/8.5.0");
        for (int i = 0; i < 5; i++) {
            Network.HttpExchange viaLb = cluster().requestFromOutside(lb, 80, get);
            assertInstanceOf(Network.Answered.class, viaLb, "the load balancer only uses nodes with a local endpoint");
        }
        Network.HttpExchange clusterIp = cluster().requestFromOutside(service.path("spec").path("clusterIP").asText(), 80, get);
        assertEquals(new Network.Failure("Connection timed out"), clusterIp);
    }

    @Test
    void anHaClusterWakesWithALeaderAndItsStoppedMember() {
        SimCluster ha = SimCluster.create(ClusterSpec.ha(), SimClock.manual(T0), 9);
        ha.stop("etcd/controlplane2");
        ha.clock().advance(Duration.ofSeconds(10));
        ParkedCluster parked = ha.park();
        SimCluster woken = SimCluster.wake(parked, SimClock.manual(parked.time().plus(Duration.ofMinutes(30))));
        woken.clock().advance(Duration.ofSeconds(10));
        assertTrue(woken.etcdMembers().orElseThrow().raft().hasQuorum());
        assertTrue(woken.etcdMembers().orElseThrow().raft().leader().isPresent());
        assertTrue(woken.isStopped("etcd/controlplane2"));
        live.cluster = woken;
        live.create(LiveCluster.DEPLOYMENTS, LiveCluster.deployment("web", "nginx", 2));
        assertTrue(live.settle(Duration.ofMinutes(5)).stable());
        assertEquals(List.of("True", "True"), readiness());
    }
}
