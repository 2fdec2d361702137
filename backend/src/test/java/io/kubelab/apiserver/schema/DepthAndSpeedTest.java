package io.kubelab.apiserver.schema;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.RequestOptions.FieldValidation;
import io.kubelab.apiserver.StatusException;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DepthAndSpeedTest {

    private static final ResourceType POD = ResourceTypes.of("v1", "Pod");

    /** A pod whose unknown field {@code x} nests objects down to {@code depth} (the pod itself is level 1). */
    private static ObjectNode nestedPod(int depth) {
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", "Pod");
        ObjectNode node = root.putObject("x");
        for (int level = 3; level <= depth; level++) {
            node = node.putObject("a");
        }
        return root;
    }

    @Test
    void nestingBeyondGosScannerLimitIsRefusedBeforeDecoding() {
        StatusException e = assertThrows(StatusException.class,
                () -> StrictDecoding.check(nestedPod(10001), POD, FieldValidation.IGNORE));
        assertEquals(400, e.status().code());
        assertEquals("the object provided is unrecognized (must be of type Pod): couldn't get version/kind; json parse"
                + " error: invalid character '{' exceeded max depth ({\"apiVersion\":\"v1\",\"kind\":\"Pod ...)",
                e.status().message());
    }

    @Test
    void nestingAtTheLimitDecodes() {
        assertEquals(List.of("unknown field \"x\""), StrictDecoding.check(nestedPod(10000), POD, FieldValidation.WARN));
    }

    /** Not pass/fail: prints the median time of one check of a typical pod (it runs on every write). */
    @Test
    void medianCheckTimeOfATypicalPod() {
        ObjectNode pod = StrictDecodingTest.object("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"web\","
                + "\"namespace\":\"default\",\"labels\":{\"run\":\"web\",\"tier\":\"frontend\"},\"annotations\":{\"a\":\"b\"}},"
                + "\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:1.27\",\"ports\":[{\"containerPort\":80,"
                + "\"protocol\":\"TCP\"}],\"resources\":{\"limits\":{\"cpu\":\"500m\",\"memory\":\"128Mi\"},\"requests\":"
                + "{\"cpu\":\"100m\",\"memory\":\"64Mi\"}},\"env\":[{\"name\":\"MODE\",\"value\":\"prod\"}],"
                + "\"readinessProbe\":{\"httpGet\":{\"path\":\"/\",\"port\":80},\"periodSeconds\":5},"
                + "\"volumeMounts\":[{\"name\":\"data\",\"mountPath\":\"/data\"}]}],\"volumes\":[{\"name\":\"data\","
                + "\"emptyDir\":{}}],\"restartPolicy\":\"Always\",\"dnsPolicy\":\"ClusterFirst\","
                + "\"terminationGracePeriodSeconds\":30,\"tolerations\":[{\"key\":\"k\",\"operator\":\"Exists\","
                + "\"effect\":\"NoExecute\",\"tolerationSeconds\":300}]},\"status\":{}}");
        int batch = 1000;
        long[] medians = new long[41];
        for (int round = 0; round < 20 + medians.length; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < batch; i++) {
                StrictDecoding.check(pod, POD, FieldValidation.STRICT);
            }
            if (round >= 20) {
                medians[round - 20] = (System.nanoTime() - start) / batch;
            }
        }
        Arrays.sort(medians);
        System.out.println("StrictDecoding.check, typical pod: median " + medians[medians.length / 2] / 1000.0
                + " µs per check");
        assertEquals(List.of(), StrictDecoding.check(pod, POD, FieldValidation.STRICT));
    }
}
