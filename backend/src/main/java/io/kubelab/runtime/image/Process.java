package io.kubelab.runtime.image;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One running container's process, simulated. Its own timeline is pulled step by step with {@link #next()}
 * (the kubelet schedules each step on the sandbox clock); HTTP, TCP and exec are answered from its current
 * state (files it wrote, ports it listens on). Not thread-safe: one sandbox thread drives it.
 */
public interface Process {

    /**
     * The next thing the process does on its own, {@code after} the previous step (or the start); empty
     * when it does nothing more until it is stopped (a server, {@code sleep infinity}). Side effects of a
     * step (files written, ports opened) take hold when it is pulled.
     */
    Optional<Step> next();

    sealed interface Step permits Output, Exit, OutOfMemory, Idle {
        Duration after();
    }

    /** A line written to stdout or stderr. */
    record Output(Duration after, boolean stderr, String line) implements Step {
    }

    /** The process exited with {@code code} (the container's exit code). */
    record Exit(Duration after, int code) implements Step {
    }

    /**
     * Nothing visible happens, but the process has more to do from then on: a shell loop that talks to the
     * network waits for the sandbox clock to catch up with it before it sends more.
     */
    record Idle(Duration after) implements Step {
    }

    /** The process grew past its memory limit: the kernel kills it (exit code 137, reason OOMKilled). */
    record OutOfMemory(Duration after) implements Step {
    }

    /** Whether it accepts TCP connections on {@code port} now. */
    boolean listening(int port);

    /**
     * Answers an HTTP request on {@code port}; empty when nothing listens there. The reply's access log
     * lines (nginx's {@code 10.244.1.1 - - [..] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"}) come back in
     * {@link Served#log()} for the runtime to append to the container's log at the time it was served.
     */
    Optional<Served> http(int port, Network.HttpRequest request, java.time.Instant now);

    record Served(Network.HttpReply reply, List<Output> log) {
    }

    /** Runs a command inside the container ({@code kubectl exec}, an exec probe), to completion. */
    ExecResult exec(List<String> argv, java.time.Instant now);

    /**
     * Runs a command with {@code stdin} as its whole standard input ({@code kubectl exec -i}), to completion;
     * a process that reads no input runs it as {@link #exec(List, java.time.Instant)}.
     */
    default ExecResult exec(List<String> argv, String stdin, java.time.Instant now) {
        return exec(argv, now);
    }

    record ExecResult(String stdout, String stderr, int exitCode) {
    }

    /** What it uses now, for {@code kubectl top}: CPU in millicores and memory in bytes. */
    Usage usage();

    record Usage(long cpuMillis, long memoryBytes) {
    }

    /** SIGTERM arrived: how long it takes to exit (nginx quits at once; {@code sleep} as PID 1 ignores it). */
    Optional<Duration> onTerminate();
}
