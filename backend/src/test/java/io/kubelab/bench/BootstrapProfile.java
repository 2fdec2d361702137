package io.kubelab.bench;

import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class BootstrapProfile {
    @Test
    void loop() {
        long end = System.nanoTime() + 15_000_000_000L;
        int i = 0;
        while (System.nanoTime() < end) {
            SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), i++);
        }
        System.out.println("bootstraps: " + i);
    }
}
