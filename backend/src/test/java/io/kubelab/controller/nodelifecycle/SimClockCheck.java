package io.kubelab.controller.nodelifecycle;

import io.kubelab.clock.SimClock;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settling as {@code sim settle} does, checked: the world must come to rest, and exactly at {@code expected}. */
final class SimClockCheck {

    private SimClockCheck() {
    }

    static void settleUntil(ClusterFixture f, Duration max, Instant expected) {
        SimClock.Settled settled = f.settle(max);
        assertTrue(settled.stable(), "still changing after " + settled.elapsed());
        assertEquals(expected, f.now());
    }
}
