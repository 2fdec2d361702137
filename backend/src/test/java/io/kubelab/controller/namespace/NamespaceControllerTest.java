package io.kubelab.controller.namespace;

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
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamespaceControllerTest {

    static final ResourceType NAMESPACES = ResourceTypes.of("v1", "Namespace");
    SimCluster cluster;

    @BeforeEach
    void setUp() {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 5);
    }

    ObjectNode call(ApiRequest request) {
        return cluster.api().handle(request).body();
    }

    void create(String apiVersion, String kind, String namespace, String json) throws Exception {
        call(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, ResourceTypes.of(apiVersion, kind), namespace, "")
                .withBody(new ObjectMapper().readTree(json)));
    }

    @Test
    void aDeletedNamespaceIsEmptiedThenGone() throws Exception {
        create("v1", "Namespace", "", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"team\"}}");
        create("v1", "ServiceAccount", "team", "{\"apiVersion\":\"v1\",\"kind\":\"ServiceAccount\",\"metadata\":{\"name\":\"default\"}}");
        create("v1", "ConfigMap", "team", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cfg\"}}");
        create("v1", "Pod", "team", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":"
                + "{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}");
        create("v1", "PersistentVolumeClaim", "team", "{\"apiVersion\":\"v1\",\"kind\":\"PersistentVolumeClaim\","
                + "\"metadata\":{\"name\":\"data\"},\"spec\":{\"accessModes\":[\"ReadWriteOnce\"],\"resources\":"
                + "{\"requests\":{\"storage\":\"1Gi\"}}}}");
        call(ApiRequest.of(UserInfo.ADMIN, Verb.DELETE, NAMESPACES, "", "team"));
        assertTrue(cluster.clock().settle(cluster::stable, Duration.ofMinutes(1)).stable());
        assertEquals(404, assertThrows(StatusException.class,
                () -> call(ApiRequest.of(UserInfo.ADMIN, Verb.GET, NAMESPACES, "", "team"))).status().code());
    }

    @Test
    void whatHoldsANamespaceIsNamedInItsConditions() throws Exception {
        create("v1", "Namespace", "", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"stuck\"}}");
        create("v1", "ConfigMap", "stuck", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"held\","
                + "\"finalizers\":[\"example.com/hold\"]}}");
        call(ApiRequest.of(UserInfo.ADMIN, Verb.DELETE, NAMESPACES, "", "stuck"));
        assertFalse(cluster.clock().settle(cluster::stable, Duration.ofSeconds(30)).stable());
        ObjectNode namespace = call(ApiRequest.of(UserInfo.ADMIN, Verb.GET, NAMESPACES, "", "stuck"));
        assertEquals("Terminating", namespace.path("status").path("phase").asText());
        String conditions = namespace.path("status").path("conditions").toString();
        assertTrue(conditions.contains("Some resources are remaining: configmaps has 1 resource instances"), conditions);
        assertTrue(conditions.contains("Some content in the namespace has finalizers remaining: example.com/hold in 1 "
                + "resource instances"), conditions);
    }
}
