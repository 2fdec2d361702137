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

    public CommandResult execute(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return CommandResult.empty();
        }
        remember(trimmed);
        if (cluster != null) {
            cluster.clock().tick();
        }
        return new Interpreter(this).run(trimmed);
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
