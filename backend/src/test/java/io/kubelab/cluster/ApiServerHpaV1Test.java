package io.kubelab.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.store.Store;
import io.kubelab.store.WatchEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.kubelab.cluster.ApiServerPipelineTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** autoscaling/v1 autoscalers through the API server: written and read in v1, stored and read in v2. */
class ApiServerHpaV1Test {

    static final ResourceType V1 = ResourceTypes.of("autoscaling/v1", "HorizontalPodAutoscaler");
    static final ResourceType V2 = ResourceTypes.of("autoscaling/v2", "HorizontalPodAutoscaler");
    static final String WEB = "{\"apiVersion\":\"autoscaling/v1\",\"kind\":\"HorizontalPodAutoscaler\",\"metadata\":"
            + "{\"name\":\"web\"},\"spec\":{\"scaleTargetRef\":{\"kind\":\"Deployment\",\"name\":\"web\",\"apiVersion\":"
            + "\"apps/v1\"},\"maxReplicas\":5,\"targetCPUUtilizationPercentage\":70}}";

    ApiServer api;

    @BeforeEach
    void setUp() {
        api = BootstrapTest.cluster().api();
    }

    ObjectNode call(ApiRequest request) {
        return api.handle(request).body();
    }

    ApiRequest request(Verb verb, ResourceType type, String name) {
        return ApiRequest.of(UserInfo.ADMIN, verb, type, "default", name);
    }

    @Test
    void createGetListWatchAndPatchThroughV1() {
        List<WatchEvent> seen = new ArrayList<>();
        String rv = call(request(Verb.LIST, V1, "")).path("metadata").path("resourceVersion").asText();
        Store.Watch watch = api.watch(request(Verb.WATCH, V1, "").withOptions(
                RequestOptions.DEFAULT.withResourceVersion(rv, false)), seen::add);

        ObjectNode created = call(request(Verb.CREATE, V1, "").withBody(json(WEB)));
        assertEquals("autoscaling/v1", created.path("apiVersion").asText());
        assertEquals("{\"scaleTargetRef\":{\"kind\":\"Deployment\",\"name\":\"web\",\"apiVersion\":\"apps/v1\"},"
                + "\"minReplicas\":1,\"maxReplicas\":5,\"targetCPUUtilizationPercentage\":70}",
                created.path("spec").toString());

        ObjectNode stored = call(request(Verb.GET, V2, "web"));
        assertEquals("[{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\",\"target\":{\"type\":\"Utilization\","
                + "\"averageUtilization\":70}}}]", stored.path("spec").path("metrics").toString());
        assertFalse(stored.path("spec").has("targetCPUUtilizationPercentage"));

        ObjectNode list = call(request(Verb.LIST, V1, ""));
        assertEquals("HorizontalPodAutoscalerList", list.path("kind").asText());
        assertEquals("autoscaling/v1", list.path("apiVersion").asText());
        assertEquals(70, list.path("items").get(0).path("spec").path("targetCPUUtilizationPercentage").asInt());

        ObjectNode patched = call(request(Verb.PATCH, V1, "web").withPatch(ApiRequest.PatchType.MERGE,
                json("{\"spec\":{\"targetCPUUtilizationPercentage\":55}}")));
        assertEquals(55, patched.path("spec").path("targetCPUUtilizationPercentage").asInt());
        assertEquals(55, call(request(Verb.GET, V2, "web")).path("spec").path("metrics").get(0).path("resource")
                .path("target").path("averageUtilization").asInt());

        watch.stop();
        assertEquals(List.of("ADDED autoscaling/v1 70", "MODIFIED autoscaling/v1 55"), seen.stream()
                .map(e -> e.type() + " " + e.object().path("apiVersion").asText() + " "
                        + e.object().path("spec").path("targetCPUUtilizationPercentage").asText()).toList());
    }

    @Test
    void aV2OnlyMetricSurvivesAV1Update() {
        call(request(Verb.CREATE, V2, "").withBody(json("{\"apiVersion\":\"autoscaling/v2\",\"kind\":"
                + "\"HorizontalPodAutoscaler\",\"metadata\":{\"name\":\"mem\"},\"spec\":{\"scaleTargetRef\":{\"kind\":"
                + "\"Deployment\",\"name\":\"web\",\"apiVersion\":\"apps/v1\"},\"maxReplicas\":3,\"metrics\":[{\"type\":"
                + "\"Resource\",\"resource\":{\"name\":\"memory\",\"target\":{\"type\":\"AverageValue\","
                + "\"averageValue\":\"500Mi\"}}}]}}")));
        ObjectNode v1 = call(request(Verb.GET, V1, "mem"));
        assertEquals("[{\"type\":\"Resource\",\"resource\":{\"name\":\"memory\",\"targetAverageValue\":\"500Mi\"}}]",
                v1.path("metadata").path("annotations").path("autoscaling.alpha.kubernetes.io/metrics").asText());
        ((ObjectNode) v1.path("spec")).put("maxReplicas", 4);
        call(request(Verb.UPDATE, V1, "mem").withBody(v1));
        ObjectNode stored = call(request(Verb.GET, V2, "mem"));
        assertEquals(4, stored.path("spec").path("maxReplicas").asInt());
        assertEquals("[{\"type\":\"Resource\",\"resource\":{\"name\":\"memory\",\"target\":{\"type\":\"AverageValue\","
                + "\"averageValue\":\"500Mi\"}}}]", stored.path("spec").path("metrics").toString());
        assertFalse(stored.path("metadata").has("annotations"), stored.path("metadata").toString());
    }

    @Test
    void errorsNameTheResourceAndTheVersion() {
        assertEquals("horizontalpodautoscalers.autoscaling \"nope\" not found", assertThrows(StatusException.class,
                () -> call(request(Verb.GET, V1, "nope"))).getMessage());
        StatusException wrongVersion = assertThrows(StatusException.class, () -> call(request(Verb.CREATE, V1, "")
                .withBody(json(WEB.replace("autoscaling/v1", "autoscaling/v2")))));
        assertEquals("the API version in the data (autoscaling/v2) does not match the expected API version "
                + "(autoscaling/v1)", wrongVersion.getMessage());
        StatusException invalid = assertThrows(StatusException.class, () -> call(request(Verb.CREATE, V1, "")
                .withBody(json(WEB.replace("\"maxReplicas\":5", "\"maxReplicas\":0")))));
        assertEquals(422, invalid.status().code());
    }
}
