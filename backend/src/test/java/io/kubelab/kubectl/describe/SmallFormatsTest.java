package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one-line formats describers share: generic labels, probes, taints. */
class SmallFormatsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "holderIdentity, Holder Identity", "apiVersion, API Version", "uid, UID", "kind, Kind",
            "leaseDurationSeconds, Lease Duration Seconds", "podCIDR, Pod CIDR", "PDFLoader, PDF Loader",
            "ownerReferences, Owner References", "osbGuid, OSB GUID", "v1beta1, v1beta1", "kube-proxy, Kube - Proxy"
    })
    void smartLabels(String field, String expected) {
        assertEquals(expected, GenericDescriber.smartLabel(field));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"httpGet\":{\"path\":\"/\",\"port\":80,\"scheme\":\"HTTP\"},\"timeoutSeconds\":1,\"periodSeconds\":10,\"successThreshold\":1,\"failureThreshold\":3}"
                    + " | http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3",
            "{\"httpGet\":{\"host\":\"example.com\",\"path\":\"healthz\",\"port\":\"web\",\"scheme\":\"HTTPS\"}}"
                    + " | http-get https://example.com:web/healthz delay=0s timeout=0s period=0s #success=0 #failure=0",
            "{\"httpGet\":{\"host\":\"::1\",\"port\":8080,\"scheme\":\"HTTP\"}} | http-get http://[::1]:8080 delay=0s timeout=0s period=0s #success=0 #failure=0",
            "{\"tcpSocket\":{\"port\":5432},\"initialDelaySeconds\":15} | tcp-socket :5432 delay=15s timeout=0s period=0s #success=0 #failure=0",
            "{\"exec\":{\"command\":[\"cat\",\"/tmp/ok\"]}} | exec [cat /tmp/ok] delay=0s timeout=0s period=0s #success=0 #failure=0",
            "{\"grpc\":{\"port\":9000,\"service\":\"\"}} | grpc <pod>:9000  delay=0s timeout=0s period=0s #success=0 #failure=0",
            "{} | unknown delay=0s timeout=0s period=0s #success=0 #failure=0"
    })
    void probes(String probe, String expected) throws Exception {
        assertEquals(expected, Probes.describe(DescribeScenario.JSON.readTree(probe)));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "null | <nil>", "[\"a\",\"b\"] | [a b]", "[[1,2],true] | [[1 2] true]",
            "[{\"z\":1,\"a\":[\"x\"]}] | [map[a:[x] z:1]]", "0.5 | 0.5"
    })
    void goValues(String json, String expected) throws Exception {
        assertEquals(expected, GenericDescriber.scalar(DescribeScenario.JSON.readTree(json)));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"key\":\"node-role.kubernetes.io/control-plane\",\"effect\":\"NoSchedule\"} | node-role.kubernetes.io/control-plane:NoSchedule",
            "{\"key\":\"dedicated\",\"value\":\"gpu\",\"effect\":\"NoExecute\"} | dedicated=gpu:NoExecute",
            "{\"key\":\"dedicated\",\"value\":\"gpu\"} | dedicated=gpu:",
            "{\"key\":\"bare\"} | bare"
    })
    void taints(String taint, String expected) throws Exception {
        JsonNode t = DescribeScenario.JSON.readTree(taint);
        assertEquals(expected, Meta.taint(t));
    }
}
