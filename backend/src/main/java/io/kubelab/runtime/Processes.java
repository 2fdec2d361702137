package io.kubelab.runtime;

import io.kubelab.clock.GoDuration;
import io.kubelab.clock.SimClock;
import io.kubelab.runtime.image.Process;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The containers' processes on the sandbox clock: each {@link Process#next() step} scheduled when it is
 * due (output into the container's log, exits, OOM kills), SIGTERM and SIGKILL. Steps within a container's
 * work horizon are work the simulation waits for, later ones background.
 */
final class Processes {

    interface Narrator {
        void emit(String action, String object, String message);
    }

    private final SimClock clock;
    private final ContainerLogs logs;
    private final Narrator narrator;
    private final ContainerRuntime.Listener listener;

    Processes(SimClock clock, ContainerLogs logs, Narrator narrator, ContainerRuntime.Listener listener) {
        this.clock = clock;
        this.logs = logs;
        this.narrator = narrator;
        this.listener = listener;
    }

    /** Plays a started container's steps; those due after {@code horizon} run in the background. */
    void play(Sandbox sandbox, RuntimeContainer c, Instant horizon) {
        scheduleNext(sandbox, c, horizon);
    }

    /**
     * An adopted container's process, fast-forwarded to now: output it wrote before is not written again;
     * an exit it would have made already happens now. Everything it does from here on is background.
     */
    void resume(Sandbox sandbox, RuntimeContainer c) {
        Duration elapsed = Duration.between(c.startedAt(), clock.now());
        Duration at = Duration.ZERO;
        while (true) {
            Optional<Process.Step> step = c.process.next();
            if (step.isEmpty()) {
                return;
            }
            at = at.plus(step.get().after());
            if (at.compareTo(elapsed) > 0 || !(step.get() instanceof Process.Output || step.get() instanceof Process.Idle)) {
                Duration wait = at.compareTo(elapsed) > 0 ? at.minus(elapsed) : Duration.ZERO;
                Process.Step pending = step.get();
                c.stepTimer = clock.scheduleBackground(wait, () -> apply(sandbox, c, pending, Instant.MIN));
                return;
            }
        }
    }

    private void scheduleNext(Sandbox sandbox, RuntimeContainer c, Instant horizon) {
        Optional<Process.Step> step = c.process == null ? Optional.empty() : c.process.next();
        if (step.isEmpty()) {
            return;
        }
        Process.Step s = step.get();
        Instant due = clock.now().plus(s.after());
        Runnable task = () -> apply(sandbox, c, s, horizon);
        c.stepTimer = due.isAfter(horizon) ? clock.scheduleBackground(s.after(), task) : clock.schedule(s.after(), task);
    }

    private void apply(Sandbox sandbox, RuntimeContainer c, Process.Step step, Instant horizon) {
        c.stepTimer = null;
        if (!c.running()) {
            return;
        }
        if (step instanceof Process.Output output) {
            logs.append(sandbox.namespace(), sandbox.podName(), c.name(), clock.now(), output.line());
            scheduleNext(sandbox, c, horizon);
        } else if (step instanceof Process.Idle) {
            scheduleNext(sandbox, c, horizon);
        } else if (step instanceof Process.Exit exit) {
            exit(sandbox, c, exit.code(), exit.code() == 0 ? "Completed" : "Error");
        } else if (step instanceof Process.OutOfMemory) {
            narrator.emit("oom-kill", sandbox.reference(), "The kernel's OOM killer ended container " + c.name()
                    + " of pod " + sandbox.podName() + ": it used more memory than its cgroup allows.");
            exit(sandbox, c, ContainerRuntime.SIGKILL_EXIT, "OOMKilled");
        }
    }

    private void exit(Sandbox sandbox, RuntimeContainer c, int code, String reason) {
        c.exited(clock.now(), code, reason);
        narrator.emit("container-exited", sandbox.reference(), "Container " + c.name() + " of pod " + sandbox.podName()
                + " exited with code " + code + ".");
        listener.containerExited(sandbox.podUid(), c.name());
    }

    /**
     * StopContainer: SIGTERM, then SIGKILL once {@code grace} has passed if the process is still there.
     * A process that handles SIGTERM exits with 0 when it is done; a killed one with 137.
     */
    void stop(Sandbox sandbox, RuntimeContainer c, Duration grace) {
        if (!c.running() || c.stopping) {
            return;
        }
        c.stopping = true;
        Optional<Duration> exitsAfter = c.process == null ? Optional.empty() : c.process.onTerminate();
        if (exitsAfter.isPresent() && exitsAfter.get().compareTo(grace) < 0) {
            narrator.emit("stop-container", sandbox.reference(), "Sent SIGTERM to container " + c.name() + " of pod "
                    + sandbox.podName() + "; it shuts down by itself.");
            c.stopTimer = clock.schedule(exitsAfter.get(), () -> exit(sandbox, c, 0, "Completed"));
        } else {
            narrator.emit("stop-container", sandbox.reference(), "Sent SIGTERM to container " + c.name() + " of pod "
                    + sandbox.podName() + "; it ignores it, so it gets SIGKILL after " + GoDuration.format(grace) + ".");
            c.stopTimer = clock.schedule(grace, () -> exit(sandbox, c, ContainerRuntime.SIGKILL_EXIT, "Error"));
        }
    }
}
