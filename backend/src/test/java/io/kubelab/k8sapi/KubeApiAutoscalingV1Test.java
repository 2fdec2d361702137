package io.kubelab.k8sapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.clock.SimClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Discovery of autoscaling's two versions, in kube-apiserver 1.32's order: v2 (preferred) then v1. */
class KubeApiAutoscalingV1Test {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KubeApi api;

    @BeforeAll
    static void start() {
        api = new KubeApi(SimCluster.create(ClusterSpec.standard(), SimClock.manual(KubeApiHarness.START), 1));
    }

    private static String get(String path, String accept) {
        RecordingExchange exchange = new RecordingExchange();
        api.serve(new KubeRequest("GET", path, Map.of(), accept.isEmpty() ? Map.of() : Map.of("accept", accept),
                new byte[0]), exchange);
        assertEquals(200, exchange.response.status(), exchange.body());
        return exchange.body();
    }

    @Test
    void theGroupListsV2PreferredThenV1() {
        assertEquals("{\"kind\":\"APIGroup\",\"apiVersion\":\"v1\",\"name\":\"autoscaling\",\"versions\":["
                + "{\"groupVersion\":\"autoscaling/v2\",\"version\":\"v2\"},{\"groupVersion\":\"autoscaling/v1\","
                + "\"version\":\"v1\"}],\"preferredVersion\":{\"groupVersion\":\"autoscaling/v2\",\"version\":\"v2\"}}",
                get("/apis/autoscaling", "").trim());
    }

    @Test
    void v1ServesTheAutoscalersAndTheirStatus() {
        assertEquals("{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\",\"groupVersion\":\"autoscaling/v1\","
                + "\"resources\":[{\"name\":\"horizontalpodautoscalers\",\"singularName\":\"horizontalpodautoscaler\","
                + "\"namespaced\":true,\"kind\":\"HorizontalPodAutoscaler\",\"verbs\":[\"create\",\"delete\","
                + "\"deletecollection\",\"get\",\"list\",\"patch\",\"update\",\"watch\"],\"shortNames\":[\"hpa\"],"
                + "\"categories\":[\"all\"]},{\"name\":\"horizontalpodautoscalers/status\",\"singularName\":\"\","
                + "\"namespaced\":true,\"kind\":\"HorizontalPodAutoscaler\",\"verbs\":[\"get\",\"patch\",\"update\"]}]}",
                get("/apis/autoscaling/v1", "").trim());
    }

    @Test
    void aggregatedDiscoveryHasBothVersions() throws Exception {
        JsonNode groups = JSON.readTree(get("/apis", AggregatedDiscovery.contentType("v2")));
        List<String> versions = new ArrayList<>();
        for (JsonNode group : groups.path("items")) {
            if (group.path("metadata").path("name").asText().equals("autoscaling")) {
                group.path("versions").forEach(v -> versions.add(v.path("version").asText() + ":"
                        + v.path("resources").path(0).path("responseKind").path("version").asText()));
            }
        }
        assertEquals(List.of("v2:v2", "v1:v1"), versions);
    }
}
