package io.kubelab.controller.volume;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersistentVolumeControllerTest {

    static final ResourceType CLAIMS = ResourceTypes.of("v1", "PersistentVolumeClaim");
    static final ResourceType VOLUMES = ResourceTypes.of("v1", "PersistentVolume");

    SimCluster cluster;

    @BeforeEach
    void setUp() {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 3);
    }

    ObjectNode call(ApiRequest request) {
        return cluster.api().handle(request).body();
    }

    void settle() {
        assertTrue(cluster.clock().settle(cluster::stable, Duration.ofMinutes(1)).stable());
    }

    static ObjectNode json(String text) throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(text);
    }

    static String claim(String name, String extra) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"PersistentVolumeClaim\",\"metadata\":{\"name\":\"" + name + "\"" + extra
                + "},\"spec\":{\"accessModes\":[\"ReadWriteOnce\"],\"resources\":{\"requests\":{\"storage\":\"1Gi\"}}}}";
    }

    ObjectNode get(ResourceType type, String namespace, String name) {
        return call(ApiRequest.of(UserInfo.ADMIN, Verb.GET, type, namespace, name));
    }

    @Test
    void theDefaultClassWaitsForItsFirstConsumer() throws Exception {
        ObjectNode created = call(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, CLAIMS, "default", "")
                .withBody(json(claim("data", ""))));
        assertEquals("standard", created.path("spec").path("storageClassName").asText());
        assertEquals("kubernetes.io/pvc-protection", created.path("metadata").path("finalizers").get(0).asText());
        settle();
        assertEquals("Pending", get(CLAIMS, "default", "data").path("status").path("phase").asText());

        call(ApiRequest.of(UserInfo.ADMIN, Verb.PATCH, CLAIMS, "default", "data").withPatch(ApiRequest.PatchType.MERGE,
                json("{\"metadata\":{\"annotations\":{\"volume.kubernetes.io/selected-node\":\"node02\"}}}")));
        settle();
        ObjectNode bound = get(CLAIMS, "default", "data");
        assertEquals("Bound", bound.path("status").path("phase").asText());
        String volumeName = bound.path("spec").path("volumeName").asText();
        assertEquals("pvc-" + bound.path("metadata").path("uid").asText(), volumeName);
        assertEquals("1Gi", bound.path("status").path("capacity").path("storage").asText());
        ObjectNode volume = get(VOLUMES, "", volumeName);
        assertEquals("Bound", volume.path("status").path("phase").asText());
        assertEquals("node02", volume.path("spec").path("nodeAffinity").path("required").path("nodeSelectorTerms")
                .get(0).path("matchExpressions").get(0).path("values").get(0).asText());

        call(ApiRequest.of(UserInfo.ADMIN, Verb.DELETE, CLAIMS, "default", "data"));
        settle();
        assertEquals(404, assertThrows(StatusException.class, () -> get(CLAIMS, "default", "data")).status().code());
        assertEquals(404, assertThrows(StatusException.class, () -> get(VOLUMES, "", volumeName)).status().code());
    }

    @Test
    void aClaimBindsToAMatchingVolumeOfItsClass() throws Exception {
        call(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, VOLUMES, "", "").withBody(json("{\"apiVersion\":\"v1\","
                + "\"kind\":\"PersistentVolume\",\"metadata\":{\"name\":\"manual-pv\"},\"spec\":{\"accessModes\":"
                + "[\"ReadWriteOnce\"],\"capacity\":{\"storage\":\"5Gi\"},\"hostPath\":{\"path\":\"/data\"},"
                + "\"persistentVolumeReclaimPolicy\":\"Retain\",\"storageClassName\":\"manual\"}}")));
        settle();
        assertEquals("Available", get(VOLUMES, "", "manual-pv").path("status").path("phase").asText());
        String manual = claim("claim", "").replace("\"spec\":{", "\"spec\":{\"storageClassName\":\"manual\",");
        call(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, CLAIMS, "default", "").withBody(json(manual)));
        settle();
        assertEquals("manual-pv", get(CLAIMS, "default", "claim").path("spec").path("volumeName").asText());
        assertEquals("5Gi", get(CLAIMS, "default", "claim").path("status").path("capacity").path("storage").asText());

        call(ApiRequest.of(UserInfo.ADMIN, Verb.DELETE, CLAIMS, "default", "claim"));
        settle();
        assertEquals("Released", get(VOLUMES, "", "manual-pv").path("status").path("phase").asText());
    }

    static String volume(String name, String size, String tier, String className) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"PersistentVolume\",\"metadata\":{\"name\":\"" + name + "\","
                + "\"labels\":{\"tier\":\"" + tier + "\"}},\"spec\":{\"accessModes\":[\"ReadWriteOnce\"],\"capacity\":"
                + "{\"storage\":\"" + size + "\"},\"hostPath\":{\"path\":\"/data/" + name + "\"},"
                + "\"storageClassName\":\"" + className + "\"}}";
    }

    @Test
    void theSmallestSelectedVolumeWinsOnceAConsumerExists() throws Exception {
        call(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, ResourceTypes.of("storage.k8s.io/v1", "StorageClass"), "", "")
                .withBody(json("{\"apiVersion\":\"storage.k8s.io/v1\",\"kind\":\"StorageClass\",\"metadata\":"
                        + "{\"name\":\"local\"},\"provisioner\":\"kubernetes.io/no-provisioner\","
                        + "\"volumeBindingMode\":\"WaitForFirstConsumer\"}")));
        for (String pv : new String[]{volume("a-big", "10Gi", "y", "local"), volume("b-small", "1Gi", "y", "local"),
                volume("c-tiny", "100Mi", "y", "local"), volume("d-other", "1Gi", "x", "local")}) {
            call(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, VOLUMES, "", "").withBody(json(pv)));
        }
        String selected = claim("data", "").replace("\"spec\":{", "\"spec\":{\"storageClassName\":\"local\","
                + "\"selector\":{\"matchLabels\":{\"tier\":\"y\"}},").replace("1Gi", "500Mi");
        call(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, CLAIMS, "default", "").withBody(json(selected)));
        settle();
        assertEquals("Pending", get(CLAIMS, "default", "data").path("status").path("phase").asText());
        call(ApiRequest.of(UserInfo.ADMIN, Verb.PATCH, CLAIMS, "default", "data").withPatch(ApiRequest.PatchType.MERGE,
                json("{\"metadata\":{\"annotations\":{\"volume.kubernetes.io/selected-node\":\"node01\"}}}")));
        settle();
        assertEquals("b-small", get(CLAIMS, "default", "data").path("spec").path("volumeName").asText());
        ObjectNode events = call(ApiRequest.of(UserInfo.ADMIN, Verb.LIST, ResourceTypes.of("v1", "Event"), "default", ""));
        List<String> claimEvents = new java.util.ArrayList<>();
        events.path("items").forEach(e -> {
            if (e.path("involvedObject").path("kind").asText().equals("PersistentVolumeClaim")) {
                claimEvents.add(e.path("reason").asText() + " from " + e.path("source").path("component").asText());
            }
        });
        assertEquals("WaitForFirstConsumer from persistentvolume-controller", claimEvents.get(0));
    }

    @Test
    void claimsThatCannotBeServedSayWhy() throws Exception {
        call(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, VOLUMES, "", "").withBody(json(volume("tiny", "100Mi", "y", ""))));
        call(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, CLAIMS, "default", "").withBody(json(claim("named", "")
                .replace("\"spec\":{", "\"spec\":{\"storageClassName\":\"\",\"volumeName\":\"tiny\","))));
        call(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, CLAIMS, "default", "").withBody(json(claim("picky",
                ",\"annotations\":{\"volume.kubernetes.io/selected-node\":\"node01\"}").replace("\"spec\":{",
                "\"spec\":{\"selector\":{\"matchLabels\":{\"tier\":\"gold\"}},"))));
        settle();
        assertEquals("Pending", get(CLAIMS, "default", "named").path("status").path("phase").asText());
        assertEquals("Pending", get(CLAIMS, "default", "picky").path("status").path("phase").asText());
        String events = call(ApiRequest.of(UserInfo.ADMIN, Verb.LIST, ResourceTypes.of("v1", "Event"), "default", ""))
                .path("items").toString();
        assertTrue(events.contains("Cannot bind to requested volume \\\"tiny\\\": requested PV is too small"), events);
        assertTrue(events.contains("failed to provision volume with StorageClass \\\"standard\\\": claim.Spec.Selector "
                + "is not supported"), events);
    }

    @Test
    void nothingBindsWhileTheControllerManagerIsStopped() throws Exception {
        cluster.stop("controller-manager");
        call(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, CLAIMS, "default", "")
                .withBody(json(claim("data", ",\"annotations\":{\"volume.kubernetes.io/selected-node\":\"node01\"}"))));
        settle();
        assertEquals("Pending", get(CLAIMS, "default", "data").path("status").path("phase").asText());
        cluster.start("controller-manager");
        settle();
        assertEquals("Bound", get(CLAIMS, "default", "data").path("status").path("phase").asText());
    }
}
