package io.kubelab.k8sapi;

import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenStreamsTest {

    @Test
    void aStoppedSandboxEndsItsWatchesAndReleasesThem() {
        SimCluster cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 1);
        KubeApi api = new KubeApi(cluster);
        RecordingExchange exchange = new RecordingExchange();
        api.serve(new KubeRequest("GET", "/api/v1/namespaces/default/configmaps", Map.of("watch", List.of("true")),
                Map.of(), new byte[0]), exchange);
        assertFalse(exchange.ended);
        api.close();
        assertTrue(exchange.ended, "the client sees its watch end");
        exchange.close();
        api.close();
    }
}
