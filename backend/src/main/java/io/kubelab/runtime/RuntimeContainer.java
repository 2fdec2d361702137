package io.kubelab.runtime;

import io.kubelab.clock.SimClock;
import io.kubelab.runtime.image.Process;

import java.time.Instant;
import java.util.Optional;

/**
 * One container instance as the runtime keeps it: created, running, then exited for good (a restart is a
 * new instance with the next attempt number). An exited instance drops its process: only what
 * {@code crictl inspect} would still show is kept.
 */
public final class RuntimeContainer {

    public enum State { CREATED, RUNNING, EXITED }

    private final String id;
    private final String name;
    private final int attempt;
    private final String imageRef;
    private final String imageId;
    private State state = State.CREATED;
    private Instant startedAt;
    private Instant finishedAt;
    private int exitCode;
    private String reason = "";
    Process process;
    SimClock.Timer stepTimer;
    SimClock.Timer stopTimer;
    boolean stopping;

    RuntimeContainer(String id, String name, int attempt, String imageRef, String imageId) {
        this.id = id;
        this.name = name;
        this.attempt = attempt;
        this.imageRef = imageRef;
        this.imageId = imageId;
    }

    /** An instance known only from what the API server last heard of it (before a node reboot). */
    static RuntimeContainer exitedGhost(String id, String name, int attempt, String imageRef, String imageId,
                                        Instant startedAt, Instant finishedAt, int exitCode, String reason) {
        RuntimeContainer c = new RuntimeContainer(id, name, attempt, imageRef, imageId);
        c.state = State.EXITED;
        c.startedAt = startedAt;
        c.finishedAt = finishedAt;
        c.exitCode = exitCode;
        c.reason = reason;
        return c;
    }

    void running(Instant at, Process p) {
        state = State.RUNNING;
        startedAt = at;
        process = p;
    }

    void exited(Instant at, int code, String why) {
        state = State.EXITED;
        finishedAt = at;
        exitCode = code;
        reason = why;
        process = null;
        if (stepTimer != null) {
            stepTimer.cancel();
            stepTimer = null;
        }
        if (stopTimer != null) {
            stopTimer.cancel();
            stopTimer = null;
        }
    }

    /** The runtime's 64-hex id (without the {@code containerd://} scheme). */
    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** 0 for the first instance, then one more per restart: the pod's {@code restartCount}. */
    public int attempt() {
        return attempt;
    }

    /** The normalised image reference ({@code docker.io/library/nginx:latest}). */
    public String imageRef() {
        return imageRef;
    }

    public String imageId() {
        return imageId;
    }

    public State state() {
        return state;
    }

    public boolean running() {
        return state == State.RUNNING;
    }

    public boolean exited() {
        return state == State.EXITED;
    }

    /** Whether a stop (SIGTERM, then SIGKILL at the deadline) is under way. */
    public boolean stopping() {
        return stopping;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public int exitCode() {
        return exitCode;
    }

    /** {@code Completed}, {@code Error}, {@code OOMKilled}, {@code Unknown}: the terminated state's reason. */
    public String reason() {
        return reason;
    }

    public Optional<Process> process() {
        return Optional.ofNullable(process);
    }
}
