package io.kubelab.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.model.ResourceTypes;
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
class LiveClusterTest extends LiveCluster {
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
    @Test
    void aRollingUpdateKeepsMaxUnavailableAndRecordsRevisions() {
        create(DEPLOYMENTS, deployment("web", "nginx:1.25", 4));
        assertTrue(settle(Duration.ofMinutes(5)).stable());
        List<Integer> available = watchAvailable("web");
        patch(DEPLOYMENTS, "web", "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:1.27\"}]}}}}");
        assertTrue(settle(Duration.ofMinutes(5)).stable());
        assertTrue(available.stream().allMatch(n -> n >= 3), "25% of 4 may be unavailable at most: " + available);
        List<String> revisions = list(REPLICASETS).stream().map(rs -> rs.path("metadata").path("annotations")
                .path("deployment.kubernetes.io/revision").asText() + " " + image(rs) + " " + rs.path("spec").path("replicas").asInt())
                .sorted().toList();
        assertEquals(List.of("1 nginx:1.25 0", "2 nginx:1.27 4"), revisions);
        assertTrue(list(PODS).stream().allMatch(p -> image(p).equals("nginx:1.27")
                && p.path("status").path("phase").asText().equals("Running")));
    }

    @Test
    void aBadImageStallsTheRolloutAndUndoingItRecovers() {
        create(DEPLOYMENTS, deployment("web", "nginx:1.27", 3));
        assertTrue(settle(Duration.ofMinutes(5)).stable());
        patch(DEPLOYMENTS, "web", "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:1.99-nope\"}]}}}}");
        settle(Duration.ofMinutes(2));
        List<String> waiting = list(PODS).stream().filter(p -> image(p).equals("nginx:1.99-nope"))
                .map(p -> p.path("status").path("containerStatuses").get(0).path("state").path("waiting").path("reason").asText())
                .toList();
        assertTrue(!waiting.isEmpty() && waiting.stream().allMatch(r -> r.equals("ImagePullBackOff") || r.equals("ErrImagePull")),
                waiting.toString());
        assertEquals(3, get(DEPLOYMENTS, "web").path("status").path("availableReplicas").asInt(), "the old pods keep serving");
        assertTrue(reasons().stream().anyMatch(r -> r.startsWith("Failed Failed to pull image \"nginx:1.99-nope\"")));
        // kubectl rollout undo: the previous revision's template goes back into the deployment.
        ObjectNode previous = list(REPLICASETS).stream().filter(rs -> rs.path("metadata").path("annotations")
                .path("deployment.kubernetes.io/revision").asText().equals("1")).findFirst().orElseThrow();
        patch(DEPLOYMENTS, "web", "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\""
                + image(previous) + "\"}]}}}}");
        assertTrue(settle(Duration.ofMinutes(5)).stable());
        JsonNode status = get(DEPLOYMENTS, "web").path("status");
        assertEquals(3, status.path("updatedReplicas").asInt());
        assertEquals(3, status.path("availableReplicas").asInt());
        assertEquals("3", get(REPLICASETS, previous.path("metadata").path("name").asText()).path("metadata")
                .path("annotations").path("deployment.kubernetes.io/revision").asText());
        assertTrue(list(PODS).stream().allMatch(p -> image(p).equals("nginx:1.27")));
    }

    @Test
    void aFailedNodesPodsAreReplacedOnceTheirTolerationRunsOut() {
        create(DEPLOYMENTS, deployment("web", "nginx", 2));
        assertTrue(settle(Duration.ofMinutes(5)).stable());
        ObjectNode onNode01 = list(PODS).stream().filter(p -> p.path("spec").path("nodeName").asText().equals("node01"))
                .findFirst().orElseThrow();
        Instant failed = cluster.clock().now();
        cluster.stop("node/node01");
        cluster.clock().advance(Duration.ofSeconds(300));
        assertEquals(2, list(PODS).stream().filter(p -> !p.path("metadata").has("deletionTimestamp")).count(),
                "nothing is evicted before the 300 s toleration");
        settle(Duration.ofMinutes(10));
        ObjectNode old = get(PODS, onNode01.path("metadata").path("name").asText());
        assertTrue(old.path("metadata").has("deletionTimestamp"), "the unreachable node's pod stays Terminating");
        List<ObjectNode> replacements = list(PODS).stream().filter(p -> !p.path("metadata").has("deletionTimestamp")).toList();
        assertEquals(2, replacements.size());
        for (ObjectNode pod : replacements) {
            assertEquals("node02", pod.path("spec").path("nodeName").asText());
            assertEquals("Running", pod.path("status").path("phase").asText());
        }
        Instant evicted = Instant.parse(old.path("metadata").path("deletionTimestamp").asText());
        assertTrue(!evicted.isBefore(failed.plusSeconds(300)), "evicted at " + evicted);
        assertTrue(reasons().stream().anyMatch(r -> r.startsWith("TaintManagerEviction Marking for deletion Pod default/")));
    }

