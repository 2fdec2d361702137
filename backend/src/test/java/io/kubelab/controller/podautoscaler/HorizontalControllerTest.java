package io.kubelab.controller.podautoscaler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.cluster.MetricsServerAddon;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The HPA walkthrough on a live cluster: metrics-server, php-apache, a load generator, scale up and down. */
class HorizontalControllerTest extends io.kubelab.cluster.LiveCluster {

    static final ResourceType SERVICES = ResourceTypes.of("v1", "Service");
    static final ResourceType HPAS = ResourceTypes.of("autoscaling/v2", "HorizontalPodAutoscaler");
    static final ResourceType POD_METRICS = ResourceTypes.of("metrics.k8s.io/v1beta1", "PodMetrics");
    static final ResourceType NODE_METRICS = ResourceTypes.of("metrics.k8s.io/v1beta1", "NodeMetrics");

    JsonNode list(ResourceType type, String namespace, String labels) {
        return cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.LIST, type, namespace, "")
                .withOptions(RequestOptions.DEFAULT.withSelectors(labels, ""))).body();
    }

    void installMetricsServer() {
        MetricsServerAddon.install(cluster.api(), cluster.clock().now());
        cluster.clock().settle(cluster::stable, Duration.ofMinutes(2));
        cluster.clock().advance(Duration.ofSeconds(40));
    }

    void phpApache(boolean requests) {
        create(DEPLOYMENTS, "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"php-apache\"},"
                + "\"spec\":{\"selector\":{\"matchLabels\":{\"run\":\"php-apache\"}},\"template\":{\"metadata\":{\"labels\":"
                + "{\"run\":\"php-apache\"}},\"spec\":{\"containers\":[{\"name\":\"php-apache\",\"image\":"
                + "\"registry.k8s.io/hpa-example\",\"ports\":[{\"containerPort\":80}]"
                + (requests ? ",\"resources\":{\"limits\":{\"cpu\":\"500m\"},\"requests\":{\"cpu\":\"200m\"}}" : "")
                + "}]}}}}");
        create(SERVICES, "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"php-apache\",\"labels\":"
                + "{\"run\":\"php-apache\"}},\"spec\":{\"ports\":[{\"port\":80}],\"selector\":{\"run\":\"php-apache\"}}}");
        create(HPAS, "{\"apiVersion\":\"autoscaling/v2\",\"kind\":\"HorizontalPodAutoscaler\",\"metadata\":{\"name\":"
                + "\"php-apache\"},\"spec\":{\"scaleTargetRef\":{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\","
                + "\"name\":\"php-apache\"},\"minReplicas\":1,\"maxReplicas\":10,\"metrics\":[{\"type\":\"Resource\","
                + "\"resource\":{\"name\":\"cpu\",\"target\":{\"type\":\"Utilization\",\"averageUtilization\":50}}}]}}");
        cluster.clock().settle(cluster::stable, Duration.ofMinutes(2));
    }

    List<String> events() {
        List<String> out = new ArrayList<>();
        for (ObjectNode e : cluster.api().peekAll(EVENTS, "default")) {
            if (e.path("involvedObject").path("kind").asText().equals("HorizontalPodAutoscaler")) {
                out.add(e.path("type").asText() + " " + e.path("reason").asText() + " " + e.path("message").asText());
            }
        }
        return out;
    }

    JsonNode hpaStatus() {
        return cluster.api().peek(HPAS, "default", "php-apache").orElseThrow().path("status");
    }

    int replicas() {
        return cluster.api().peek(DEPLOYMENTS, "default", "php-apache").orElseThrow().path("spec").path("replicas").asInt();
    }

    @Test
    void metricsApiAnswersAsMetricsServerDoes() {
        installMetricsServer();
        cluster.clock().advance(Duration.ofSeconds(30));
        JsonNode pods = list(POD_METRICS, "kube-system", "k8s-app=kube-dns");
        assertEquals("PodMetricsList", pods.path("kind").asText());
        assertEquals("metrics.k8s.io/v1beta1", pods.path("apiVersion").asText());
        assertEquals("{}", pods.path("metadata").toString());
        assertEquals(2, pods.path("items").size(), pods.toString());
        JsonNode item = pods.path("items").get(0);
        assertEquals("[name, namespace, creationTimestamp, labels]", fields(item.path("metadata")));
        assertEquals("[metadata, timestamp, window, containers]", fields(item));
        assertTrue(item.path("window").asText().matches("1[45]\\.\\d{1,3}s"), item.toString());
        JsonNode usage = item.path("containers").get(0).path("usage");
        assertEquals("coredns", item.path("containers").get(0).path("name").asText());
        assertTrue(usage.path("cpu").asText().matches("\\d+n"), usage.toString());
        assertTrue(usage.path("memory").asText().matches("\\d+Ki"), usage.toString());
        JsonNode nodes = list(NODE_METRICS, "", "");
        assertEquals(3, nodes.path("items").size());
        assertEquals("[metadata, timestamp, window, usage]", fields(nodes.path("items").get(0)));
        JsonNode node = cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.GET, NODE_METRICS, "", "node01")).body();
        assertEquals("NodeMetrics", node.path("kind").asText());
        StatusException missing = expectError(() -> cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.GET,
                POD_METRICS, "default", "nope")));
        assertEquals("pods \"nope\" not found", missing.status().message());
    }

    @Test
    void anUnavailableMetricsServerAnswers503() {
        StatusException e = expectError(() -> list(POD_METRICS, "default", ""));
        assertEquals(503, e.status().code());
        assertEquals("ServiceUnavailable", e.status().reason());
        assertEquals("the server is currently unable to handle the request (get pods.metrics.k8s.io)", e.status().message());
        installMetricsServer();
        assertEquals("PodMetricsList", list(POD_METRICS, "default", "").path("kind").asText());
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.PATCH, DEPLOYMENTS, "kube-system", "metrics-server")
                .withSubresource("scale").withPatch(ApiRequest.PatchType.MERGE, JSON.createObjectNode()
                        .set("spec", JSON.createObjectNode().put("replicas", 0))));
        cluster.clock().settle(cluster::stable, Duration.ofMinutes(2));
        StatusException gone = expectError(() -> cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.GET,
                NODE_METRICS, "", "node01")));
        assertEquals("the server is currently unable to handle the request (get nodes.metrics.k8s.io node01)",
                gone.status().message());
    }

    @Test
    void scalesPhpApacheUpUnderLoadAndDownAfterStabilization() {
        installMetricsServer();
        phpApache(true);
        cluster.clock().advance(Duration.ofMinutes(1));
        assertEquals(1, replicas());
        // Right after the pod starts metrics-server has no two scrapes of it yet, as on a real cluster.
        assertEquals("Warning FailedGetResourceMetric unable to get metrics for resource cpu: no metrics returned from "
                + "resource metrics API", events().get(0));
        int before = events().size();
        create(PODS, "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"load-generator\"},\"spec\":"
                + "{\"restartPolicy\":\"Never\",\"containers\":[{\"name\":\"load-generator\",\"image\":\"busybox:1.28\","
                + "\"command\":[\"/bin/sh\",\"-c\",\"while sleep 0.01; do wget -q -O- http://php-apache; done\"]}]}}");
        cluster.clock().advance(Duration.ofMinutes(1));
        assertTrue(replicas() > 1, "replicas " + replicas() + " " + hpaStatus());
        assertEquals("Normal SuccessfulRescale New size: 4; reason: cpu resource utilization (percentage of request) above target",
                events().get(before));
        cluster.clock().advance(Duration.ofMinutes(4));
        int peak = replicas();
        assertTrue(peak >= 5 && peak <= 10, "peak " + peak + " " + events());
        JsonNode status = hpaStatus();
        assertEquals(peak, status.path("currentReplicas").asInt());
        assertEquals("cpu", status.path("currentMetrics").get(0).path("resource").path("name").asText());
        assertEquals("[AbleToScale, ScalingActive, ScalingLimited]", types(status.path("conditions")));
        assertEquals("ValidMetricFound", status.path("conditions").get(1).path("reason").asText());
        assertEquals("the HPA was able to successfully calculate a replica count from cpu resource utilization "
                + "(percentage of request)", status.path("conditions").get(1).path("message").asText());

        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.DELETE, PODS, "default", "load-generator"));
        cluster.clock().advance(Duration.ofMinutes(3));
        assertEquals(peak, replicas(), "the 5-minute scale-down stabilization holds the peak");
        assertEquals("ScaleDownStabilized", hpaStatus().path("conditions").get(0).path("reason").asText());
        cluster.clock().advance(Duration.ofMinutes(4));
        assertEquals(1, replicas(), events().toString());
        List<String> events = events();
        assertEquals("Normal SuccessfulRescale New size: 1; reason: All metrics below target", events.get(events.size() - 1));
    }

    @Test
    void aTargetWithoutRequestsCannotBeScaled() {
        installMetricsServer();
        phpApache(false);
        cluster.clock().advance(Duration.ofMinutes(1));
        String pod = cluster.api().peekAll(PODS, "default").get(0).path("metadata").path("name").asText();
        List<String> events = events().stream().filter(e -> e.contains("missing request")).toList();
        assertEquals("Warning FailedGetResourceMetric missing request for cpu in container php-apache of Pod " + pod,
                events.get(0));
        assertEquals("Warning FailedComputeMetricsReplicas invalid metrics (1 invalid out of 1), first error is: failed to "
                + "get cpu resource metric value: failed to get cpu utilization: missing request for cpu in container "
                + "php-apache of Pod " + pod, events.get(1));
        JsonNode status = hpaStatus();
        assertEquals("[AbleToScale, ScalingActive]", types(status.path("conditions")));
        JsonNode active = status.path("conditions").get(1);
        assertEquals("False FailedGetResourceMetric the HPA was unable to compute the replica count: missing request "
                + "for cpu in container php-apache of Pod " + pod, active.path("status").asText() + " "
                + active.path("reason").asText() + " " + active.path("message").asText());
        assertEquals("[{\"type\":\"\"}]", status.path("currentMetrics").toString());
        assertEquals(1, status.path("currentReplicas").asInt());
    }

    @Test
    void withoutMetricsServerTheHpaReportsTheUnavailableApi() {
        phpApache(true);
        cluster.clock().advance(Duration.ofSeconds(30));
        assertEquals("Warning FailedGetResourceMetric unable to get metrics for resource cpu: unable to fetch metrics from "
                + "resource metrics API: the server is currently unable to handle the request (get pods.metrics.k8s.io)",
                events().get(0));
    }

    static String fields(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out.toString();
    }

    static String types(JsonNode conditions) {
        List<String> out = new ArrayList<>();
        conditions.forEach(c -> out.add(c.path("type").asText()));
        return out.toString();
    }

    static StatusException expectError(Runnable r) {
        try {
            r.run();
        } catch (StatusException e) {
            return e;
        }
        return fail("no error");
    }
}
