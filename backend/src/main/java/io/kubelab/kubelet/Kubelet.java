package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.controller.Controller;
import io.kubelab.events.ComponentEvents;
import io.kubelab.record.EventRecorder;
import io.kubelab.record.EventSink;
import io.kubelab.record.Recorders;
import io.kubelab.runtime.ContainerRuntime;
import io.kubelab.runtime.RuntimeContainer;
import io.kubelab.runtime.image.Network;
import io.kubelab.runtime.image.Process;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * One node's kubelet: watches the pods bound to its node and runs them on its node's
 * {@link ContainerRuntime}, probes them, reports their status and its node's heartbeats, and deletes a
 * pod for good once a graceful deletion has stopped its containers. Everything it decides is rebuilt from
 * the API and the runtime: a stopped kubelet that starts again, or one built for a woken sandbox, carries
 * on where the cluster is.
 */
public final class Kubelet {

    public static final String COMPONENT = "kubelet";

    private final String nodeName;
    private final ApiServer api;
    private final SimClock clock;
    private final ComponentEvents events;
    private final ContainerRuntime runtime;
    private final PodNetwork network;
    private final UserInfo user;
    private final EventRecorder recorder;
    private final NodeWatch watch;
    private final Prober prober;
    private final PodWorker worker;
    private final Adoption adoption;
    private final NodeReporter reporter;
    private final Controller queue;
    private final String hostIp;
    private final ContainerConfig config;
    private boolean running = true;

    public Kubelet(String nodeName, ApiServer api, SimClock clock, ComponentEvents events, RandomGenerator random,
                   ContainerRuntime runtime, PodNetwork network) {
        this.nodeName = nodeName;
        this.api = api;
        this.clock = clock;
        this.events = events;
        this.runtime = runtime;
        this.network = network;
        this.user = UserInfo.component("system:node:" + nodeName);
        this.recorder = Recorders.kubelet(new EventSink(api, user, clock, random), nodeName);
        this.hostIp = internalIp(api, nodeName);
        this.watch = new NodeWatch(api, user, nodeName);
        this.queue = new Controller(COMPONENT, clock) {
            @Override
            protected void sync(String key) {
                worker.sync(key);
            }
        };
        this.prober = new Prober(runtime, clock, recorder, queue::enqueue, this::narrate);
        ImagePuller puller = new ImagePuller(runtime, clock, recorder, random, queue::enqueue);
        this.config = new ContainerConfig(api, user);
        ContainerStarter starter = new ContainerStarter(this, puller, prober, config);
        this.worker = new PodWorker(this, puller, prober, starter);
        this.adoption = new Adoption(this, starter, prober);
        this.reporter = new NodeReporter(nodeName, api, user, clock, recorder, runtime);
        runtime.setListener((uid, container) -> worker.states().forEach((key, state) -> {
            if (state.uid.equals(uid)) {
                queue.enqueue(key);
            }
        }));
        watch.start(this::podChanged, worker::referenced);
        reporter.start(false);
    }

    private static String internalIp(ApiServer api, String nodeName) {
        return api.peek(NodeReporter.NODES, "", nodeName).map(node -> {
            for (JsonNode address : node.path("status").path("addresses")) {
                if (address.path("type").asText().equals("InternalIP")) {
                    return address.path("address").asText();
                }
            }
            return "";
        }).orElse("");
    }

    /** A pod's spec or metadata changed, or it came or went; its status alone changing is not news. */
    private void podChanged(String key, ObjectNode old, ObjectNode now) {
        if (old == null || now == null || !sameButStatus(old, now) || worker.statusDrifted(key, now)) {
            queue.enqueue(key);
        }
    }

    /**
     * Whether two states of a pod are equal leaving out the status, the resourceVersion and managedFields;
     * compared field by field rather than on copies, since every status write of every pod asks.
     */
    static boolean sameButStatus(ObjectNode a, ObjectNode b) {
        return sameExcept(a, b, TOP_SKIPPED) && sameExcept(metadata(a), metadata(b), META_SKIPPED);
    }

    private static final java.util.Set<String> TOP_SKIPPED = java.util.Set.of("status", "metadata");
    private static final java.util.Set<String> META_SKIPPED = java.util.Set.of("resourceVersion", "managedFields");
    private static final ObjectNode NO_METADATA = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();

    private static ObjectNode metadata(ObjectNode pod) {
        JsonNode metadata = pod.get("metadata");
        return metadata instanceof ObjectNode o ? o : NO_METADATA;
    }