    @Test
    void aJobWithBackoffLimitTwoFailsAfterThreePods() {
        create(JOBS, "{\"apiVersion\":\"batch/v1\",\"kind\":\"Job\",\"metadata\":{\"name\":\"fail\"},\"spec\":{\"backoffLimit\":2,"
                + "\"template\":{\"spec\":{\"restartPolicy\":\"Never\",\"containers\":[{\"name\":\"c\",\"image\":\"busybox\","
                + "\"command\":[\"sh\",\"-c\",\"exit 1\"]}]}}}}");
        assertTrue(settle(Duration.ofMinutes(10)).stable());
        JsonNode status = get(JOBS, "fail").path("status");
        assertEquals(3, status.path("failed").asInt());
        List<String> conditions = new ArrayList<>();
        status.path("conditions").forEach(c -> conditions.add(c.path("type").asText() + " " + c.path("reason").asText()));
        assertTrue(conditions.contains("Failed BackoffLimitExceeded"), conditions.toString());
        assertTrue(reasons().contains("BackoffLimitExceeded Job has reached the specified backoff limit"));
        assertEquals(3, list(PODS).stream().filter(p -> p.path("status").path("phase").asText().equals("Failed")).count());
    }

    @Test
    void aNodePortRequestReachesReadyBackendsOnly() {
        create(DEPLOYMENTS, deployment("web", "nginx", 2));
        create(PODS, "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"unready\",\"labels\":{\"app\":\"web\","
                + "\"role\":\"canary\"}},\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx\",\"readinessProbe\":"
                + "{\"httpGet\":{\"path\":\"/not-there\",\"port\":80}}}]}}");
        create(ResourceTypes.of("v1", "Service"), "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"web\"},"
                + "\"spec\":{\"type\":\"NodePort\",\"selector\":{\"app\":\"web\"},\"ports\":[{\"port\":80,\"nodePort\":30080}]}}");
        settle(Duration.ofMinutes(5));
        assertEquals("False", readyStatus(get(PODS, "unready")));
        int answered = 0;
        for (int i = 0; i < 20; i++) {
            var exchange = cluster.requestFromOutside("172.30.2.2", 30080, new io.kubelab.runtime.image.Network.HttpRequest(
                    "GET", "172.30.2.2:30080", "/", List.of(), "", "203.0.113.10", "curl/8.5.0"));
            var reply = ((io.kubelab.runtime.image.Network.Answered) exchange).reply();
            assertEquals(200, reply.status());
            assertTrue(reply.body().contains("Welcome to nginx!"));
            answered++;
        }
        assertEquals(20, answered);
        assertTrue(cluster.logs().read("default", "unready", "web", false).stream()
                .noneMatch(l -> l.text().contains("\"GET / HTTP/1.1\"")), "the unready pod never gets a request");
        long served = list(PODS).stream().filter(p -> !p.path("metadata").path("name").asText().equals("unready"))
                .mapToLong(p -> cluster.logs().read("default", p.path("metadata").path("name").asText(), "web", false).stream()
                        .filter(l -> l.text().contains("\"GET / HTTP/1.1\" 200")).count()).sum();
        assertEquals(20, served);
    }
    @Test
    void aClusterWithMetricsServerServesPodMetrics() {
        cluster = SimCluster.create(ClusterSpec.standard().withMetricsServer(true),
                SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 42);
        assertTrue(settle(Duration.ofMinutes(5)).stable());
        cluster.clock().advance(Duration.ofMinutes(1));
        JsonNode metrics = cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.LIST,
                ResourceTypes.of("metrics.k8s.io/v1beta1", "PodMetrics"), "kube-system", "")).body().path("items");
        assertTrue(metrics.size() >= 9, metrics.toString());
        assertTrue(metrics.get(0).path("containers").get(0).path("usage").path("cpu").asText().endsWith("n"));
    }
}
