package io.kubelab.apiserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** pkg/apis/autoscaling/v1 conversion: v1 to the stored v2 and back, field for field, and round trips. */
class HpaConversionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String META = "\"metadata\":{\"name\":\"web\",\"namespace\":\"default\",\"uid\":\"u-1\","
            + "\"resourceVersion\":\"90\",\"creationTimestamp\":\"2026-11-25T10:00:00Z\"}";
    static final String REF = "\"scaleTargetRef\":{\"kind\":\"Deployment\",\"name\":\"web\",\"apiVersion\":\"apps/v1\"}";

    /** What kubectl autoscale --min=2 --max=5 --cpu-percent=70 posts. */
    static final String AUTOSCALE_V1 = "{\"kind\":\"HorizontalPodAutoscaler\",\"apiVersion\":\"autoscaling/v1\","
            + META + ",\"spec\":{" + REF + ",\"minReplicas\":2,\"maxReplicas\":5,\"targetCPUUtilizationPercentage\":70},"
            + "\"status\":{\"currentReplicas\":0,\"desiredReplicas\":0}}";
    static final String AUTOSCALE_V2 = "{\"apiVersion\":\"autoscaling/v2\",\"kind\":\"HorizontalPodAutoscaler\","
            + META + ",\"spec\":{" + REF + ",\"minReplicas\":2,\"maxReplicas\":5,\"metrics\":[{\"type\":\"Resource\","
            + "\"resource\":{\"name\":\"cpu\",\"target\":{\"type\":\"Utilization\",\"averageUtilization\":70}}}]},"
            + "\"status\":{\"currentReplicas\":0,\"desiredReplicas\":0}}";

    /** A v2 autoscaler v1 cannot hold: a memory metric, a pods metric, current metrics and conditions. */
    static final String RICH_V2 = "{\"apiVersion\":\"autoscaling/v2\",\"kind\":\"HorizontalPodAutoscaler\","
            + META + ",\"spec\":{" + REF + ",\"minReplicas\":1,\"maxReplicas\":10,\"metrics\":["
            + "{\"type\":\"Resource\",\"resource\":{\"name\":\"memory\",\"target\":{\"type\":\"AverageValue\","
            + "\"averageValue\":\"500Mi\"}}},"
            + "{\"type\":\"Pods\",\"pods\":{\"metric\":{\"name\":\"qps\"},\"target\":{\"type\":\"AverageValue\","
            + "\"averageValue\":\"10\"}}},"
            + "{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\",\"target\":{\"type\":\"Utilization\","
            + "\"averageUtilization\":50}}}]},"
            + "\"status\":{\"observedGeneration\":1,\"currentReplicas\":3,\"desiredReplicas\":4,\"currentMetrics\":["
            + "{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\",\"current\":{\"averageValue\":\"120m\","
            + "\"averageUtilization\":60}}}],"
            + "\"conditions\":[{\"type\":\"AbleToScale\",\"status\":\"True\",\"lastTransitionTime\":"
            + "\"2026-11-25T10:01:00Z\",\"reason\":\"SucceededRescale\",\"message\":\"the HPA controller was able to "
            + "update the target scale to 4\"}]}}";
    static final String RICH_V1 = "{\"kind\":\"HorizontalPodAutoscaler\",\"apiVersion\":\"autoscaling/v1\","
            + "\"metadata\":{\"name\":\"web\",\"namespace\":\"default\",\"uid\":\"u-1\",\"resourceVersion\":\"90\","
            + "\"creationTimestamp\":\"2026-11-25T10:00:00Z\",\"annotations\":{"
            + "\"autoscaling.alpha.kubernetes.io/conditions\":\"[{\\\"type\\\":\\\"AbleToScale\\\",\\\"status\\\":"
            + "\\\"True\\\",\\\"lastTransitionTime\\\":\\\"2026-11-25T10:01:00Z\\\",\\\"reason\\\":\\\"SucceededRescale\\\","
            + "\\\"message\\\":\\\"the HPA controller was able to update the target scale to 4\\\"}]\","
            + "\"autoscaling.alpha.kubernetes.io/current-metrics\":\"[{\\\"type\\\":\\\"Resource\\\",\\\"resource\\\":"
            + "{\\\"name\\\":\\\"cpu\\\",\\\"currentAverageUtilization\\\":60,\\\"currentAverageValue\\\":\\\"120m\\\"}}]\","
            + "\"autoscaling.alpha.kubernetes.io/metrics\":\"[{\\\"type\\\":\\\"Resource\\\",\\\"resource\\\":{\\\"name\\\":"
            + "\\\"memory\\\",\\\"targetAverageValue\\\":\\\"500Mi\\\"}},{\\\"type\\\":\\\"Pods\\\",\\\"pods\\\":"
            + "{\\\"metricName\\\":\\\"qps\\\",\\\"targetAverageValue\\\":\\\"10\\\"}}]\"}},"
            + "\"spec\":{" + REF + ",\"minReplicas\":1,\"maxReplicas\":10,\"targetCPUUtilizationPercentage\":50},"
            + "\"status\":{\"observedGeneration\":1,\"currentReplicas\":3,\"desiredReplicas\":4,"
            + "\"currentCPUUtilizationPercentage\":60}}";

    @Test
    void theCpuTargetIsAResourceMetric() {
        assertEquals(AUTOSCALE_V2, HpaConversion.toV2(json(AUTOSCALE_V1)).toString());
        assertEquals(AUTOSCALE_V1, HpaConversion.toV1(json(AUTOSCALE_V2)).toString());
    }

    @Test
    void noTargetMeansEightyPercentCpu() {
        String v1 = AUTOSCALE_V1.replace(",\"targetCPUUtilizationPercentage\":70", "");
        assertEquals(AUTOSCALE_V2.replace("\"averageUtilization\":70", "\"averageUtilization\":80"),
                HpaConversion.toV2(json(v1)).toString());
    }

    @Test
    void whatV1CannotHoldTravelsInAnnotations() {
        assertEquals(RICH_V1, HpaConversion.toV1(json(RICH_V2)).toString());
    }

    @Test
    void roundTripsKeepEveryMetricAndCondition() {
        // Back in v2 the annotated metrics come first and the CPU target last, as upstream orders them; the
        // annotations are consumed.
        ObjectNode back = HpaConversion.toV2(json(RICH_V1));
        assertEquals("[\"memory\",\"qps\",\"cpu\"]", names(back));
        assertEquals(json(RICH_V2).path("status").toString(), back.path("status").toString());
        assertEquals("{\"name\":\"web\",\"namespace\":\"default\",\"uid\":\"u-1\",\"resourceVersion\":\"90\","
                + "\"creationTimestamp\":\"2026-11-25T10:00:00Z\"}", back.path("metadata").toString());
        assertEquals(RICH_V1, HpaConversion.toV1(back).toString());
        assertEquals(AUTOSCALE_V1, HpaConversion.toV1(HpaConversion.toV2(json(AUTOSCALE_V1))).toString());
    }

    @Test
    void everyMetricSourceConvertsBothWays() {
        String[][] cases = {
            {"{\"type\":\"Object\",\"object\":{\"describedObject\":{\"kind\":\"Ingress\",\"name\":\"main\","
                    + "\"apiVersion\":\"networking.k8s.io/v1\"},\"target\":{\"type\":\"Value\",\"value\":\"2k\"},"
                    + "\"metric\":{\"name\":\"requests-per-second\"}}}",
                "{\"type\":\"Object\",\"object\":{\"target\":{\"kind\":\"Ingress\",\"name\":\"main\",\"apiVersion\":"
                    + "\"networking.k8s.io/v1\"},\"metricName\":\"requests-per-second\",\"targetValue\":\"2k\"}}"},
            {"{\"type\":\"External\",\"external\":{\"metric\":{\"name\":\"queue\",\"selector\":{\"matchLabels\":"
                    + "{\"q\":\"jobs\"}}},\"target\":{\"type\":\"AverageValue\",\"averageValue\":\"30\"}}}",
                "{\"type\":\"External\",\"external\":{\"metricName\":\"queue\",\"metricSelector\":{\"matchLabels\":"
                    + "{\"q\":\"jobs\"}},\"targetAverageValue\":\"30\"}}"},
            {"{\"type\":\"ContainerResource\",\"containerResource\":{\"name\":\"cpu\",\"target\":{\"type\":"
                    + "\"AverageValue\",\"averageValue\":\"200m\"},\"container\":\"app\"}}",
                "{\"type\":\"ContainerResource\",\"containerResource\":{\"name\":\"cpu\",\"targetAverageValue\":"
                    + "\"200m\",\"container\":\"app\"}}"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], MetricsV1.specToV1(json(c[0])).toString(), c[0]);
            assertEquals(c[0], MetricsV1.specToV2(json(c[1])).toString(), c[1]);
        }
    }

    private static String names(ObjectNode hpa) {
        StringBuilder out = new StringBuilder("[");
        hpa.path("spec").path("metrics").forEach(m -> out.append(out.length() > 1 ? "," : "").append('"')
                .append(m.path("resource").path("name").asText(m.path("pods").path("metric").path("name").asText()))
                .append('"'));
        return out.append(']').toString();
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
