package io.kubelab.controller.serviceaccount;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The serviceaccount controller and the root-ca-cert-publisher: what every new namespace gets. */
class NamespaceDefaultsTest {

    static final ResourceType ACCOUNTS = ResourceTypes.of("v1", "ServiceAccount");
    static final ResourceType CONFIG_MAPS = ResourceTypes.of("v1", "ConfigMap");
    SimCluster cluster;

    @BeforeEach
    void setUp() {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 9);
    }

    ObjectNode call(ApiRequest request) {
        return cluster.api().handle(request).body();
    }

    void settle() {
        assertTrue(cluster.clock().settle(cluster::stable, Duration.ofMinutes(1)).stable());
    }

    @Test
    void aNewNamespaceIsReadyForPods() throws Exception {
        ObjectMapper json = new ObjectMapper();
        call(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, ResourceTypes.of("v1", "Namespace"), "", "")
                .withBody(json.readTree("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"team\"}}")));
        settle();
        assertEquals("default", call(ApiRequest.of(UserInfo.ADMIN, Verb.GET, ACCOUNTS, "team", "default"))
                .path("metadata").path("name").asText());
        ObjectNode ca = call(ApiRequest.of(UserInfo.ADMIN, Verb.GET, CONFIG_MAPS, "team", "kube-root-ca.crt"));
        assertTrue(ca.path("data").path("ca.crt").asText().startsWith("-----BEGIN CERTIFICATE-----"));
        ObjectNode pod = call(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, ResourceTypes.of("v1", "Pod"), "team", "")
                .withBody(json.readTree("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":"
                        + "{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}")));
        assertEquals("default", pod.path("spec").path("serviceAccountName").asText());

        call(ApiRequest.of(UserInfo.ADMIN, Verb.DELETE, ACCOUNTS, "team", "default"));
        ca.with("data").put("ca.crt", "tampered");
        call(ApiRequest.of(UserInfo.ADMIN, Verb.UPDATE, CONFIG_MAPS, "team", "kube-root-ca.crt").withBody(ca));
        settle();
        assertEquals("default", call(ApiRequest.of(UserInfo.ADMIN, Verb.GET, ACCOUNTS, "team", "default"))
                .path("metadata").path("name").asText(), "recreated");
        assertTrue(call(ApiRequest.of(UserInfo.ADMIN, Verb.GET, CONFIG_MAPS, "team", "kube-root-ca.crt"))
                .path("data").path("ca.crt").asText().startsWith("-----BEGIN"), "restored");
    }
}
