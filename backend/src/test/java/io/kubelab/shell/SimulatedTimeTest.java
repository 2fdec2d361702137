package io.kubelab.shell;

import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code date}, {@code sleep} and {@code watch} read and move the sandbox's simulated clock. */
class SimulatedTimeTest {

    private SimCluster cluster;
    private Shell shell;

    @BeforeEach
    void setUp() {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 1);
        shell = new Shell(cluster);
    }

    @Test
    void dateShowsSimulatedTime() {
        assertEquals("Wed Nov 25 10:00:00 UTC 2026\n", shell.execute("date").stdout());
        assertEquals("2026-11-25T10:00:00Z\n", shell.execute("date -u +%Y-%m-%dT%H:%M:%SZ").stdout());
    }

    @Test
    void sleepAdvancesTheCluster() {
        assertEquals(new CommandResult("10:01:30\n", "", 0), shell.execute("sleep 90; date +%T"));
        assertEquals(Instant.parse("2026-11-25T10:01:30Z"), cluster.clock().now());
        assertEquals(new CommandResult("", "sleep: simulated sleeps are limited to 3600 seconds\n", 1),
                shell.execute("sleep 2h"));
    }

    @Test
    void watchShowsOneFrameWithProcpsHeader() {
        // procps lays its header out on the terminal's width (80 here): interval and command left, host and time right.
        assertEquals("Every 5.0s: echo hi                        workstation: Wed Nov 25 10:00:00 2026\n"
                + "\n"
                + "hi\n", shell.execute("watch -n 5 echo hi").stdout());
    }
}
