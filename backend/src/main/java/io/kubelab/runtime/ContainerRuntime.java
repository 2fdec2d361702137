package io.kubelab.runtime;

import io.kubelab.clock.GoDuration;
import io.kubelab.clock.SimClock;
import io.kubelab.events.ComponentEvents;
import io.kubelab.runtime.image.ContainerStart;
import io.kubelab.runtime.image.Image;
import io.kubelab.runtime.image.ImageCatalogue;
import io.kubelab.runtime.image.Network;
import io.kubelab.runtime.image.Process;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One node's container runtime behind the CRI: sandboxes with their CNI-allocated IPs, the image store,
 * and the containers' processes, whose steps it plays on the sandbox clock (output into the container's
 * log, exits). It reports each CRI call as a {@code container-runtime} component event and tells its
 * kubelet when a container exits, as the PLEG would notice.
 *
 * <p>State is per sandbox and small: two instances per container name, no exited process kept.
 */
public final class ContainerRuntime {

    public static final String COMPONENT = "container-runtime";
    /** Exit code of a process killed by SIGKILL (the OOM killer, or the grace period running out). */
    public static final int SIGKILL_EXIT = 137;

    /** What the kubelet hears from the runtime (its PLEG). */
    public interface Listener {
        void containerExited(String podUid, String container);
    }

    private final String nodeName;
    private final String nodeIp;
    private final RuntimeFlavor flavor;
    private final ImageCatalogue catalogue;
    private final SimClock clock;
    private final ComponentEvents events;
    private final RandomGenerator random;
    private final ContainerLogs logs;
    private final PodIps ips;
    private final ImageStore images = new ImageStore();
    private final Processes processes;
    private final Map<String, Sandbox> sandboxes = new LinkedHashMap<>();
    private Listener listener = (uid, name) -> { };
    private boolean running = true;
    private boolean rebooted;

    public ContainerRuntime(String nodeName, String nodeIp, String podCidr, RuntimeFlavor flavor,
                            ImageCatalogue catalogue, SimClock clock, ComponentEvents events, RandomGenerator random,
                            ContainerLogs logs) {
        this.nodeName = nodeName;
        this.nodeIp = nodeIp;
        this.flavor = flavor;
        this.catalogue = catalogue;
        this.clock = clock;
        this.events = events;
        this.random = random;
        this.logs = logs;
        this.ips = new PodIps(podCidr);
        this.processes = new Processes(clock, logs, this::emit, (uid, name) -> listener.containerExited(uid, name));
    }

    public void setListener(Listener value) {
        listener = value;
    }

    public RuntimeFlavor flavor() {
        return flavor;
    }

    public String nodeName() {
        return nodeName;
    }

    /** Whether the node is powered on; a node that failed lost every container and sandbox. */
    public boolean running() {
        return running;
    }

    /** Whether the node went down since this runtime was built: containers in the API are then gone for real. */
    public boolean rebooted() {
        return rebooted;
    }

    /** The node fails (everything in it dies) or comes back empty. */
    public void setRunning(boolean value) {
        if (running && !value) {
            for (Sandbox sandbox : new ArrayList<>(sandboxes.values())) {
                for (RuntimeContainer c : sandbox.current.values()) {
                    if (c.running()) {
                        c.exited(clock.now(), SIGKILL_EXIT, "Unknown");
                    }
                }
                ips.release(sandbox.ip());
            }
            sandboxes.clear();
            rebooted = true;
        }
        running = value;
    }

    // ---- sandboxes -----------------------------------------------------------------------------------

    public Optional<Sandbox> sandbox(String podUid) {
        return Optional.ofNullable(sandboxes.get(podUid));
    }

    /** RunPodSandbox: the pause container, then CNI ADD for an IP (the node's own for hostNetwork pods). */
    public Optional<Sandbox> runPodSandbox(String podUid, String namespace, String podName, boolean hostNetwork) {
        String ip;
        if (hostNetwork) {
            ip = nodeIp;
        } else {
            Optional<String> allocated = ips.allocate();
            if (allocated.isEmpty()) {
                return Optional.empty();
            }
            ip = allocated.get();
        }
        Sandbox sandbox = new Sandbox(hex(), podUid, namespace, podName, ip, hostNetwork);
        sandboxes.put(podUid, sandbox);
        String object = sandbox.reference();
        emit("run-sandbox", object, "Created the sandbox of pod " + podName
                + " (its pause container) with runc, which set up its network, IPC and UTS namespaces.");
        if (hostNetwork) {
            emit("cni", object, "Pod " + podName + " uses the node's own network, so no CNI call: its IP is the node's, "
                    + ip + ".");
        } else {
            emit("cni-add", object, "CNI ADD attached pod " + podName + " to the pod network with IP " + ip + ".");
        }
        return Optional.of(sandbox);
    }

