package io.kubelab.controller.statefulset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.controller.Informers;
import io.kubelab.controller.history.PlayedNodes;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatefulSetControllerTest {

    SimCluster cluster;
    PlayedNodes nodes;

    @BeforeEach
    void setUp() {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 3);
        nodes = new PlayedNodes(cluster);
    }

    static ObjectNode json(String text) throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(text);
    }

    void createWeb(int replicas, String specExtra) throws Exception {
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, StatefulSetController.STATEFUL_SETS, "default", "")
                .withBody(json("{\"apiVersion\":\"apps/v1\",\"kind\":\"StatefulSet\",\"metadata\":{\"name\":\"web\"},"
                        + "\"spec\":{\"replicas\":" + replicas + ",\"serviceName\":\"nginx\"," + specExtra
                        + "\"selector\":{\"matchLabels\":{\"app\":\"nginx\"}},\"template\":{\"metadata\":"
                        + "{\"labels\":{\"app\":\"nginx\"}},\"spec\":{\"containers\":[{\"name\":\"nginx\","
                        + "\"image\":\"nginx:1.26\"}]}}}}")));
    }

    void patch(String patch) throws Exception {
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.PATCH, StatefulSetController.STATEFUL_SETS, "default", "web")
                .withPatch(ApiRequest.PatchType.MERGE, json(patch)));
    }

    /** Pod names with a mark: '+' running and ready, '.' not yet, '-' terminating. */
    String state() {
        List<String> out = new ArrayList<>();
        for (ObjectNode pod : nodes.pods("default")) {
            String mark = ObjectMeta.deleting(pod) ? "-" : pod.path("status").path("phase").asText().equals("Running") ? "+" : ".";
            out.add(ObjectMeta.name(pod) + mark);
        }
        return String.join(" ", out);
    }

    List<String> timeline(int steps) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            nodes.settle();
            out.add(state());
            nodes.step("default");
        }
        return out;
    }

    List<String> events() {
        List<String> out = new ArrayList<>();
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.LIST, ResourceTypes.of("v1", "Event"), "default", ""))
                .body().path("items").forEach(e -> out.add(e.path("source").path("component").asText() + " "
                        + e.path("reason").asText() + " " + e.path("message").asText()));
        // Only this controller's: the volume binder reports on the claims too.
        return out.stream().filter(e -> e.startsWith(StatefulSetController.SOURCE + " ")).toList();
    }

    JsonNode web() {
        return cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.GET, StatefulSetController.STATEFUL_SETS,
                "default", "web")).body();
    }

    @Test
    void podsAreCreatedInOrderEachAfterThePreviousIsReadyAndRemovedInReverse() throws Exception {
        createWeb(3, "");
        assertEquals(List.of("web-0.", "web-0.", "web-0+ web-1.", "web-0+ web-1.", "web-0+ web-1+ web-2.",
                "web-0+ web-1+ web-2.", "web-0+ web-1+ web-2+"), timeline(7));
        ObjectNode pod = nodes.pods("default").get(0);
        assertEquals("{\"app\":\"nginx\",\"statefulset.kubernetes.io/pod-name\":\"web-0\",\"apps.kubernetes.io/pod-index\":"
                + "\"0\",\"controller-revision-hash\":\"" + web().path("status").path("updateRevision").asText() + "\"}",
                pod.path("metadata").path("labels").toString());
        assertEquals("web-0", pod.path("spec").path("hostname").asText());
        assertEquals("nginx", pod.path("spec").path("subdomain").asText());
        JsonNode status = web().path("status");
        assertEquals(3, status.path("replicas").asInt());
        assertEquals(3, status.path("readyReplicas").asInt());
        assertEquals(3, status.path("availableReplicas").asInt());
        assertEquals(3, status.path("currentReplicas").asInt());
        assertEquals(3, status.path("updatedReplicas").asInt());
        assertEquals(status.path("currentRevision"), status.path("updateRevision"));

        patch("{\"spec\":{\"replicas\":1}}");
        assertEquals(List.of("web-0+ web-1+ web-2-", "web-0+ web-1-", "web-0+"), timeline(3));
        assertEquals(List.of(
                "statefulset-controller SuccessfulCreate create Pod web-0 in StatefulSet web successful",
                "statefulset-controller SuccessfulCreate create Pod web-1 in StatefulSet web successful",
                "statefulset-controller SuccessfulCreate create Pod web-2 in StatefulSet web successful",
                "statefulset-controller SuccessfulDelete delete Pod web-2 in StatefulSet web successful",
                "statefulset-controller SuccessfulDelete delete Pod web-1 in StatefulSet web successful"), events());
    }

    @Test
    void claimsComeFromTemplatesBeforeThePodAndStayOnScaleDown() throws Exception {
        createWeb(2, "\"volumeClaimTemplates\":[{\"metadata\":{\"name\":\"www\"},\"spec\":{\"accessModes\":"
                + "[\"ReadWriteOnce\"],\"resources\":{\"requests\":{\"storage\":\"1Gi\"}}}}],");
        timeline(6);
        patch("{\"spec\":{\"replicas\":1}}");
        timeline(2);
        List<String> claims = new ArrayList<>();
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.LIST, StatefulPodControl.CLAIMS, "default", ""))
                .body().path("items").forEach(c -> claims.add(ObjectMeta.name(c) + " " + c.path("metadata").path("labels")
                        + " " + c.path("metadata").path("ownerReferences").size()));
        assertEquals(List.of("www-web-0 {\"app\":\"nginx\"} 0", "www-web-1 {\"app\":\"nginx\"} 0"), claims);
        assertEquals("www-web-0", nodes.pods("default").get(0).path("spec").path("volumes").get(0)
                .path("persistentVolumeClaim").path("claimName").asText());
        assertEquals(List.of(
                "statefulset-controller SuccessfulCreate create Claim www-web-0 Pod web-0 in StatefulSet web success",
                "statefulset-controller SuccessfulCreate create Pod web-0 in StatefulSet web successful",
                "statefulset-controller SuccessfulCreate create Claim www-web-1 Pod web-1 in StatefulSet web success",
                "statefulset-controller SuccessfulCreate create Pod web-1 in StatefulSet web successful",
                "statefulset-controller SuccessfulDelete delete Pod web-1 in StatefulSet web successful"), events());
    }

    @Test
    void whenDeletedDeleteMakesTheSetTheClaimsController() throws Exception {
        createWeb(1, "\"persistentVolumeClaimRetentionPolicy\":{\"whenDeleted\":\"Delete\",\"whenScaled\":\"Retain\"},"
                + "\"volumeClaimTemplates\":[{\"metadata\":{\"name\":\"www\"},\"spec\":{\"accessModes\":"
                + "[\"ReadWriteOnce\"],\"resources\":{\"requests\":{\"storage\":\"1Gi\"}}}}],");
        timeline(3);
        JsonNode ref = cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.GET, StatefulPodControl.CLAIMS, "default",
                "www-web-0")).body().path("metadata").path("ownerReferences");
        assertEquals("[{\"apiVersion\":\"apps/v1\",\"kind\":\"StatefulSet\",\"name\":\"web\",\"uid\":\""
                + ObjectMeta.uid(web()) + "\",\"controller\":true,\"blockOwnerDeletion\":true}]", ref.toString());
    }

    @Test
    void aPartitionedRollingUpdateOnlyReplacesOrdinalsAtOrAboveThePartition() throws Exception {
        createWeb(3, "\"updateStrategy\":{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"partition\":1}},");
        timeline(7);
        String first = web().path("status").path("currentRevision").asText();
        patch("{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"nginx\",\"image\":\"nginx:1.27\"}]}}}}");
        assertEquals(List.of("web-0+ web-1+ web-2-", "web-0+ web-1+ web-2.", "web-0+ web-1+ web-2.",
                "web-0+ web-1- web-2+", "web-0+ web-1. web-2+", "web-0+ web-1. web-2+", "web-0+ web-1+ web-2+"), timeline(7));
        List<String> revisions = new ArrayList<>();
        for (ObjectNode pod : nodes.pods("default")) {
            revisions.add(pod.path("metadata").path("labels").path("controller-revision-hash").asText().equals(first)
                    ? "old" : "new");
        }
        assertEquals(List.of("old", "new", "new"), revisions);
        JsonNode status = web().path("status");
        assertEquals(first, status.path("currentRevision").asText());
        assertEquals(1, status.path("currentReplicas").asInt());
        assertEquals(2, status.path("updatedReplicas").asInt());
    }
}
