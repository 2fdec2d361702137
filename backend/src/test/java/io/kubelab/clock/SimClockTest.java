package io.kubelab.clock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimClockTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final SimClock clock = SimClock.manual(T0);
    private final List<String> ran = new ArrayList<>();

    private Runnable note(String what) {
        return () -> ran.add(what + "@" + Duration.between(T0, clock.now()).toSeconds());
    }

    @Test
    void advanceRunsDueWorkInOrderAtItsOwnTime() {
        clock.schedule(Duration.ofSeconds(10), note("b"));
        clock.schedule(Duration.ofSeconds(5), note("a"));
        clock.schedule(Duration.ofSeconds(10), note("c"));
        clock.schedule(Duration.ofSeconds(60), note("later"));
        clock.advance(Duration.ofSeconds(30));
        assertEquals(List.of("a@5", "b@10", "c@10"), ran);
        assertEquals(T0.plusSeconds(30), clock.now());
        assertEquals(1, clock.pending());
    }

    @Test
    void backgroundWorkRunsWhenDueButSettlingDoesNotWaitForIt() {
        SimClock.Timer heartbeat = clock.scheduleBackground(Duration.ofSeconds(10), note("heartbeat"));
        clock.schedule(Duration.ofSeconds(3), note("work"));
        assertEquals(1, clock.pending());
        assertEquals(2, clock.scheduled());
        SimClock.Settled settled = clock.settle(() -> clock.pending() == 0, Duration.ofMinutes(1));
        assertEquals(new SimClock.Settled(Duration.ofSeconds(3), true), settled);
        assertEquals(List.of("work@3"), ran);
        clock.advance(Duration.ofSeconds(7));
        assertEquals(List.of("work@3", "heartbeat@10"), ran);
        SimClock.Timer again = clock.scheduleBackground(Duration.ofSeconds(10), note("again"));
        SimClock.Timer work = clock.schedule(Duration.ofSeconds(10), note("cancelled"));
        work.cancel();
        work.cancel();
        again.cancel();
        heartbeat.cancel();
        assertEquals(0, clock.pending());
        assertEquals(0, clock.scheduled());
    }

    @Test
    void workScheduledByWorkRunsInTheSameAdvanceWhenDue() {
        clock.schedule(Duration.ofSeconds(1), () -> {
            note("first").run();
            clock.schedule(Duration.ofSeconds(2), note("second"));
            clock.schedule(Duration.ZERO, note("now"));
        });
        clock.advance(Duration.ofSeconds(5));
        assertEquals(List.of("first@1", "now@1", "second@3"), ran);
    }

    @Test
    void cancelledWorkNeverRuns() {
        SimClock.Timer t = clock.schedule(Duration.ofSeconds(1), note("x"));
        t.cancel();
        clock.advance(Duration.ofSeconds(2));
        assertTrue(ran.isEmpty());
    }

    @Test
    void timeNeverGoesBack() {
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
        clock.advance(Duration.ofSeconds(10));
        clock.scheduleAt(T0, note("past"));
        clock.advance(Duration.ZERO);
        assertEquals(List.of("past@10"), ran, "work due in the past runs now");
    }

    @Test
    void settleStopsWhereTheWorldBecomesStable() {
        // A "pod" that becomes ready after an image pull of 7s and a probe 3s later.
        boolean[] ready = {false};
        clock.schedule(Duration.ofSeconds(7), () -> clock.schedule(Duration.ofSeconds(3), () -> ready[0] = true));
        clock.schedule(Duration.ofMinutes(10), note("resync"));
        SimClock.Settled settled = clock.settle(() -> ready[0], Duration.ofMinutes(5));
        assertTrue(settled.stable());
        assertEquals(Duration.ofSeconds(10), settled.elapsed());
        assertEquals(T0.plusSeconds(10), clock.now());
        assertTrue(ran.isEmpty(), "nothing past the stable point ran");
    }

    @Test
    void settleGivesUpAtItsCap() {
        clock.schedule(Duration.ofMinutes(1), note("tick"));
        SimClock.Settled settled = clock.settle(() -> false, Duration.ofMinutes(5));
        assertFalse(settled.stable());
        assertEquals(Duration.ofMinutes(5), settled.elapsed());
        assertEquals(List.of("tick@60"), ran);
    }

    @Test
    void alreadyStableSettlesInNoTimeButRunsWhatIsDueNow() {
        clock.schedule(Duration.ZERO, note("now"));
        assertEquals(new SimClock.Settled(Duration.ZERO, true), clock.settle(() -> true, Duration.ofMinutes(5)));
        assertEquals(List.of("now@0"), ran);
    }

    @Test
    void realtimeFollowsTheWallClockTimesTheSpeed() {
        AtomicLong wall = new AtomicLong();
        SimClock rt = new SimClock(T0, wall::get, SimClock.Mode.REALTIME);
        List<Instant> seen = new ArrayList<>();
        rt.schedule(Duration.ofSeconds(3), () -> seen.add(rt.now()));
        wall.addAndGet(Duration.ofSeconds(2).toNanos());
        rt.tick();
        assertEquals(T0.plusSeconds(2), rt.now());
        rt.realtime(10);
        wall.addAndGet(Duration.ofSeconds(1).toNanos());
        rt.tick();
        assertEquals(T0.plusSeconds(12), rt.now());
        assertEquals(List.of(T0.plusSeconds(3)), seen, "due work ran at its own simulated time");

        rt.pause();
        wall.addAndGet(Duration.ofHours(1).toNanos());
        rt.tick();
        assertEquals(T0.plusSeconds(12), rt.now(), "paused time stands still");
        rt.realtime(1);
        wall.addAndGet(Duration.ofSeconds(1).toNanos());
        rt.tick();
        assertEquals(T0.plusSeconds(13), rt.now(), "resuming does not jump over the pause");
        assertThrows(IllegalArgumentException.class, () -> rt.realtime(0));
        assertThrows(IllegalArgumentException.class, () -> rt.realtime(Double.NaN));
    }

    @Test
    void instantModeIgnoresTheWallClock() {
        AtomicLong wall = new AtomicLong();
        SimClock c = new SimClock(T0, wall::get, SimClock.Mode.INSTANT);
        wall.addAndGet(Duration.ofHours(1).toNanos());
        c.tick();
        assertEquals(T0, c.now());
        assertEquals(SimClock.Mode.INSTANT, c.mode());
    }

    @Test
    void workThatReschedulesItselfAtOnceCannotHoldTimeStill() {
        Runnable[] loop = new Runnable[1];
        loop[0] = () -> clock.schedule(Duration.ZERO, loop[0]);
        clock.schedule(Duration.ZERO, loop[0]);
        SimClock.Settled settled = clock.settle(() -> false, Duration.ofMinutes(5));
        assertFalse(settled.stable());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(T0.plusSeconds(1), clock.now());
    }

    @Test
    void aNegativeSettleCapIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> clock.settle(() -> false, Duration.ofSeconds(-1)));
        assertEquals(T0, clock.now());
    }
}
