package io.kubelab.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The end-to-end cases on a whole simulated cluster: every component wired as a sandbox runs it,
 * time moved by settling, results read back through the API server.
 */
class LiveClusterTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    static final ResourceType DEPLOYMENTS = ResourceTypes.of("apps/v1", "Deployment");
    static final ResourceType REPLICASETS = ResourceTypes.of("apps/v1", "ReplicaSet");
    static final ResourceType JOBS = ResourceTypes.of("batch/v1", "Job");
    static final ResourceType EVENTS = ResourceTypes.of("v1", "Event");

    SimCluster cluster;

    @BeforeEach
    void setUp() {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 42);
    }

    ObjectNode create(ResourceType type, String json) {
        try {
            return cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, type, "default", "")
                    .withBody(JSON.readTree(json))).body();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    List<ObjectNode> list(ResourceType type) {
        return cluster.api().peekAll(type, "default");
    }

    ObjectNode get(ResourceType type, String name) {
        return cluster.api().peek(type, "default", name).orElseThrow();
    }

    SimClock.Settled settle(Duration max) {
        return cluster.clock().settle(cluster::stable, max);
    }

    static String deployment(String name, String image, int replicas) {
        return "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"" + name + "\"},\"spec\":"
                + "{\"replicas\":" + replicas + ",\"selector\":{\"matchLabels\":{\"app\":\"" + name + "\"}},"
                + "\"template\":{\"metadata\":{\"labels\":{\"app\":\"" + name + "\"}},\"spec\":{\"containers\":"
                + "[{\"name\":\"" + name + "\",\"image\":\"" + image + "\"}]}}}}";
    }

    List<String> reasons() {
        List<String> out = new ArrayList<>();
        for (ObjectNode event : list(EVENTS)) {
            out.add(event.path("reason").asText() + " " + event.path("message").asText());
        }
        return out;
    }

    @Test
    void aFreshClusterStaysHealthyAndQuiet() {
        cluster.clock().advance(Duration.ofMinutes(10));
        for (ObjectNode pod : cluster.api().peekAll(PODS, "kube-system")) {
            for (JsonNode status : pod.path("status").path("containerStatuses")) {
                assertEquals(0, status.path("restartCount").asInt(), pod.path("metadata").path("name").asText());
                assertTrue(status.path("ready").asBoolean(), pod.path("metadata").path("name").asText());
            }
        }
        assertEquals(List.of(), cluster.api().peekAll(EVENTS, "kube-system").stream()
                .map(e -> e.path("reason").asText() + " " + e.path("message").asText()).toList());
        for (ObjectNode node : cluster.api().peekAll(ResourceTypes.of("v1", "Node"), "")) {
            assertEquals("KubeletReady", node.path("status").path("conditions").get(3).path("reason").asText());
        }
    }

    @Test
    void aThreeReplicaDeploymentLandsOnTheWorkersOnly() {
        create(DEPLOYMENTS, deployment("web", "nginx", 3));
        assertTrue(settle(Duration.ofMinutes(5)).stable());
        List<ObjectNode> pods = list(PODS);
        assertEquals(3, pods.size());
        for (ObjectNode pod : pods) {
            assertTrue(List.of("node01", "node02").contains(pod.path("spec").path("nodeName").asText()), pod.toString());
            assertEquals("Running", pod.path("status").path("phase").asText());
        }
        JsonNode status = get(DEPLOYMENTS, "web").path("status");
        assertEquals(3, status.path("availableReplicas").asInt());
        assertTrue(reasons().stream().anyMatch(r -> r.startsWith("ScalingReplicaSet Scaled up replica set web-")));
    }

    @Test
    void aStoppedSchedulerLeavesPodsPendingUntilItStarts() {
        cluster.stop("scheduler");
        create(PODS, "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":"
                + "[{\"name\":\"c\",\"image\":\"nginx\"}]}}");
        settle(Duration.ofMinutes(5));
        assertEquals("Pending", get(PODS, "p").path("status").path("phase").asText());
        assertEquals("", get(PODS, "p").path("spec").path("nodeName").asText());
        cluster.start("scheduler");
        assertTrue(settle(Duration.ofMinutes(5)).stable());
        assertEquals("Running", get(PODS, "p").path("status").path("phase").asText());
    }
}
