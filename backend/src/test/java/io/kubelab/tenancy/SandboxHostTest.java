package io.kubelab.tenancy;

import io.kubelab.cluster.SimCluster;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SandboxHostTest {

    @Test
    void aHostedSandboxRunsWhatFallsDueBetweenCommands() {
        SandboxHost host = new SandboxHost();
        host.start("s1");
        SimCluster cluster = host.cluster("s1").orElseThrow();
        AtomicBoolean ran = new AtomicBoolean();
        cluster.clock().schedule(Duration.ZERO, () -> ran.set(true));
        assertFalse(ran.get());
        host.tickAll();
        assertTrue(ran.get(), "ticking a realtime clock runs the work that is due");
        assertEquals(0, host.execute("s1", "sim status").orElseThrow().exitCode());
        host.stop("s1");
        assertTrue(host.cluster("s1").isEmpty());
    }
}
