package io.kubelab.controller.garbagecollector;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.controller.Informers;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GarbageCollectorTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ResourceType CONFIGMAPS = ResourceTypes.of("v1", "ConfigMap");
    static final ResourceType REPLICASETS = ResourceTypes.of("apps/v1", "ReplicaSet");
    static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    SimCluster cluster;

    void start() {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 5);
        settle();
    }

    void settle() {
        assertTrue(cluster.clock().settle(cluster::stable, Duration.ofMinutes(1)).stable());
    }

    ObjectNode call(ApiRequest request) {
        return cluster.api().handle(request).body();
    }

    ObjectNode create(ResourceType type, String json) throws Exception {
        return call(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, type, "default", "").withBody(JSON.readTree(json)));
    }

    static String owner(String apiVersion, String kind, ObjectNode owner, boolean block) {
        return "[{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"" + kind + "\",\"name\":\"" + owner.path("metadata")
                .path("name").asText() + "\",\"uid\":\"" + owner.path("metadata").path("uid").asText()
                + "\",\"controller\":true,\"blockOwnerDeletion\":" + block + "}]";
    }

    boolean exists(ResourceType type, String name) {
        try {
            call(ApiRequest.of(UserInfo.ADMIN, Verb.GET, type, "default", name));
            return true;
        } catch (StatusException e) {
            return false;
        }
    }

    @ParameterizedTest
    @CsvSource({
            // policy,     owner left, dependents left, dependents keep the reference
            "Background,   false,      false,           false",
            "Foreground,   false,      false,           false",
            "Orphan,       false,      true,            false"})
    void aReplicaSetAndItsPods(String policy, boolean ownerLeft, boolean dependentsLeft, boolean refsLeft) throws Exception {
        start();
        // Hand-made pods stand for the replica set's: its controller and the scheduler keep out.
        cluster.stop("controller-manager/replicaset");
        cluster.stop("scheduler");
        ObjectNode rs = create(REPLICASETS, "{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\",\"metadata\":{\"name\":\"web\"},"
                + "\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":"
                + "{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}}}");
        for (String name : new String[]{"web-a", "web-b"}) {
            create(PODS, "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\",\"labels\":{\"app\":"
                    + "\"web\"},\"ownerReferences\":" + owner("apps/v1", "ReplicaSet", rs, true) + "},\"spec\":"
                    + "{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}");
        }
        settle();
        assertTrue(exists(PODS, "web-a"), "a pod whose owner exists stays");
        call(ApiRequest.of(UserInfo.ADMIN, Verb.DELETE, REPLICASETS, "default", "web")
                .withOptions(RequestOptions.DEFAULT.withPropagationPolicy(policy)));
        if (!policy.equals("Background")) {
            assertTrue(exists(REPLICASETS, "web"), "the owner waits for the garbage collector");
        }
        settle();
        assertEquals(ownerLeft, exists(REPLICASETS, "web"));
        assertEquals(dependentsLeft, exists(PODS, "web-a"));
        assertEquals(dependentsLeft, exists(PODS, "web-b"));
        if (dependentsLeft) {
            assertEquals(refsLeft, call(ApiRequest.of(UserInfo.ADMIN, Verb.GET, PODS, "default", "web-a"))
                    .path("metadata").has("ownerReferences"));
        }
    }

    @Test
    void foregroundWaitsForBlockingDependentsOnly() throws Exception {
        start();
        ObjectNode parent = create(CONFIGMAPS, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"parent\"}}");
        create(CONFIGMAPS, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"held\",\"finalizers\":"
                + "[\"example.com/hold\"],\"ownerReferences\":" + owner("v1", "ConfigMap", parent, true) + "}}");
        settle();
        call(ApiRequest.of(UserInfo.ADMIN, Verb.DELETE, CONFIGMAPS, "default", "parent")
                .withOptions(RequestOptions.DEFAULT.withPropagationPolicy("Foreground")));
        settle();
        assertTrue(exists(CONFIGMAPS, "parent"), "a blocking dependent that is still there holds the owner");
        ObjectNode held = call(ApiRequest.of(UserInfo.ADMIN, Verb.GET, CONFIGMAPS, "default", "held"));
        assertTrue(held.path("metadata").has("deletionTimestamp"));
        held.with("metadata").remove("finalizers");
        call(ApiRequest.of(UserInfo.ADMIN, Verb.UPDATE, CONFIGMAPS, "default", "held").withBody(held));
        settle();
        assertEquals(false, exists(CONFIGMAPS, "held"));
        assertEquals(false, exists(CONFIGMAPS, "parent"));
    }

    @Test
    void anOwnerRecreatedUnderTheSameNameCountsAsAbsent() throws Exception {
        start();
        ObjectNode old = create(CONFIGMAPS, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"owner\"}}");
        call(ApiRequest.of(UserInfo.ADMIN, Verb.DELETE, CONFIGMAPS, "default", "owner"));
        create(CONFIGMAPS, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"owner\"}}");
        create(CONFIGMAPS, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"child\",\"ownerReferences\":"
                + owner("v1", "ConfigMap", old, false) + "}}");
        settle();
        assertEquals(false, exists(CONFIGMAPS, "child"));
        assertTrue(exists(CONFIGMAPS, "owner"));
    }

    @Test
    void bootstrapObjectsKeepTheirOwners() {
        start();
        ObjectNode pods = call(ApiRequest.of(UserInfo.ADMIN, Verb.LIST, PODS, "kube-system", ""));
        assertEquals(9, pods.path("items").size());
    }
}
