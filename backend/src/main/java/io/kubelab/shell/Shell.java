package io.kubelab.shell;

import io.kubelab.cluster.SimCluster;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * One sandbox's shell: the state behind its browser terminal and the automation API's {@code exec}.
 * Both call {@link #execute(String)}, so they see the same history and, later, the same files,
 * aliases and current namespace. Not thread-safe: its owner runs one command at a time.
 */
public final class Shell {

    /** Lines kept for {@code history} and the arrow keys, like bash's default HISTSIZE. */
    public static final int HISTORY_SIZE = 1000;

    private static final Builtins BUILTINS = new Builtins();

    private final Deque<String> history = new ArrayDeque<>();
    private final SimCluster cluster;
    private final Sessions sessions = new Sessions();
    private int historyOffset;
    private int status;
    /** Commands run by the current {@link #execute}, against {@link Limits#MAX_COMMANDS}. */
    private int spent;
    private int depth;
    private java.time.Duration slept = java.time.Duration.ZERO;
    /** Whether the running line came from the browser terminal, which can show an editor. */
    private boolean terminal;
    /** The file the running line asked the browser terminal to edit, if any. */
    private EditorFile opened;

    /** A shell with no cluster behind it (the cluster-less commands still work). */
    public Shell() {
        this(null);
    }

    public Shell(SimCluster cluster) {
        this.cluster = cluster;
        KubectlCommand.seedKubeconfig(this);
    }

    public Optional<SimCluster> cluster() {
        return Optional.ofNullable(cluster);
    }

    /**
     * Runs what the student typed or pasted (several lines and heredocs included) and returns everything it
     * printed. Never throws: whatever the text, the answer is output and an exit code.
     */
    public CommandResult execute(String line) {
        return execute(line, false);
    }

    /**
     * {@link #execute(String)} for the browser terminal when {@code terminal}: {@code vi FILE} and
     * {@code kubectl edit} then open its editor ({@link #takeEditor()}) instead of failing for want of one.
     */
    public CommandResult execute(String line, boolean terminal) {
        opened = null;
        this.terminal = terminal;
        try {
            return run(line);
        } finally {
            this.terminal = false;
        }
    }

    /** The editor the last {@link #execute(String, boolean)} opened, once; null when it opened none. */
    public EditorFile takeEditor() {
        EditorFile file = opened;
        opened = null;
        return file;
    }

    /** Whether an editor can be shown for the running line. */
    boolean terminal() {
        return terminal;
    }

    /** Opens {@code file} in the terminal's editor; false without a terminal or when the line opened one already. */
    boolean openEditor(EditorFile file) {
        if (!terminal || opened != null) {
            return false;
        }
        opened = file;
        return true;
    }

    private CommandResult run(String line) {
        String trimmed = line == null ? "" : line.strip();
        if (trimmed.isEmpty()) {
            return CommandResult.empty();
        }
        if (trimmed.length() > Limits.MAX_INPUT_CHARS) {
            status = 1;
            return CommandResult.failure("bash: input too long: " + trimmed.length() + " characters (limit "
                    + Limits.MAX_INPUT_CHARS + ")\n", 1);
        }
        remember(trimmed);
        if (cluster != null) {
            cluster.clock().tick();
        }
        spent = 0;
        depth = 0;
        jump = 0;
        loops = 0;
        subshells = 0;
        readers.clear();
        try {
            return new Interpreter(this).run(trimmed);
        } catch (StackOverflowError e) {
            status = 2;
            return CommandResult.failure("bash: expression nested too deeply\n", 2);
        } catch (RuntimeException e) {
            // A command's defect must not take the sandbox's worker down; the student sees that it failed.
            status = 1;
            return CommandResult.failure("bash: internal error: " + e + "\n", 1);
        }
    }

    /** Runs text inside the current command ({@code $(...)}, {@code source}, {@code xargs}, {@code watch}). */
    CommandResult nested(String text) {
        if (depth >= Limits.MAX_DEPTH) {
            return CommandResult.failure("bash: maximum nesting level exceeded (" + Limits.MAX_DEPTH + ")\n", 1);
        }
        depth++;
        try {
            return new Interpreter(this).run(text);
        } finally {
            depth--;
        }
    }

    /** Counts one command against the line's budget; bash's-style complaint once it is spent. */
    String spend() {
        return ++spent > Limits.MAX_COMMANDS
                ? "bash: too many commands for one line (limit " + Limits.MAX_COMMANDS + ")\n" : null;
    }

    /** The sandbox's simulated time (without a cluster, the real time plus what {@code sleep} added). */
    java.time.Instant now() {
        return cluster != null ? cluster.clock().now() : java.time.Instant.now().plus(slept);
    }

    /** {@code sleep}: the cluster's clock moves on, its controllers running as they would meanwhile. */
    void advance(java.time.Duration by) {
        if (cluster != null) {
            cluster.clock().advance(by);
        } else {
            slept = slept.plus(by);
        }
    }

    /** {@code break N} and {@code continue N} waiting for their loop; negative levels mean continue. */
    private int jump;
    /** The lines {@code read} takes, while a loop reads its redirected or piped input. */
    private java.util.Deque<java.util.Iterator<String>> readers = new java.util.ArrayDeque<>();

    /** The pending jump of {@code exit} inside {@code ( ... )}: everything up to the subshell's end is skipped. */
    static final int EXIT_SUBSHELL = Integer.MIN_VALUE / 2;
    private int subshells;

    void enterSubshell() {
        subshells++;
    }

    void leaveSubshell() {
        subshells--;
        jump = 0;
    }

    boolean inSubshell() {
        return subshells > 0;
    }

    /** How many loops are running: {@code break} outside one is only a complaint. */
    private int loops;

    void enterLoop() {
        loops++;
    }

    void leaveLoop() {
        loops--;
    }

    boolean inLoop() {
        return loops > 0;
    }

    boolean jumping() {
        return jump != 0;
    }

    int jump() {
        return jump;
    }

    void setJump(int levels) {
        jump = levels;
    }

    java.util.Deque<java.util.Iterator<String>> readers() {
        return readers;
    }

    /** {@code $?}: the exit status of the last command. */
    int status() {
        return status;
    }

    void setStatus(int value) {
        status = value;
    }

    /** The command {@code name} as this shell's current machine has it, or null ("command not found"). */
    Builtin command(String name) {
        Builtins.Entry entry = BUILTINS.find(name);
        if (entry == null || (entry.nodeOnly() && sessions.host() == null)) {
            return null;
        }
        return entry.command();
    }

    /** Where the student is: their workstation, or a node they reached with {@code ssh}. */
    public Sessions sessions() {
        return sessions;
    }

    /** The prompt a terminal shows before the next line, e.g. {@code root@node01:~# }. */
    public String prompt() {
        return sessions.prompt();
    }

    /** The remembered lines, oldest first. */
    public List<String> history() {
        return new ArrayList<>(history);
    }

    /** How many lines were dropped from the front, so {@code history} numbers stay stable. */
    int historyOffset() {
        return historyOffset;
    }

    private void remember(String line) {
        history.addLast(line);
        if (history.size() > HISTORY_SIZE) {
            history.removeFirst();
            historyOffset++;
        }
    }
}
