package io.kubelab.controller.disruption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.controller.nodelifecycle.ClusterFixture;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.kubelab.controller.nodelifecycle.ClusterFixture.PODS;
import static io.kubelab.controller.nodelifecycle.ClusterFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DisruptionControllerTest {

    static final ResourceType PDBS = ResourceTypes.of("policy/v1", "PodDisruptionBudget");
    static final ResourceType RSS = ResourceTypes.of("apps/v1", "ReplicaSet");

    ClusterFixture f = new ClusterFixture();

    /** A ReplicaSet of {@code replicas} with three of its pods Running and Ready (the test plays the RS controller). */
    void workload(int replicas) {
        // The scale, not the replicaset controller, is under test: it must not make up the missing pods.
        f.cluster.stop("controller-manager/replicaset");
        ObjectNode rs = f.call(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, RSS, "default", "").withBody(json(
                "{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\",\"metadata\":{\"name\":\"web\"},\"spec\":{\"replicas\":"
                        + replicas + ",\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":"
                        + "{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx\"}]}}}}")));
        for (int i = 1; i <= 3; i++) {
            f.runningPod("web-" + i, "", "");
            f.patch(PODS, "default", "web-" + i, "", "{\"metadata\":{\"ownerReferences\":[{\"apiVersion\":\"apps/v1\","
                    + "\"kind\":\"ReplicaSet\",\"name\":\"web\",\"uid\":\"" + rs.path("metadata").path("uid").asText()
                    + "\",\"controller\":true,\"blockOwnerDeletion\":true}]}}");
        }
    }

    void budget(String spec) {
        f.call(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, PDBS, "default", "").withBody(json("{\"apiVersion\":\"policy/v1\","
                + "\"kind\":\"PodDisruptionBudget\",\"metadata\":{\"name\":\"web-pdb\"},\"spec\":{" + spec
                + ",\"selector\":{\"matchLabels\":{\"app\":\"web\"}}}}")));
    }

    JsonNode status() {
        assertTrue(f.settle(Duration.ofMinutes(1)).stable());
        return f.get(PDBS, "default", "web-pdb").path("status");
    }

    ApiRequest evict(String pod) {
        return ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, PODS, "default", pod).withSubresource("eviction")
                .withBody(json("{\"apiVersion\":\"policy/v1\",\"kind\":\"Eviction\",\"metadata\":{\"name\":\"" + pod
                        + "\",\"namespace\":\"default\"}}"));
    }

    @ParameterizedTest(name = "{0} with {1} replicas")
    @CsvSource(delimiter = ';', value = {
            "\"minAvailable\":2;     5; 3; 2; 1; SufficientPods",
            "\"minAvailable\":3;     5; 3; 3; 0; InsufficientPods",
            "\"minAvailable\":\"50%\"; 5; 5; 3; 0; InsufficientPods",
            "\"minAvailable\":\"50%\"; 3; 3; 2; 1; SufficientPods",
            "\"maxUnavailable\":1;   3; 3; 2; 1; SufficientPods",
            "\"maxUnavailable\":\"34%\"; 3; 3; 1; 2; SufficientPods",
            "\"maxUnavailable\":0;   3; 3; 3; 0; InsufficientPods"})
    void statusCountsAgainstTheControllersScale(String spec, int replicas, int expected, int desired, int allowed, String reason) {
        workload(replicas);
        budget(spec);
        JsonNode status = status();
        assertEquals(expected, status.path("expectedPods").asInt());
        assertEquals(desired, status.path("desiredHealthy").asInt());
        assertEquals(3, status.path("currentHealthy").asInt());
        assertEquals(allowed, status.path("disruptionsAllowed").asInt());
        assertEquals(1, status.path("observedGeneration").asInt());
        assertEquals("{\"type\":\"DisruptionAllowed\",\"status\":\"" + (allowed > 0 ? "True" : "False")
                + "\",\"observedGeneration\":1,\"lastTransitionTime\":\"2026-11-25T10:00:00Z\",\"reason\":\"" + reason
                + "\",\"message\":\"\"}", status.path("conditions").get(0).toString());
    }

    @Test
    void evictionsWaitForTheStatusThenSpendTheBudget() {
        workload(3);
        budget("\"minAvailable\":2");
        StatusException early = assertThrows(StatusException.class, () -> f.call(evict("web-1")));
        assertEquals(429, early.status().code());
        assertEquals("The disruption budget web-pdb is still being processed by the server.",
                early.status().details().orElseThrow().causes().get(0).message());

        assertEquals(1, status().path("disruptionsAllowed").asInt());
        assertEquals(201, f.cluster.api().handle(evict("web-1")).code());
        JsonNode after = status();
        assertEquals(0, after.path("disruptionsAllowed").asInt());
        assertEquals(2, after.path("currentHealthy").asInt());

        StatusException refused = assertThrows(StatusException.class, () -> f.call(evict("web-2")));
        assertEquals(429, refused.status().code());
        assertEquals("Cannot evict pod as it would violate the pod's disruption budget.", refused.status().message());
        assertEquals("The disruption budget web-pdb needs 2 healthy pods and has 2 currently",
                refused.status().details().orElseThrow().causes().get(0).message());
    }

    @Test
    void unmanagedPodsWithAPercentageAreReported() {
        f.runningPod("solo", "", "");
        budget("\"maxUnavailable\":\"50%\"");
        JsonNode status = status();
        assertEquals(0, status.path("expectedPods").asInt());
        assertEquals(0, status.path("disruptionsAllowed").asInt());
        // Recorded on each sync, as Kubernetes does: once for the new budget, once more for its status update.
        assertEquals(List.of("Warning UnmanagedPods PodDisruptionBudget/web-pdb: Pods selected "
                + "by this PodDisruptionBudget (selector: &LabelSelector{MatchLabels:map[string]string{app: web,},"
                + "MatchExpressions:[]LabelSelectorRequirement{},}) were found to be unmanaged. As a result, the status of "
                + "the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these "
                + "pods please set \".spec.minAvailable\" field of the PDB to an integer value. (x2)"), f.events("controllermanager"));
    }
}
