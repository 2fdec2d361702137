package io.kubelab.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.kubelab.cluster.ApiServerPipelineTest.NGINX;
import static io.kubelab.cluster.ApiServerPipelineTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParkingTest {

    @Test
    void aParkedClusterWakesAsItWas() {
        SimCluster cluster = BootstrapTest.cluster();
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.CREATE, ResourceTypes.of("v1", "Pod"),
                "default", "").withBody(json(NGINX)));
        cluster.stop("controller-manager");
        long revision = cluster.store().revision();
        long seq = cluster.events().lastSeq();
        int objects = cluster.store().count("/registry/");

        ParkedCluster parked = cluster.park();
        assertTrue(parked.objects().length < 40_000, "compressed state: " + parked.objects().length + " bytes");

        SimCluster woken = SimCluster.wake(parked, SimClock.manual(parked.time().plus(Duration.ofMinutes(1))));
        assertEquals(revision, woken.store().revision());
        assertEquals(objects, woken.store().count("/registry/"));
        assertTrue(woken.isStopped("controller-manager"));
        assertTrue(woken.events().lastSeq() >= seq, "waking narrates nothing and forgets nothing");
        ObjectNode pod = woken.api().handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.GET,
                ResourceTypes.of("v1", "Pod"), "default", "nginx")).body();
        assertEquals(Long.toString(revision), pod.path("metadata").path("resourceVersion").asText());
        ObjectNode next = woken.api().handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.CREATE,
                ResourceTypes.of("v1", "ConfigMap"), "default", "").withBody(json("{\"apiVersion\":\"v1\",\"kind\":"
                + "\"ConfigMap\",\"metadata\":{\"name\":\"after\"}}"))).body();
        assertEquals(Long.toString(revision + 1), next.path("metadata").path("resourceVersion").asText());
        assertTrue(woken.events().since(seq).get(0).seq() > seq, "numbering continues: no seq is reused");
        assertEquals("2026-11-25T10:01:00Z", next.path("metadata").path("creationTimestamp").asText());
    }
}
