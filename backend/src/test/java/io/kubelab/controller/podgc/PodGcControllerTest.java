package io.kubelab.controller.podgc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.controller.Informers;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.store.WatchEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PodGcControllerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    SimCluster cluster;
    final List<ObjectNode> lastStatus = new ArrayList<>();

    @BeforeEach
    void setUp() {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 5);
        // The test writes pod status itself, as the kubelets would.
        io.kubelab.cluster.PlayedComponents.kubeletsPlayedByTest(cluster);
        cluster.stop("scheduler");
        cluster.stop("controller-manager/podgc");
        new PodGcController(new Informers(cluster.api(), cluster.clock(), new SplittableRandom(1), cluster.events()),
                cluster.clock(), 2);
        cluster.api().watch(ApiRequest.of(UserInfo.ADMIN, Verb.WATCH, PODS, "default", ""), e -> {
            if (e.type() == WatchEvent.Type.DELETED) {
                lastStatus.add(e.object());
            }
        });
    }

    ObjectNode call(ApiRequest request) {
        return cluster.api().handle(request).body();
    }

    void pod(String name, String node, String phase) throws Exception {
        ObjectNode pod = call(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, PODS, "default", "").withBody(JSON.readTree(
                "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"nodeName\":\""
                        + node + "\",\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}")));
        pod.putObject("status").put("phase", phase);
        call(ApiRequest.of(UserInfo.ADMIN, Verb.UPDATE, PODS, "default", name).withSubresource("status").withBody(pod));
    }

    boolean exists(String name) {
        try {
            call(ApiRequest.of(UserInfo.ADMIN, Verb.GET, PODS, "default", name));
            return true;
        } catch (StatusException e) {
            return false;
        }
    }

    @Test
    void podsOfADeletedNodeGoAfterTheQuarantine() throws Exception {
        pod("orphan", "node02", "Running");
        pod("fine", "node01", "Running");
        call(ApiRequest.of(UserInfo.ADMIN, Verb.DELETE, ResourceTypes.of("v1", "Node"), "", "node02"));
        cluster.clock().advance(Duration.ofSeconds(39));
        assertTrue(exists("orphan"), "still in quarantine");
        cluster.clock().advance(Duration.ofSeconds(1));
        assertEquals(false, exists("orphan"));
        assertTrue(exists("fine"));
        ObjectNode last = lastStatus.get(0);
        assertEquals("Failed", last.path("status").path("phase").asText());
        assertEquals("{\"type\":\"DisruptionTarget\",\"status\":\"True\",\"lastProbeTime\":null,\"lastTransitionTime\":"
                + "\"2026-11-25T10:00:40Z\",\"reason\":\"DeletionByPodGC\",\"message\":\"PodGC: node no longer exists\"}",
                last.path("status").path("conditions").get(0).toString());
    }

    @Test
    void terminatedPodsOverTheThresholdOldestFirst() throws Exception {
        pod("done-1", "node01", "Succeeded");
        cluster.clock().advance(Duration.ofSeconds(1));
        pod("done-2", "node01", "Failed");
        cluster.clock().advance(Duration.ofSeconds(1));
        pod("done-3", "node01", "Succeeded");
        cluster.clock().advance(Duration.ofSeconds(1));
        assertEquals(List.of(false, true, true), List.of(exists("done-1"), exists("done-2"), exists("done-3")));
    }

    @Test
    void unscheduledTerminatingPodsGoAtOnce() throws Exception {
        call(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, PODS, "default", "").withBody(JSON.readTree(
                "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"pending\",\"finalizers\":[\"example.com/x\"]},"
                        + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}")));
        call(ApiRequest.of(UserInfo.ADMIN, Verb.DELETE, PODS, "default", "pending"));
        cluster.clock().advance(Duration.ofSeconds(1));
        ObjectNode pod = call(ApiRequest.of(UserInfo.ADMIN, Verb.GET, PODS, "default", "pending"));
        assertEquals("Failed", pod.path("status").path("phase").asText(), "marked Failed; the finalizer still holds it");
    }
}
