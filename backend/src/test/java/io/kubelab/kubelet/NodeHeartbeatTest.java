package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NodeHeartbeatTest {

    static JsonNode lease(KubeletFixture f) {
        return f.call(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.GET,
                ResourceTypes.of("coordination.k8s.io/v1", "Lease"), "kube-node-lease", "node01"));
    }

    static JsonNode node(KubeletFixture f) {
        return f.call(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.GET, ResourceTypes.of("v1", "Node"), "", "node01"));
    }

    static JsonNode ready(KubeletFixture f) {
        JsonNode node = node(f);
        for (JsonNode c : node.path("status").path("conditions")) {
            if (c.path("type").asText().equals("Ready")) {
                return c;
            }
        }
        throw new AssertionError("no Ready condition");
    }

    @Test
    void theLeaseIsRenewedEveryTenSecondsAndTheStatusEveryFiveMinutes() {
        KubeletFixture f = new KubeletFixture(2);
        List<String> renewals = List.of("2026-11-25T10:00:10.000000Z", "2026-11-25T10:00:20.000000Z",
                "2026-11-25T10:00:30.000000Z");
        for (String renewal : renewals) {
            f.advance(Duration.ofSeconds(10));
            assertEquals(renewal, lease(f).path("spec").path("renewTime").asText());
            // The first status update adds the images of the pods it adopted (kube-proxy); then only every 5 min.
            assertEquals("2026-11-25T10:00:10Z", ready(f).path("lastHeartbeatTime").asText());
        }
        assertEquals("registry.k8s.io/kube-proxy:v1.32.2", node(f).path("status").path("images").get(0).path("names").get(1).asText());
        assertEquals(0, f.clock().pending(), "heartbeats are background work");
        f.advance(Duration.ofSeconds(270));
        assertEquals("2026-11-25T10:00:10Z", ready(f).path("lastHeartbeatTime").asText());
        f.advance(Duration.ofSeconds(10));
        assertEquals("2026-11-25T10:05:10Z", ready(f).path("lastHeartbeatTime").asText());
        assertEquals("2026-11-25T10:00:00Z", ready(f).path("lastTransitionTime").asText());
        assertEquals("KubeletReady", ready(f).path("reason").asText());
        assertEquals("kubelet is posting ready status", ready(f).path("message").asText());
    }

    @Test
    void aStoppedKubeletRenewsNothingAndAnnouncesItselfWhenItStartsAgain() {
        KubeletFixture f = new KubeletFixture(2);
        f.kubelet.setRunning(false);
        f.advance(Duration.ofSeconds(30));
        assertEquals("2026-11-25T10:00:00.000000Z", lease(f).path("spec").path("renewTime").asText());
        f.kubelet.setRunning(true);
        assertEquals("2026-11-25T10:00:30.000000Z", lease(f).path("spec").path("renewTime").asText());
        assertEquals("2026-11-25T10:00:30Z", ready(f).path("lastHeartbeatTime").asText());
        assertEquals(List.of("Normal Starting Starting kubelet.",
                "Normal NodeAllocatableEnforced Updated Node Allocatable limit across pods"), f.events("default", "node01"));
    }

    @Test
    void aNodeThatWasNotReadyReportsReadyAgain() {
        KubeletFixture f = new KubeletFixture(2);
        f.kubelet.setNodeRunning(false);
        JsonNode node = f.call(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.GET, ResourceTypes.of("v1", "Node"), "", "node01"));
        // What the node lifecycle controller writes when the lease runs out.
        for (JsonNode c : node.path("status").path("conditions")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) c).put("status", "Unknown").put("reason", "NodeStatusUnknown")
                    .put("message", "Kubelet stopped posting node status.");
        }
        f.call(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.UPDATE, ResourceTypes.of("v1", "Node"), "", "node01")
                .withSubresource("status").withBody(node));
        f.advance(Duration.ofMinutes(1));
        f.kubelet.setNodeRunning(true);
        assertEquals("True", ready(f).path("status").asText());
        assertEquals("2026-11-25T10:01:00Z", ready(f).path("lastTransitionTime").asText());
        assertEquals(List.of("Normal Starting Starting kubelet.",
                "Normal NodeAllocatableEnforced Updated Node Allocatable limit across pods",
                "Normal NodeHasSufficientMemory Node node01 status is now: NodeHasSufficientMemory",
                "Normal NodeHasNoDiskPressure Node node01 status is now: NodeHasNoDiskPressure",
                "Normal NodeHasSufficientPID Node node01 status is now: NodeHasSufficientPID",
                "Normal NodeReady Node node01 status is now: NodeReady"), f.events("default", "node01"));
    }
}