    /** Takes over a sandbox that was running before this runtime object existed (a wake or failover). */
    public Sandbox adoptSandbox(String podUid, String namespace, String podName, boolean hostNetwork, String ip) {
        Sandbox sandbox = new Sandbox(hex(), podUid, namespace, podName, ip, hostNetwork);
        if (!hostNetwork) {
            ips.reserve(ip);
        }
        sandboxes.put(podUid, sandbox);
        return sandbox;
    }

    /** StopPodSandbox: stops what still runs, then CNI DEL frees the IP. */
    public void stopPodSandbox(String podUid) {
        Sandbox sandbox = sandboxes.get(podUid);
        if (sandbox == null || !sandbox.ready()) {
            return;
        }
        for (RuntimeContainer c : sandbox.current.values()) {
            if (c.running()) {
                c.exited(clock.now(), SIGKILL_EXIT, "Error");
            }
        }
        sandbox.stopped();
        if (!sandbox.hostNetwork()) {
            ips.release(sandbox.ip());
            emit("cni-del", sandbox.reference(), "CNI DEL detached pod " + sandbox.podName()
                    + " from the pod network and freed IP " + sandbox.ip() + ".");
        }
        emit("stop-sandbox", sandbox.reference(), "Stopped the sandbox of pod " + sandbox.podName() + ".");
    }

    /** RemovePodSandbox: the sandbox and its containers are forgotten, and so are their logs. */
    public void removePodSandbox(String podUid) {
        stopPodSandbox(podUid);
        Sandbox sandbox = sandboxes.remove(podUid);
        if (sandbox != null) {
            logs.removePod(sandbox.namespace(), sandbox.podName());
            emit("remove-sandbox", sandbox.reference(), "Removed the sandbox and containers of pod "
                    + sandbox.podName() + ".");
        }
    }

    /** The API object behind a sandbox was replaced (a static pod's new mirror pod): same sandbox, new uid. */
    public void rekey(String oldUid, String newUid) {
        Sandbox sandbox = sandboxes.remove(oldUid);
        if (sandbox != null) {
            sandboxes.put(newUid, sandbox.withUid(newUid));
        }
    }

    public List<Sandbox> sandboxes() {
        return List.copyOf(sandboxes.values());
    }

    // ---- images --------------------------------------------------------------------------------------

    /** ImageStatus: the image if the node has it. */
    public Optional<Image> image(String image) {
        return images.find(image);
    }

    /** What the registry answers for {@code image}; the caller waits the image's pull time before {@link #storeImage}. */
    public ImageCatalogue.Pull resolve(String image) {
        return catalogue.pull(image);
    }

    /** PullImage finished: the layers are unpacked through the snapshotter and the image is in the store. */
    public void storeImage(String image, Image pulled, String podReference) {
        images.add(image, pulled);
        emit("pull-image", podReference, "Pulled " + pulled.reference() + " (" + pulled.sizeBytes()
                + " bytes) from its registry in " + GoDuration.format(pulled.pullTime())
                + " and unpacked its layers with the overlayfs snapshotter.");
    }

    /** The node's images, largest first. */
    public List<Image> images() {
        return images.list();
    }

    // ---- containers ----------------------------------------------------------------------------------

    /** CreateContainer: a new instance of {@code name}, the next attempt after the one before. */
    public RuntimeContainer createContainer(Sandbox sandbox, String name, Image image) {
        RuntimeContainer before = sandbox.current.get(name);
        if (before == null) {
            before = sandbox.previous.get(name);
        } else {
            sandbox.previous.put(name, before);
        }
        int attempt = before == null ? 0 : before.attempt() + 1;
        RuntimeContainer c = new RuntimeContainer(hex(), name, attempt, image.reference(), image.imageId());
        sandbox.current.put(name, c);
        emit("create-container", sandbox.reference(), "Created container " + name + " of pod " + sandbox.podName()
                + " from image " + image.reference() + ".");
        return c;
    }

    /**
     * StartContainer: runc starts the process in the sandbox's namespaces with its cgroup limits. Steps the
     * process takes within {@code workHorizon} of its start are work the simulation waits for; later ones
     * run in the background (a server's far-off exit must not hold up {@code sim settle}).
     */
    public void startContainer(Sandbox sandbox, RuntimeContainer c, Image image, ContainerStart start,
                               Duration workHorizon) {
        if (sandbox.previous.containsKey(c.name()) && c.attempt() > 0) {
            logs.restarted(sandbox.namespace(), sandbox.podName(), c.name());
        }
        c.running(clock.now(), image.program().start(start));
        String limit = start.memoryLimitBytes() > 0 ? " with a memory limit of " + start.memoryLimitBytes()
                + " bytes in its cgroup" : "";
        emit("start-container", sandbox.reference(), "runc started container " + c.name() + " of pod "
                + sandbox.podName() + " in the pod's namespaces" + limit + ".");
        processes.play(sandbox, c, clock.now().plus(workHorizon));
    }

