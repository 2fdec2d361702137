package io.kubelab.runtime.image.programs;

import io.kubelab.runtime.image.Network;
import io.kubelab.runtime.image.Process;
import io.kubelab.runtime.image.container.Container;
import io.kubelab.runtime.image.shell.Interpreter;
import io.kubelab.runtime.image.shell.Io;
import io.kubelab.runtime.image.shell.ShellState;
import io.kubelab.runtime.image.shell.Sink;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * What every simulated process shares: a plan of timed steps (measured from the container's start), exec
 * through the image's shell, and a default SIGTERM reaction. Subclasses add their own service.
 */
abstract class TimedProcess implements Process {

    /** A planned step at {@code at} after the container started. */
    record Planned(Duration at, Step step) {
    }

    protected final Container container;
    protected final ImageConfig image;
    private final Deque<Planned> plan = new ArrayDeque<>();
    private Duration last = Duration.ZERO;
    protected boolean ended;

    TimedProcess(Container container, ImageConfig image) {
        this.container = container;
        this.image = image;
    }

    protected void out(Duration at, String line) {
        plan.add(new Planned(at, new Output(Duration.ZERO, false, line)));
    }

    protected void err(Duration at, String line) {
        plan.add(new Planned(at, new Output(Duration.ZERO, true, line)));
    }

    protected void exit(Duration at, int code) {
        plan.add(new Planned(at, new Exit(Duration.ZERO, code)));
    }

    protected void oom(Duration at) {
        plan.add(new Planned(at, new OutOfMemory(Duration.ZERO)));
    }

    protected void clearPlan() {
        plan.clear();
    }

    /** Time of the last step handed out: later steps are planned from there. */
    protected Duration lastStepAt() {
        return last;
    }

    /** More steps when the plan runs dry (a shell's next line); empty when there are none. */
    protected Optional<Planned> more() {
        return Optional.empty();
    }

    @Override
    public Optional<Step> next() {
        if (ended) {
            return Optional.empty();
        }
        Planned p = plan.isEmpty() ? more().orElse(null) : plan.poll();
        if (p == null) {
            return Optional.empty();
        }
        Duration at = p.at.compareTo(last) < 0 ? last : p.at;
        Duration after = at.minus(last);
        last = at;
        Step s = p.step;
        if (s instanceof Exit e) {
            ended = true;
            return Optional.of(new Exit(after, e.code()));
        }
        if (s instanceof OutOfMemory) {
            ended = true;
            return Optional.of(new OutOfMemory(after));
        }
        if (s instanceof Idle) {
            return Optional.of(new Idle(after));
        }
        Output o = (Output) s;
        return Optional.of(new Output(after, o.stderr(), o.line()));
    }

    /** The memory check every process gets: past its limit, the kernel kills it soon after it starts. */
    protected boolean outOfMemoryAtStart(Duration at) {
        if (container.memoryLimitBytes() > 0 && image.memoryBytes() > container.memoryLimitBytes()) {
            oom(at);
            return true;
        }
        return false;
    }

    @Override
    public boolean listening(int port) {
        return false;
    }

    @Override
    public Optional<Served> http(int port, Network.HttpRequest request, Instant now) {
        return Optional.empty();
    }

    @Override
    public ExecResult exec(List<String> argv, Instant now) {
        return exec(argv, "", now);
    }

    @Override
    public ExecResult exec(List<String> argv, String stdin, Instant now) {
        if (argv.isEmpty()) {
            return new ExecResult("", "OCI runtime exec failed: exec failed: unable to start container process: exec: \"\": executable file not found in $PATH: unknown", 126);
        }
        String name = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        if (!Launcher.runnable(name, argv.get(0), container, image)) {
            return new ExecResult("", StartErrors.execNotFound(argv.get(0)), 126);
        }
        ShellState st = new ShellState(container, "sh", container.elapsed(now));
        Sink.Capture out = new Sink.Capture();
        Sink.Capture err = new Sink.Capture();
        int code = Interpreter.run(st, Interpreter.literal(argv), new Io(out, err, stdin));
        return new ExecResult(out.text(), err.text(), code);
    }

    @Override
    public Usage usage() {
        return new Usage(1, image.memoryBytes());
    }

    /**
     * By default SIGTERM is ignored: the process runs as PID 1, and the kernel does not apply a default signal
     * action to PID 1, so a program without a handler (a shell, {@code sleep}) runs on until SIGKILL.
     */
    @Override
    public Optional<Duration> onTerminate() {
        return Optional.empty();
    }

    /** Time now since the container started: where steps caused by SIGTERM are planned. */
    protected Duration now() {
        Duration n = container.elapsedNow();
        return n.compareTo(last) < 0 ? last : n;
    }

    /** The process handles SIGTERM: what it logs, then it exits with {@code code} after {@code took}. */
    protected Optional<Duration> shutdown(List<String> stdout, List<String> stderr, Duration took, int code) {
        clearPlan();
        ended = false;
        Duration at = now();
        stdout.forEach(l -> out(at, l));
        stderr.forEach(l -> err(at, l));
        exit(at.plus(took), code);
        return Optional.of(took);
    }
}
