package io.kubelab.tenancy;

import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.shell.CommandResult;
import io.kubelab.shell.Completion;
import io.kubelab.shell.Shell;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sandboxes whose running state lives on this member. Each sandbox's commands run one at a time,
 * in the order they arrive, whether they come from its terminal or from the automation API.
 */
public final class SandboxHost {

    private final ConcurrentHashMap<String, Shell> shells = new ConcurrentHashMap<>();

    /**
     * Installs the default cluster template in the background (about 0.7 s on a cold JVM), while the
     * server is still starting, so the first student's playground opens at once.
     */
    public static void warmUp() {
        Thread thread = new Thread(() -> SimCluster.prepare(ClusterSpec.standard()), "kubelab-cluster-template");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts a sandbox here: a freshly bootstrapped cluster whose simulated time follows the wall clock,
     * and its shell. The cluster's randomness is seeded from the id, so names are reproducible per sandbox.
     */
    public void start(String id) {
        start(id, ClusterSpec.standard());
    }

    /** {@link #start(String)} with the cluster the sandbox asked for. */
    public void start(String id, ClusterSpec cluster) {
        shells.computeIfAbsent(id, key -> new Shell(SimCluster.create(cluster,
                new SimClock(Instant.now(), System::nanoTime, SimClock.Mode.REALTIME), key.hashCode())));
    }

    public boolean hosts(String id) {
        return shells.containsKey(id);
    }

    public Optional<CommandResult> execute(String id, String line) {
        Shell shell = shells.get(id);
        if (shell == null) {
            return Optional.empty();
        }
        synchronized (shell) {
            return Optional.of(shell.execute(line));
        }
    }

    /**
     * What Tab offers at {@code cursor} of a line being typed; under the sandbox's lock like a command, as it
     * reads the shell's files and the cluster.
     */
    public Optional<Completion.Result> complete(String id, String line, int cursor) {
        Shell shell = shells.get(id);
        if (shell == null) {
            return Optional.empty();
        }
        synchronized (shell) {
            return Optional.of(Completion.complete(shell, line, cursor));
        }
    }

    /** The prompt the sandbox's terminal shows now ({@code student@workstation:~$ }, or a node's after ssh). */
    public Optional<String> prompt(String id) {
        Shell shell = shells.get(id);
        if (shell == null) {
            return Optional.empty();
        }
        synchronized (shell) {
            return Optional.of(shell.prompt());
        }
    }

    public Optional<java.util.List<String>> history(String id) {
        Shell shell = shells.get(id);
        if (shell == null) {
            return Optional.empty();
        }
        synchronized (shell) {
            return Optional.of(shell.history());
        }
    }

    /**
     * Lets simulated time catch up with the wall clock in every sandbox here, running what fell due (a
     * realtime cluster moves on between commands too). Each sandbox is ticked under its own lock, one at a
     * time, exactly as its commands run.
     */
    public void tickAll() {
        for (Shell shell : shells.values()) {
            synchronized (shell) {
                shell.cluster().ifPresent(cluster -> cluster.clock().tick());
            }
        }
    }

    public Optional<SimCluster> cluster(String id) {
        Shell shell = shells.get(id);
        return shell == null ? Optional.empty() : shell.cluster();
    }

    public void stop(String id) {
        shells.remove(id);
    }

    public Set<String> ids() {
        return Set.copyOf(shells.keySet());
    }

    public int size() {
        return shells.size();
    }
}