    /**
     * A container that was running before this runtime object existed (a woken or moved sandbox, or the
     * bootstrap's system pods): its process starts as if it had run since {@code startedAt}, its past
     * output not repeated, and no event says anything happened.
     */
    public RuntimeContainer adoptContainer(Sandbox sandbox, String name, Optional<Image> image, String id,
                                           String imageRef, String imageId, int attempt, Instant startedAt,
                                           ContainerStart start) {
        RuntimeContainer c = new RuntimeContainer(id, name, attempt, imageRef, imageId);
        sandbox.current.put(name, c);
        if (image.isEmpty()) {
            // The registry no longer knows it: the container runs on, doing nothing we can simulate.
            c.running(startedAt, null);
            return c;
        }
        c.running(startedAt, image.get().program().start(start));
        processes.resume(sandbox, c);
        return c;
    }

    /** An instance the API server says has finished (a completed init container) when the runtime was not there. */
    public void rememberExited(Sandbox sandbox, String name, String id, int attempt, String imageRef, String imageId,
                               Instant startedAt, Instant finishedAt, int exitCode, String reason) {
        sandbox.current.put(name, RuntimeContainer.exitedGhost(id, name, attempt, imageRef, imageId, startedAt,
                finishedAt, exitCode, reason));
    }

    /** An image the node had before this runtime object existed: in the store again, without a pull. */
    public void adoptImage(String image, Image pulled) {
        images.add(image, pulled);
    }

    /** Records what the API server says an earlier instance ended as, so {@code lastState} survives a wake. */
    public void rememberPrevious(Sandbox sandbox, String name, String id, int attempt, String imageRef,
                                 String imageId, Instant startedAt, Instant finishedAt, int exitCode, String reason) {
        sandbox.previous.put(name, RuntimeContainer.exitedGhost(id, name, attempt, imageRef, imageId, startedAt,
                finishedAt, exitCode, reason));
    }

    /**
     * StopContainer: SIGTERM, then SIGKILL once {@code grace} has passed if the process is still there.
     * A process that handles SIGTERM exits with 0 when it is done; a killed one with 137.
     */
    public void stopContainer(Sandbox sandbox, RuntimeContainer c, Duration grace) {
        processes.stop(sandbox, c, grace);
    }

    /** ExecSync in a running container ({@code kubectl exec}, exec probes, preStop hooks). */
    public Optional<Process.ExecResult> exec(String podUid, String container, List<String> argv) {
        return exec(podUid, container, argv, "");
    }

    /** ExecSync with {@code stdin} as the command's whole standard input ({@code kubectl exec -i}). */
    public Optional<Process.ExecResult> exec(String podUid, String container, List<String> argv, String stdin) {
        return runningProcess(podUid, container).map(p -> p.exec(argv, stdin, clock.now()));
    }

    /** An HTTP request to a pod's IP and port; the serving container's access log gets its lines. */
    public Optional<Process.Served> http(String podUid, int port, Network.HttpRequest request) {
        Sandbox sandbox = sandboxes.get(podUid);
        if (sandbox == null) {
            return Optional.empty();
        }
        for (RuntimeContainer c : sandbox.current.values()) {
            if (c.running() && c.process != null && c.process.listening(port)) {
                Optional<Process.Served> served = c.process.http(port, request, clock.now());
                served.ifPresent(s -> s.log().forEach(line -> logs.append(sandbox.namespace(), sandbox.podName(),
                        c.name(), clock.now(), line.line())));
                return served;
            }
        }
        return Optional.empty();
    }

    /** Whether any running container of the pod accepts TCP on {@code port}. */
    public boolean listening(String podUid, int port) {
        Sandbox sandbox = sandboxes.get(podUid);
        if (sandbox == null) {
            return false;
        }
        for (RuntimeContainer c : sandbox.current.values()) {
            if (c.running() && c.process != null && c.process.listening(port)) {
                return true;
            }
        }
        return false;
    }

    /** What each running container of the pod uses now, by container name (for {@code kubectl top}). */
    public Map<String, Process.Usage> usage(String podUid) {
        Map<String, Process.Usage> out = new LinkedHashMap<>();
        Sandbox sandbox = sandboxes.get(podUid);
        if (sandbox != null) {
            for (RuntimeContainer c : sandbox.current.values()) {
                if (c.running() && c.process != null) {
                    out.put(c.name(), c.process.usage());
                }
            }
        }
        return out;
    }

    private Optional<Process> runningProcess(String podUid, String container) {
        Sandbox sandbox = sandboxes.get(podUid);
        if (sandbox == null) {
            return Optional.empty();
        }
        RuntimeContainer c = sandbox.current.get(container);
        return c != null && c.running() ? Optional.ofNullable(c.process) : Optional.empty();
    }

    private String hex() {
        StringBuilder out = new StringBuilder(64);
        for (int i = 0; i < 4; i++) {
            out.append(String.format("%016x", random.nextLong()));
        }
        return out.toString();
    }

    void emit(String action, String object, String message) {
        events.emit(COMPONENT, nodeName, action, object, "kubelet", COMPONENT, message);
    }
}
