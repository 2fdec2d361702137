package io.kubelab.runtime.image.programs;

import io.kubelab.runtime.image.container.Container;
import io.kubelab.runtime.image.shell.Interpreter;
import io.kubelab.runtime.image.shell.Node;
import io.kubelab.runtime.image.shell.Parser;
import io.kubelab.runtime.image.shell.ShellState;
import io.kubelab.runtime.image.shell.ShellSyntaxError;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A container whose main process is a shell script or a plain utility ({@code sleep 3600}): its output and
 * exit come from the interpreter, one event per {@link #next()}; files it writes show to exec probes at the
 * time it wrote them.
 */
final class ShellProcess extends TimedProcess {

    /** Interpreter steps one {@link #next()} may take before deciding the process will say nothing more. */
    static final int QUIET_BUDGET = 20_000;
    static final long SHELL_MEMORY = 1_200_000;
    /**
     * Interpreter steps taken at a time: a loop that sent something over the network in that many steps
     * stops there until the sandbox clock reaches its own, so its requests arrive when they are due (a load
     * generator's wget loop loads its server over time, not all at once).
     */
    static final int PACING_STEPS = 100;

    private final Interpreter main;
    private boolean quiet;
    /** The image program the shell handed the container to, and when. */
    private TimedProcess delegate;
    private Duration handedOverAt;
    private Duration delegateTime = Duration.ZERO;

    private final CountingNetwork network;

    private ShellProcess(Container container, ImageConfig image, Interpreter main, CountingNetwork network) {
        super(container, image);
        this.main = main;
        this.network = network;
    }

    /** The container as the shell sees it, with its network calls counted. */
    private static Container counted(Container c, CountingNetwork network) {
        return new Container(c.env(), c.hostname(), c.podIp(), c.workingDir(), c.startedAt(), c.memoryLimitBytes(),
                network, c.fs(), c.flavour(), c.tools(), c.binaries(), c.clock());
    }

    /** {@code sh -c 'program' [arg0 args...]}. */
    static TimedProcess script(Container c, ImageConfig image, String shell, String program, List<String> positional) {
        CountingNetwork network = new CountingNetwork(c.network());
        ShellState st = new ShellState(counted(c, network), shell, Duration.ZERO);
        st.setPositional(positional.isEmpty() ? shell : positional.get(0),
                positional.isEmpty() ? List.of() : positional.subList(1, positional.size()));
        Node node;
        try {
            node = Parser.parse(program);
        } catch (ShellSyntaxError e) {
            node = Parser.parse("echo '" + e.render(shell, c.flavour()).replace("'", "'\\''") + "' >&2; exit 2");
        }
        return new ShellProcess(c, image, Interpreter.streaming(st, node), network);
    }

    /** A utility run directly as PID 1, no shell between. */
    static TimedProcess command(Container c, ImageConfig image, List<String> argv) {
        CountingNetwork network = new CountingNetwork(c.network());
        ShellState st = new ShellState(counted(c, network), argv.get(0), Duration.ZERO);
        return new ShellProcess(c, image, Interpreter.streaming(st, Interpreter.literal(argv)), network);
    }

    @Override
    protected Optional<Planned> more() {
        if (delegate != null) {
            Optional<Step> s = delegate.next();
            if (s.isEmpty()) {
                return Optional.empty();
            }
            delegateTime = delegateTime.plus(s.get().after());
            Duration at = handedOverAt.plus(delegateTime);
            Step step = s.get();
            return Optional.of(new Planned(at, step instanceof Output o ? new Output(Duration.ZERO, o.stderr(), o.line())
                    : step instanceof Exit e ? new Exit(Duration.ZERO, e.code())
                    : step instanceof Idle ? new Idle(Duration.ZERO) : new OutOfMemory(Duration.ZERO)));
        }
        if (quiet) {
            return Optional.empty();
        }
        if (outOfMemoryAtStart(Duration.ZERO)) {
            return Optional.empty();
        }
        long sent = network.calls();
        Optional<Interpreter.Event> e = Optional.empty();
        for (int spent = 0; e.isEmpty() && spent < QUIET_BUDGET; spent += PACING_STEPS) {
            e = main.next(PACING_STEPS);
            if (e.isEmpty() && network.calls() != sent && !main.finished()) {
                Duration at = main.state().time();
                return Optional.of(new Planned(at.compareTo(lastStepAt()) > 0 ? at
                        : lastStepAt().plus(Duration.ofMillis(1)), new Idle(Duration.ZERO)));
            }
        }
        if (e.isEmpty()) {
            quiet = true;
            return Optional.empty();
        }
        if (e.get() instanceof Interpreter.Handover h) {
            handedOverAt = h.at();
            delegate = Launcher.launch(h.argv(), container, image);
            return more();
        }
        if (e.get() instanceof Interpreter.Line l) {
            return Optional.of(new Planned(l.at(), new Output(Duration.ZERO, l.stderr(), l.text())));
        }
        Interpreter.Finished f = (Interpreter.Finished) e.get();
        return Optional.of(new Planned(f.at(), new Exit(Duration.ZERO, f.code())));
    }

    @Override
    protected boolean outOfMemoryAtStart(Duration at) {
        return false;
    }

    @Override
    public ExecResult exec(List<String> argv, String stdin, Instant now) {
        if (quiet) {
            main.advanceTo(container.elapsed(now), QUIET_BUDGET);
            while (main.next(0).isPresent()) {
                // output past the point where next() went quiet has no one to read it
            }
        }
        return super.exec(argv, stdin, now);
    }

    /**
     * A shell as PID 1 ignores SIGTERM unless the script trapped it: {@code trap 'exit 0' TERM} exits with
     * that code once the command in the foreground returns (we take that as at once).
     */
    @Override
    public Optional<Duration> onTerminate() {
        if (delegate != null) {
            Optional<Duration> d = delegate.onTerminate();
            return d;
        }
        Optional<String> trap = main.state().termTrap();
        if (trap.isEmpty() || ended) {
            return Optional.empty();
        }
        var exit = java.util.regex.Pattern.compile("exit\\s*(\\d*)").matcher(trap.get());
        int code = exit.find() && !exit.group(1).isEmpty() ? Integer.parseInt(exit.group(1)) : 143;
        quiet = true;
        return shutdown(List.of(), List.of(), Duration.ZERO, code);
    }

    @Override
    public boolean listening(int port) {
        return delegate != null && delegate.listening(port);
    }

    @Override
    public Optional<Served> http(int port, io.kubelab.runtime.image.Network.HttpRequest request, Instant now) {
        return delegate == null ? Optional.empty() : delegate.http(port, request, now);
    }

    @Override
    public Usage usage() {
        if (delegate != null) {
            return delegate.usage();
        }
        Duration t = main.state().time();
        boolean spinning = main.iterations() > 0 && main.iterations() * 2 > t.toMillis();
        return new Usage(spinning ? 1000 : 0, SHELL_MEMORY);
    }
}
