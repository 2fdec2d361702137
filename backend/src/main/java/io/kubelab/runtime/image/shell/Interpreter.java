package io.kubelab.runtime.image.shell;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Runs a parsed program lazily: frames on an explicit stack, so an endless {@code while true} loop is
 * advanced only as far as someone asks ({@link #next(int)} yields one event at a time). Simple commands run
 * whole in one step; {@code sleep} moves the shell's own clock.
 */
public final class Interpreter {

    /** What the running shell shows the outside: a line of output, or its end. */
    public sealed interface Event permits Line, Finished, Handover {
    }

    /** The shell ran an image program ({@code nginx -g 'daemon off;'}) that never returns: it takes over. */
    public record Handover(Duration at, List<String> argv) implements Event {
    }

    public record Line(Duration at, boolean stderr, String text) implements Event {
    }

    public record Finished(Duration at, int code) implements Event {
    }

    /** A loop iteration that neither slept nor waited still costs this much time (no loop is free). */
    static final Duration BUSY_ITERATION = Duration.ofMillis(1);
    /** Frame steps a synchronous run (command substitution, pipeline, exec) may take. */
    public static final int SYNC_BUDGET = 200_000;

    private final ShellState st;
    private final Io io;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Deque<Event> events = new ArrayDeque<>();
    private final Commands commands;
    private boolean finished;
    private boolean streaming;
    private boolean blocked;
    private long iterations;

    private Interpreter(ShellState st, Io io) {
        this.st = st;
        this.io = io;
        this.commands = new Commands(this);
    }

    /** An interpreter whose output becomes {@link Line} events. */
    public static Interpreter streaming(ShellState st, Node program) {
        Deque<Event> holder = new ArrayDeque<>();
        Interpreter[] self = new Interpreter[1];
        Io io = new Io(Sink.lines(l -> self[0].events.add(new Line(st.time, false, l))),
                Sink.lines(l -> self[0].events.add(new Line(st.time, true, l))), "");
        self[0] = new Interpreter(st, io);
        self[0].streaming = true;
        self[0].stack.push(self[0].frame(program));
        return self[0];
    }

    /** Runs {@code program} to completion (bounded) with {@code io}; returns its status. */
    public static int run(ShellState st, Node program, Io io) {
        Interpreter in = new Interpreter(st, io);
        try {
            return in.sync(program, io, false);
        } catch (Signals.Exit e) {
            // `exit N` ends the whole program (sh -c 'exit 3' in an exec): its status is the program's.
            io.out().flush();
            io.err().flush();
            return e.code;
        }
    }

    /** A command line given as words (a container command or an exec), run without any shell parsing. */
    public static Node literal(List<String> argv) {
        List<String> words = new ArrayList<>();
        for (String a : argv) {
            words.add("'" + a.replace("'", "'\\''") + "'");
        }
        return new Node.Simple(List.of(), words, List.of());
    }

    boolean streaming() {
        return streaming;
    }

    public ShellState state() {
        return st;
    }

    public boolean finished() {
        return finished;
    }

    /** Whether it spins without sleeping (for CPU usage): more iterations than elapsed milliseconds. */
    public long iterations() {
        return iterations;
    }

    /** The next event, or empty when it blocks forever or {@code budget} steps produced nothing. */
    public Optional<Event> next(int budget) {
        while (events.isEmpty()) {
            if (finished || blocked || budget-- <= 0) {
                return Optional.empty();
            }
            stepOnce();
        }
        return Optional.of(events.poll());
    }

    /** Advances until the shell's clock passes {@code until}; output meanwhile is queued for {@link #next}. */
    public void advanceTo(Duration until, int budget) {
        while (!finished && !blocked && st.time.compareTo(until) <= 0 && budget-- > 0) {
            stepOnce();
        }
    }

    private void stepOnce() {
        if (stack.isEmpty()) {
            finish(st.status);
            return;
        }
        try {
            Frame top = stack.peek();
            if (top.step()) {
                stack.remove(top);
            }
        } catch (Signals.Exit e) {
            stack.clear();
            finish(e.code);
        } catch (Signals.Forever e) {
            io.out().flush();
            io.err().flush();
            blocked = true;
        } catch (Signals.Handover h) {
            io.out().flush();
            io.err().flush();
            stack.clear();
            finished = true;
            events.add(new Handover(st.time, h.argv));
        } catch (Signals.Break | Signals.Return e) {
            unwind(e);
        }
    }

    private void finish(int code) {
        io.out().flush();
        io.err().flush();
        st.status = code;
        finished = true;
        events.add(new Finished(st.time, code));
    }

    private void unwind(RuntimeException signal) {
        if (signal instanceof Signals.Return r) {
            while (!stack.isEmpty() && !(stack.peek() instanceof CallFrame)) {
                stack.pop();
            }
            st.status = r.code;
            return;
        }
        Signals.Break b = (Signals.Break) signal;
        int levels = b.levels;
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            if (f instanceof LoopFrame loop) {
                if (--levels == 0) {
                    if (b.isContinue) {
                        loop.restart();
                    } else {
                        stack.pop();
                    }
                    return;
                }
            }
            stack.pop();
        }
    }

    /** How deep synchronous runs may nest (pipelines of functions calling themselves), per thread. */
    static final int MAX_NESTING = 40;
    /** Steps all nested synchronous runs of one outer step may take together (a pipeline of recursive functions). */
    static final int MAX_WORK = 300_000;
    /** [0]: current nesting depth; [1]: steps taken since the outermost synchronous run began. */
    private static final ThreadLocal<int[]> NESTING = ThreadLocal.withInitial(() -> new int[2]);

    /** Runs {@code node} to completion on this shell's state; a subshell keeps {@code exit} to itself. */
    int sync(Node node, Io with, boolean subshell) {
        int[] depth = NESTING.get();
        if (depth[0] == 0) {
            depth[1] = 0;
        }
        if (depth[0] >= MAX_NESTING || depth[1] >= MAX_WORK) {
            with.err().write("sh: can't fork: Resource temporarily unavailable\n");
            st.status = 2;
            return 2;
        }
        depth[0]++;
        try {
            return syncNested(node, with, subshell);
        } finally {
            depth[0]--;
        }
    }

    private int syncNested(Node node, Io with, boolean subshell) {
        Interpreter child = new Interpreter(st, with);
        child.stack.push(child.frame(node));
        int budget = SYNC_BUDGET;
        try {
            int[] work = NESTING.get();
            while (!child.finished && !child.blocked && budget-- > 0 && work[1]++ < MAX_WORK) {
                child.stepOnceSync();
            }
        } catch (Signals.Exit e) {
            if (!subshell) {
                with.out().flush();
                throw e;
            }
            st.status = e.code;
        }
        with.out().flush();
        with.err().flush();
        return st.status;
    }

    private void stepOnceSync() {
        if (stack.isEmpty()) {
            finished = true;
            return;
        }
        try {
            Frame top = stack.peek();
            if (top.step()) {
                stack.remove(top);
            }
        } catch (Signals.Forever e) {
            blocked = true;
        } catch (Signals.Break | Signals.Return e) {
            unwind(e);
        }
    }

    /** {@code $(...)}: runs in a copy of the shell; its clock carries over; trailing newlines dropped. */
    String substitute(String program) {
        ShellState sub = st.fork();
        Sink.Capture out = new Sink.Capture();
        Node node;
        try {
            node = Parser.parse(program);
        } catch (ShellSyntaxError e) {
            io.err().write(e.render(st.shell, st.flavour()) + "\n");
            return "";
        }
        new Interpreter(sub, io.withOut(out)).sync(node, io.withOut(out), true);
        st.time = sub.time;
        st.status = sub.status;
        return out.text().replaceAll("\n+$", "");
    }

    // ---- frames ----

    abstract static class Frame {
        /** Either pushes one child and returns false, or finishes and returns true. */
        abstract boolean step();
    }

    Frame frame(Node node) {
        if (node instanceof Node.Simple s) {
            return new SimpleFrame(s);
        } else if (node instanceof Node.Sequence s) {
            return new ListFrame(s.items());
        } else if (node instanceof Node.AndOr a) {
            return new AndOrFrame(a);
        } else if (node instanceof Node.If i) {
            return new IfFrame(i);
        } else if (node instanceof Node.Loop l) {
            return new LoopFrame(l.condition(), l.body(), l.until(), null, null);
        } else if (node instanceof Node.For f) {
            return new LoopFrame(null, f.body(), false, f.variable(), f.words());
        } else if (node instanceof Node.Pipeline p) {
            return new PipelineFrame(p);
        } else if (node instanceof Node.Group g) {
            return new GroupFrame(g);
        } else if (node instanceof Node.Case c) {
            return new CaseFrame(c);
        } else {
            Node.Function f = (Node.Function) node;
            return new OnceFrame(() -> {
                st.functions.put(f.name(), f.body());
                st.status = 0;
            });
        }
    }

    private void push(Node node) {
        stack.push(frame(node));
    }

    final class OnceFrame extends Frame {
        private final Runnable action;

        OnceFrame(Runnable action) {
            this.action = action;
        }

        @Override
        boolean step() {
            action.run();
            return true;
        }
    }

    final class SimpleFrame extends Frame {
        private final Node.Simple node;

        SimpleFrame(Node.Simple node) {
            this.node = node;
        }

        @Override
        boolean step() {
            commands.simple(node, io);
            return true;
        }
    }

    final class ListFrame extends Frame {
        private final List<Node> items;
        private int next;

        ListFrame(List<Node> items) {
            this.items = items;
        }

        @Override
        boolean step() {
            if (next >= items.size()) {
                return true;
            }
            push(items.get(next++));
            return false;
        }
    }

    final class AndOrFrame extends Frame {
        private final Node.AndOr node;
        private int next;

        AndOrFrame(Node.AndOr node) {
            this.node = node;
        }

        @Override
        boolean step() {
            while (next < node.items().size()) {
                int i = next++;
                if (i == 0 || node.ops().get(i - 1).equals("&&") == (st.status == 0)) {
                    push(node.items().get(i));
                    return false;
                }
            }
            return true;
        }
    }

    final class IfFrame extends Frame {
        private final Node.If node;
        private int branch;
        private boolean testing = true;
        private boolean done;

        IfFrame(Node.If node) {
            this.node = node;
        }

        @Override
        boolean step() {
            if (done) {
                return true;
            }
            if (testing) {
                if (branch < node.conditions().size()) {
                    testing = false;
                    push(node.conditions().get(branch));
                    return false;
                }
                done = true;
                if (node.otherwise() != null) {
                    push(node.otherwise());
                    return false;
                }
                st.status = 0;
                return true;
            }
            if (st.status == 0) {
                done = true;
                push(node.bodies().get(branch));
                return false;
            }
            branch++;
            testing = true;
            return false;
        }
    }

    /** while, until and for: one iteration at a time. */
    final class LoopFrame extends Frame {
        private final Node condition;
        private final Node body;
        private final boolean until;
        private final String variable;
        private final List<String> words;
        private List<String> items;
        private int index;
        private int phase;
        private int bodyStatus;
        private Duration iterationStart;

        LoopFrame(Node condition, Node body, boolean until, String variable, List<String> words) {
            this.condition = condition;
            this.body = body;
            this.until = until;
            this.variable = variable;
            this.words = words;
        }

        void restart() {
            endIteration();
            phase = 0;
        }

        private void endIteration() {
            iterations++;
            if (iterationStart != null && st.time.equals(iterationStart)) {
                st.time = st.time.plus(BUSY_ITERATION);
            }
        }

        @Override
        boolean step() {
            if (variable != null) {
                if (items == null) {
                    items = new ArrayList<>();
                    if (words == null) {
                        items.addAll(st.positional);
                    } else {
                        for (String w : words) {
                            items.addAll(Expander.fields(w, st, Interpreter.this::substitute));
                        }
                    }
                } else {
                    bodyStatus = st.status;
                    endIteration();
                }
                if (index >= items.size()) {
                    st.status = bodyStatus;
                    return true;
                }
                st.vars.put(variable, items.get(index++));
                iterationStart = st.time;
                push(body);
                return false;
            }
            switch (phase) {
                case 0 -> {
                    iterationStart = st.time;
                    phase = 1;
                    push(condition);
                    return false;
                }
                case 1 -> {
                    if ((st.status == 0) == until) {
                        st.status = bodyStatus;
                        return true;
                    }
                    phase = 2;
                    push(body);
                    return false;
                }
                default -> {
                    bodyStatus = st.status;
                    endIteration();
                    phase = 0;
                    return false;
                }
            }
        }
    }

    final class PipelineFrame extends Frame {
        private final Node.Pipeline node;

        PipelineFrame(Node.Pipeline node) {
            this.node = node;
        }

        @Override
        boolean step() {
            String input = io.stdin();
            List<Node> cmds = node.commands();
            for (int i = 0; i < cmds.size() - 1; i++) {
                Sink.Capture out = new Sink.Capture();
                ShellState sub = st.fork();
                new Interpreter(sub, io.withOut(out).withStdin(input)).sync(cmds.get(i), io.withOut(out).withStdin(input), true);
                st.time = sub.time;
                input = out.text();
            }
            Node last = cmds.get(cmds.size() - 1);
            sync(last, io.withStdin(input), cmds.size() > 1);
            if (node.negated()) {
                st.status = st.status == 0 ? 1 : 0;
            }
            return true;
        }
    }

    final class GroupFrame extends Frame {
        private final Node.Group node;
        private boolean pushed;

        GroupFrame(Node.Group node) {
            this.node = node;
        }

        @Override
        boolean step() {
            if (pushed) {
                return true;
            }
            if (node.redirects().isEmpty() && !node.subshell()) {
                pushed = true;
                push(node.body());
                return false;
            }
            Io redirected = commands.redirect(node.redirects(), io);
            if (redirected != null) {
                sync(node.body(), redirected, node.subshell());
                commands.closeRedirects(redirected, io);
            }
            return true;
        }
    }

    final class CaseFrame extends Frame {
        private final Node.Case node;
        private boolean pushed;

        CaseFrame(Node.Case node) {
            this.node = node;
        }

        @Override
        boolean step() {
            if (pushed) {
                return true;
            }
            String word = Expander.single(node.word(), st, Interpreter.this::substitute);
            for (int i = 0; i < node.patterns().size(); i++) {
                for (String p : node.patterns().get(i)) {
                    String pattern = Expander.single(p, st, Interpreter.this::substitute);
                    if (Expander.glob(pattern).matcher(word).matches()) {
                        pushed = true;
                        push(node.bodies().get(i));
                        return false;
                    }
                }
            }
            st.status = 0;
            return true;
        }
    }

    /** A shell function's body, with its own positional parameters. */
    final class CallFrame extends Frame {
        private final Node body;
        private final List<String> args;
        private List<String> saved;

        CallFrame(Node body, List<String> args) {
            this.body = body;
            this.args = args;
        }

        @Override
        boolean step() {
            if (saved != null) {
                st.positional = saved;
                return true;
            }
            saved = st.positional;
            st.positional = new ArrayList<>(args);
            push(body);
            return false;
        }
    }

    void call(Node body, List<String> args) {
        stack.push(new CallFrame(body, args));
    }
}