    /** Equal field by field, leaving out the fields named. */
    private static boolean sameExcept(ObjectNode a, ObjectNode b, java.util.Set<String> skipped) {
        int compared = 0;
        var fields = a.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (skipped.contains(field.getKey())) {
                continue;
            }
            compared++;
            if (!field.getValue().equals(b.get(field.getKey()))) {
                return false;
            }
        }
        var names = b.fieldNames();
        while (names.hasNext()) {
            if (!skipped.contains(names.next())) {
                compared--;
            }
        }
        return compared == 0;
    }

    /**
     * {@code systemctl stop kubelet} (false) or start (true): a stopped kubelet watches, probes and reports
     * nothing; the containers it started keep running. Starting again it re-lists its pods and resumes.
     */
    public void setRunning(boolean value) {
        if (value == running) {
            return;
        }
        running = value;
        if (!value) {
            queue.setRunning(false);
            watch.stop();
            reporter.stop();
            worker.states().values().forEach(state -> prober.removePod(state.uid));
            worker.reset();
            narrate("stop", null, "The kubelet on " + nodeName + " stopped: nothing on this node is watched or reported.");
            return;
        }
        worker.reset();
        narrate("start", null, "The kubelet on " + nodeName + " started and lists the pods bound to its node.");
        watch.start(this::podChanged, worker::referenced);
        reporter.start(true);
        queue.setRunning(true);
    }

    /** A node failure (false: the kubelet and every container on the node stop) or its recovery. */
    public void setNodeRunning(boolean value) {
        if (!value) {
            setRunning(false);
            runtime.setRunning(false);
        } else {
            runtime.setRunning(true);
            setRunning(true);
        }
    }

    public boolean running() {
        return running;
    }

    public String nodeName() {
        return nodeName;
    }

    public ContainerRuntime runtime() {
        return runtime;
    }

    /** What each running container of a pod uses now (for {@code kubectl top}), by container name. */
    public Map<String, Process.Usage> usage(String podUid) {
        return runtime.usage(podUid);
    }

    // ---- for the kubelet's parts -----------------------------------------------------------------------

    void retry(String key, PodState state, Duration delay, boolean work) {
        state.cancelRetry();
        state.retryIsWork = work;
        state.retry = work ? clock.schedule(delay, () -> queue.enqueue(key))
                : clock.scheduleBackground(delay, () -> queue.enqueue(key));
    }

    /** A component event of this kubelet: to the container runtime about a pod, or to itself about the node. */
    void narrate(String action, ObjectNode pod, String message) {
        narrate(action, pod, pod == null ? COMPONENT : ContainerRuntime.COMPONENT, message);
    }

    void narrate(String action, ObjectNode pod, String to, String message) {
        String object = pod == null ? "Node//" + nodeName : PodRefs.object(pod);
        events.emit(COMPONENT, nodeName, action, object, COMPONENT, to, message);
    }

    PodStatuses.Probes probes() {
        return new PodStatuses.Probes() {
            @Override
            public boolean started(JsonNode spec, RuntimeContainer c) {
                return !spec.has("startupProbe") || prober.result(c.id(), Prober.Kind.STARTUP).orElse(false);
            }

            @Override
            public boolean ready(JsonNode spec, RuntimeContainer c) {
                return !spec.has("readinessProbe") || prober.result(c.id(), Prober.Kind.READINESS).orElse(false);
            }
        };
    }

    ContainerConfig config() {
        return config;
    }

    NodeWatch watch() {
        return watch;
    }

    Adoption adoption() {
        return adoption;
    }

    ApiServer api() {
        return api;
    }

    UserInfo user() {
        return user;
    }

    SimClock clock() {
        return clock;
    }

    EventRecorder recorder() {
        return recorder;
    }

    ComponentEvents events() {
        return events;
    }

    String hostIp() {
        return hostIp;
    }

    /** The cluster network as a container of this pod sees it (its DNS search path, its address). */
    Network network(ObjectNode pod, String podIp) {
        return network.forPod(ObjectMeta.namespace(pod), ObjectMeta.name(pod), nodeName, podIp);
    }

    /** How the node's pods reach the cluster network: the wiring hands each pod its own view. */
    public interface PodNetwork {
        Network forPod(String namespace, String pod, String node, String podIp);

        PodNetwork NONE = (namespace, pod, node, podIp) -> Network.NONE;
    }
}
