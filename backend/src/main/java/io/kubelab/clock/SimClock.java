package io.kubelab.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * A sandbox's simulated time and the timed work scheduled on it. Time moves only when told to: by
 * {@link #advance} (tests, {@code sim advance}), by {@link #settle} (instant mode, {@code sim settle}),
 * or by {@link #tick} in realtime mode, which follows a wall clock times the speed. Due work runs in
 * order of due time, then of scheduling, with {@link #now()} equal to its due time: the same inputs
 * always give the same run.
 *
 * <p>Not thread-safe: a sandbox drives its clock from one thread at a time.
 */
public final class SimClock {

    public enum Mode { REALTIME, INSTANT, PAUSED }

    /** Scheduled work; cancel it to drop it. */
    public interface Timer {
        void cancel();

        Instant due();
    }

    /** How a settle ended: the time it took, and whether the world was stable when it stopped. */
    public record Settled(Duration elapsed, boolean stable) {
    }

    private final class Entry implements Timer, Comparable<Entry> {
        final Instant due;
        final long seq;
        final Runnable task;
        final boolean background;
        boolean cancelled;

        Entry(Instant due, long seq, Runnable task, boolean background) {
            this.due = due;
            this.seq = seq;
            this.task = task;
            this.background = background;
        }

        @Override
        public void cancel() {
            if (!cancelled && queue.remove(this) && !background) {
                work--;
            }
            cancelled = true;
        }

        @Override
        public Instant due() {
            return due;
        }

        @Override
        public int compareTo(Entry o) {
            int byTime = due.compareTo(o.due);
            return byTime != 0 ? byTime : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private final LongSupplier wallNanos;
    private Instant now;
    private long seq;
    private int work;
    private Mode mode;
    private double speed = 1.0;
    private long wallAnchor;
    private Instant simAnchor;

    /** A clock at {@code start} that does not move until told to (what tests use). */
    public static SimClock manual(Instant start) {
        return new SimClock(start, () -> 0L, Mode.PAUSED);
    }

    /**
     * @param wallNanos a monotonic wall clock in nanoseconds ({@code System::nanoTime} in the server),
     *                  read only in realtime mode
     */
    public SimClock(Instant start, LongSupplier wallNanos, Mode mode) {
        this.now = start;
        this.wallNanos = wallNanos;
        this.mode = mode;
        anchor();
    }

    public Instant now() {
        return now;
    }

    public Mode mode() {
        return mode;
    }

    public double speed() {
        return speed;
    }

    /** Runs {@code task} once {@code delay} of simulated time has passed (at once, on the next step, for 0). */
    public Timer schedule(Duration delay, Runnable task) {
        if (delay.isNegative()) {
            delay = Duration.ZERO;
        }
        return scheduleAt(now.plus(delay), task);
    }

    public Timer scheduleAt(Instant due, Runnable task) {
        return add(due, task, false);
    }

    /**
     * Runs {@code task} after {@code delay} like {@link #schedule}, as background work: a heartbeat, a
     * periodic resync, a retry that time alone will not make succeed (a crash loop, a missing image). It
     * runs when due but does not count as {@link #pending() pending}, so settling does not wait for it.
     */
    public Timer scheduleBackground(Duration delay, Runnable task) {
        return add(now.plus(delay.isNegative() ? Duration.ZERO : delay), task, true);
    }

    private Entry add(Instant due, Runnable task, boolean background) {
        Entry entry = new Entry(due.isBefore(now) ? now : due, seq++, task, background);
        queue.add(entry);
        if (!background) {
            work++;
        }
        return entry;
    }

    public Optional<Instant> nextDue() {
        Entry head = queue.peek();
        return head == null ? Optional.empty() : Optional.of(head.due);
    }

    /** How much scheduled work is waiting, background work not counted. */
    public int pending() {
        return work;
    }

    /** Everything scheduled, background work included. */
    public int scheduled() {
        return queue.size();
    }

    /** Moves time forward by {@code duration}, running all work that falls due on the way. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + GoDuration.format(duration));
        }
        advanceTo(now.plus(duration));
    }

    private void advanceTo(Instant target) {
        runDueUntil(target);
        if (target.isAfter(now)) {
            now = target;
        }
        anchor();
    }

    /**
     * Most tasks one instant may run: work that keeps rescheduling itself with no delay would otherwise
     * hold time still forever. Past it, the rest waits for the next step.
     */
    public static final int MAX_TASKS_PER_STEP = 100_000;

    /** Runs every task due at or before {@code limit}, moving {@code now} to each due time in turn. */
    private void runDueUntil(Instant limit) {
        Entry next;
        Instant instant = null;
        int ranThisInstant = 0;
        while ((next = queue.peek()) != null && !next.due.isAfter(limit)) {
            if (next.due.isAfter(now)) {
                now = next.due;
            }
            if (!now.equals(instant)) {
                instant = now;
                ranThisInstant = 0;
            }
            if (++ranThisInstant > MAX_TASKS_PER_STEP) {
                return;
            }
            queue.poll();
            if (!next.background) {
                work--;
            }
            if (!next.cancelled) {
                next.task.run();
            }
        }
    }

    /**
     * Jumps from one due task to the next until {@code stable} holds (checked before each jump, after the
     * work due now has run) or until {@code max} has passed. Time stops where the world became stable,
     * not at {@code max}.
     */
    public Settled settle(BooleanSupplier stable, Duration max) {
        if (max.isNegative()) {
            throw new IllegalArgumentException("a settle cap must not be negative: " + GoDuration.format(max));
        }
        Instant start = now;
        Instant limit = now.plus(max);
        runDueUntil(now);
        while (!stable.getAsBoolean()) {
            Entry next = queue.peek();
            if (next != null && !next.due.isAfter(now)) {
                // Same-instant work hit its cap: give up rather than spin.
                anchor();
                return new Settled(Duration.between(start, now), false);
            }
            if (next == null || next.due.isAfter(limit)) {
                now = limit;
                anchor();
                return new Settled(Duration.between(start, now), false);
            }
            runDueUntil(next.due);
        }
        anchor();
        return new Settled(Duration.between(start, now), true);
    }

    /** In realtime mode, catches simulated time up with the wall clock times the speed. */
    public void tick() {
        if (mode != Mode.REALTIME) {
            return;
        }
        long elapsedWall = wallNanos.getAsLong() - wallAnchor;
        Instant target = simAnchor.plusNanos((long) (elapsedWall * speed));
        runDueUntil(target);
        if (target.isAfter(now)) {
            now = target;
        }
    }

    /** Follows the wall clock at {@code factor} times its pace. */
    public void realtime(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("speed must be a positive number, not " + factor);
        }
        tick();
        speed = factor;
        mode = Mode.REALTIME;
        anchor();
    }

    /** Time moves only by settling: every command's effects play out at once. */
    public void instant() {
        tick();
        mode = Mode.INSTANT;
        anchor();
    }

    public void pause() {
        tick();
        mode = Mode.PAUSED;
        anchor();
    }

    private void anchor() {
        wallAnchor = wallNanos.getAsLong();
        simAnchor = now;
    }
}
