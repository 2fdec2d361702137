package io.kubelab.tenancy;

import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.k8sapi.KubeApi;
import io.kubelab.k8sapi.KubeExchange;
import io.kubelab.k8sapi.KubeRequest;
import io.kubelab.shell.CommandResult;
import io.kubelab.shell.Completion;
import io.kubelab.shell.EditorFile;
import io.kubelab.shell.Shell;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandboxes whose running state lives on this member. Each sandbox's commands run one at a time,
 * in the order they arrive, whether they come from its terminal or from the automation API.
 */
public final class SandboxHost {

    /** Editors a sandbox keeps open at once (a terminal per browser tab); older ones are forgotten. */
    static final int MAX_OPEN_EDITORS = 8;

    private final ConcurrentHashMap<String, Shell> shells = new ConcurrentHashMap<>();
    /** Each sandbox's open editors by id, oldest first; read and changed under the sandbox's shell lock. */
    private final ConcurrentHashMap<String, LinkedHashMap<String, EditorFile>> editors = new ConcurrentHashMap<>();
    private final AtomicLong editorIds = new AtomicLong();
    /** Each sandbox's Kubernetes API face, made on its first HTTP request; read and made under the shell lock. */
    private final ConcurrentHashMap<String, KubeApi> kubeApis = new ConcurrentHashMap<>();

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
     * Runs a line typed in the browser terminal, which can show an editor: {@code vi FILE} and
     * {@code kubectl edit} open one (and print nothing) instead of failing as they do for {@link #execute}.
     */
    public Optional<TerminalResult> executeInTerminal(String id, String line) {
        Shell shell = shells.get(id);
        if (shell == null) {
            return Optional.empty();
        }
        synchronized (shell) {
            CommandResult result = shell.execute(line, true);
            return Optional.of(new TerminalResult(result, register(id, shell.takeEditor())));
        }
    }

    /** The student saved editor {@code editorId} with {@code text}: the file is written or the edit applied. */
    public Optional<TerminalResult> save(String id, String editorId, String text) {
        return close(id, editorId, file -> file.save(text));
    }

    /** The student quit editor {@code editorId} without saving. */
    public Optional<TerminalResult> quit(String id, String editorId) {
        return close(id, editorId, EditorFile::quit);
    }

    private Optional<TerminalResult> close(String id, String editorId,
                                           java.util.function.Function<EditorFile, EditorFile.Closed> how) {
        Shell shell = shells.get(id);
        if (shell == null) {
            return Optional.empty();
        }
        synchronized (shell) {
            LinkedHashMap<String, EditorFile> open = editors.get(id);
            EditorFile file = open == null ? null : open.remove(editorId);
            if (file == null) {
                return Optional.of(new TerminalResult(CommandResult.failure(
                        "kubelab: this editor was closed already; its text was not saved\n", 1), null));
            }
            EditorFile.Closed closed = how.apply(file);
            return Optional.of(new TerminalResult(closed.result(), register(id, closed.reopen())));
        }
    }

    /** Remembers an opened editor under a new id; the caller holds the sandbox's lock. */
    private TerminalResult.Editor register(String id, EditorFile file) {
        if (file == null) {
            return null;
        }
        LinkedHashMap<String, EditorFile> open = editors.computeIfAbsent(id, key -> new LinkedHashMap<>());
        if (open.size() >= MAX_OPEN_EDITORS) {
            open.remove(open.keySet().iterator().next());
        }
        String editorId = "e" + Long.toString(editorIds.incrementAndGet(), 36);
        open.put(editorId, file);
        return new TerminalResult.Editor(editorId, file.title(), file.text());
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

    /**
     * Serves a request of the sandbox's Kubernetes API under its lock, as its commands run; false when the
     * sandbox does not run here.
     */
    public boolean serveKube(String id, KubeRequest request, KubeExchange exchange) {
        Shell shell = shells.get(id);
        if (shell == null || shell.cluster().isEmpty()) {
            return false;
        }
        synchronized (shell) {
            SimCluster cluster = shell.cluster().get();
            KubeApi api = kubeApis.get(id);
            if (api == null || api.cluster() != cluster) {
                if (api != null) {
                    api.close();
                }
                api = new KubeApi(cluster);
                kubeApis.put(id, api);
            }
            api.serve(request, exchange);
        }
        return true;
    }

    /** Runs {@code work} under the sandbox's lock (closing a watch from the transport's side); nothing if gone. */
    public void underLock(String id, Runnable work) {
        Shell shell = shells.get(id);
        if (shell != null) {
            synchronized (shell) {
                work.run();
            }
        }
    }

    public Optional<SimCluster> cluster(String id) {
        Shell shell = shells.get(id);
        return shell == null ? Optional.empty() : shell.cluster();
    }

    public void stop(String id) {
        shells.remove(id);
        editors.remove(id);
        KubeApi api = kubeApis.remove(id);
        if (api != null) {
            api.close();
        }
    }

    public Set<String> ids() {
        return Set.copyOf(shells.keySet());
    }

    public int size() {
        return shells.size();
    }
}
