package io.kubelab.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.Authorizer;
import io.kubelab.apiserver.Patcher;
import io.kubelab.apiserver.Pipeline;
import io.kubelab.apiserver.authorization.AccessReviews;
import io.kubelab.clock.SimClock;
import io.kubelab.controller.Controller;
import io.kubelab.dns.CoreDns;
import io.kubelab.events.ComponentEvents;
import io.kubelab.proxy.KubeProxy;
import io.kubelab.runtime.ContainerRuntime;
import io.kubelab.runtime.image.Network;
import io.kubelab.runtime.ContainerLogs;
import io.kubelab.store.MemoryStore;
import io.kubelab.store.Store;

import io.kubelab.model.ResourceTypes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * One sandbox's simulated cluster: its clock, its etcd, its API server and the components around them.
 * Everything runs on the caller's thread, one call at a time.
 */
public final class SimCluster {

    private final SimClock clock;
    private final Store store;
    private final ComponentEvents events;
    private final ApiServer api;
    private final ClusterSpec spec;
    private final TreeSet<String> stopped = new TreeSet<>();
    private long seed;
    private ContainerLogs logs;
    private List<ObjectNode> policy = List.of();
    private SimClock.Mode resumeMode = SimClock.Mode.REALTIME;
    private Components parts;
    private final Map<String, NodeHost> hosts = new LinkedHashMap<>();
    private StaticPods staticPods;

    private SimCluster(SimClock clock, Store store, ComponentEvents events, ApiServer api, ClusterSpec spec) {
        this.clock = clock;
        this.store = store;
        this.events = events;
        this.api = api;
        this.spec = spec;
    }

    /**
     * A new cluster in a fresh kubeadm cluster's state at the clock's current time: a copy of the cluster
     * shape's {@link ClusterTemplate}, which was bootstrapped through the API server once.
     */
    public static SimCluster create(ClusterSpec spec, SimClock clock, long seed) {
        ClusterTemplate template = ClusterTemplate.of(spec);
        SortedMap<String, ObjectNode> objects = template.objectsAt(clock.now());
        List<ObjectNode> systemPods = List.copyOf(objects.subMap(SYSTEM_PODS, SYSTEM_PODS + Character.MAX_VALUE)
                .values());
        SimCluster cluster = assemble(spec, clock, seed, MemoryStore.restored(template.revision(), objects), 0);
        SystemLogs.seed(cluster.logs, systemPods, clock.now(), spec.controlPlane().internalIp());
        cluster.startComponents();
        cluster.startMachines(null);
        return cluster;
    }

    /** Installs a cluster shape's template now, so the first sandbox of that shape does not wait for it. */
    public static void prepare(ClusterSpec spec) {
        ClusterTemplate.of(spec);
    }

    /** kubeadm's {@code --pod-network-cidr}, which kube-proxy's {@code clusterCIDR} repeats. */
    public static final String CLUSTER_CIDR = "10.244.0.0/16";

    private static final String SYSTEM_PODS = io.kubelab.store.Keys.prefix("pods", "kube-system");

    /** Bootstraps a cluster request by request through the API server (what the template is made of). */
    public static SimCluster install(ClusterSpec spec, SimClock clock, long seed) {
        SimCluster cluster = assemble(spec, clock, seed, new MemoryStore(), 0);
        Store store = cluster.store;
        ApiServer api = cluster.api;
        cluster.events.mute(true);
        Bootstrap.run(api, spec, clock.now(), cluster.policy);
        // The installation's history is nobody's business: the student's cluster starts compacted.
        store.compact(store.revision());
        return cluster;
    }

    private static SimCluster assemble(ClusterSpec spec, SimClock clock, long seed, Store store, long lastEventSeq) {
        ComponentEvents events = new ComponentEvents(clock::now, lastEventSeq);
        RandomGenerator random = new SplittableRandom(seed ^ store.revision());
        Wiring wiring = Wiring.standard(store);
        ContainerLogs logs = new ContainerLogs();
        ApiServer api = new ApiServer(store, wiring.pipeline(), wiring.authorizer(), wiring.patcher(), logs, clock::now,
                random, events);
        wiring.reviews().register(api);
        SimCluster cluster = new SimCluster(clock, store, events, api, spec);
        cluster.logs = logs;
        cluster.seed = seed;
        cluster.policy = wiring.policy();
        return cluster;
    }

    private void startComponents() {
        // The components' informers list and watch as they start: plumbing, not news for the student.
        events.mute(true);
        try {
            wireComponents();
        } finally {
            events.mute(false);
        }
    }

    private void wireComponents() {
        parts = Components.wire(spec, clock, store, api, events, logs, seed, stopped::contains);
        // What was stopped before parking is stopped again, silently (the caller mutes): the student did
        // nothing now.
        for (String component : stopped) {
            apply(component, false);
        }
    }

    /**
     * Everything this cluster is, as bytes: what an idle sandbox keeps. The cluster must not be used
     * afterwards; {@link #wake} builds a new one.
     */
    public ParkedCluster park() {
        clock.tick();
        if (!(store instanceof MemoryStore memory)) {
            throw new IllegalStateException("only an in-memory store parks this way");
        }
        // Parking is ours, not the cluster's: its components stop without narrating a stop.
        events.mute(true);
        parts.stopAll();
        return new ParkedCluster(spec, seed, store.revision(), clock.now(), clock.mode().name(), clock.speed(),
                events.lastSeq(), List.copyOf(stopped), ParkedCluster.pack(memory.snapshot()),
                ParkedCluster.packLogs(logs), ParkedCluster.packFiles(hosts));
    }

    /** The parked cluster running again on {@code clock}; its components rebuild from the stored objects. */
    public static SimCluster wake(ParkedCluster parked, SimClock clock) {
        MemoryStore store = MemoryStore.restored(parked.revision(), parked.unpack());
        SimCluster cluster = assemble(parked.spec(), clock, parked.seed(), store, parked.lastEventSeq());
        cluster.stopped.addAll(parked.stopped());
        parked.unpackLogs(cluster.logs);
        cluster.startComponents();
        cluster.startMachines(parked);
        return cluster;
    }

    /**
     * The nodes as machines: each one's files (kubeadm's, plus what a parked sandbox changed) and, on the
     * control plane, the kubelet's static pod source watching its manifest directory.
     */
    private void startMachines(ParkedCluster parked) {
        for (ClusterSpec.NodeSpec node : spec.nodes()) {
            NodeFiles files = new NodeFiles(KubeadmFiles.seed(spec, node), KubeadmFiles.emptyDirs());
            if (parked != null) {
                parked.unpackFiles(node.name(), files);
            }
            Instant booted = api.peek(ResourceTypes.of("v1", "Node"), "", node.name())
                    .map(n -> Instant.parse(n.path("metadata").path("creationTimestamp").asText()))
                    .orElse(clock.now());
            hosts.put(node.name(), new NodeHost(this, node, files, booted));
            if (node.controlPlane()) {
                staticPods = new StaticPods(this, node, files);
                files.setListener(staticPods::changed);
            }
        }
    }

    /** The nodes as machines, in the spec's order. */
    public List<NodeHost> hosts() {
        return List.copyOf(hosts.values());
    }

    /** The machine named {@code nameOrIp}, by host name or internal IP, as {@code ssh} resolves it. */
    public Optional<NodeHost> host(String nameOrIp) {
        return hosts.values().stream()
                .filter(h -> h.name().equals(nameOrIp) || h.internalIp().equals(nameOrIp)).findFirst();
    }

    /** The control-plane kubelet reads its manifest directory again (after it starts). */
    void syncStaticPods() {
        if (staticPods != null) {
            staticPods.sync();
        }
    }

    /** The pluggable parts of the API server, chosen in one place. */
    record Wiring(Pipeline pipeline, Authorizer authorizer, Patcher patcher, List<ObjectNode> policy,
                  AccessReviews reviews) {
        static Wiring standard(Store store) {
            return Defaults.wiring(store);
        }
    }

    public SimClock clock() {
        return clock;
    }

    public Store store() {
        return store;
    }

    /** The containers' logs on the cluster's nodes. */
    public ContainerLogs logs() {
        return logs;
    }

    public ComponentEvents events() {
        return events;
    }

    public ApiServer api() {
        return api;
    }

    public ClusterSpec spec() {
        return spec;
    }

    /**
     * Whether nothing is left that time would change: no timed work due. Components add their own
     * pending work to this as they arrive.
     */
    public boolean stable() {
        return clock.pending() == 0 && !parts.awaitingNodeVerdict();
    }


    /** Stops a component; {@code etcd} and {@code apiserver} make requests fail as they would for real. */
    public void stop(String component) {
        stopped.add(component);
        apply(component, false);
    }

    public void start(String component) {
        stopped.remove(component);
        apply(component, true);
    }

    private void apply(String component, boolean running) {
        String nodeOf = component.startsWith("kubelet/") || component.startsWith("kube-proxy/")
                ? component.substring(component.indexOf('/') + 1) : null;
        if (running && nodeOf != null && stopped.contains("node/" + nodeOf)) {
            // A failed node's services start with the node: its recovery reads what is still stopped.
            return;
        }
        parts.apply(component, running);
        String name = componentName(component);
        String node = component.contains("/") && !component.startsWith("controller-manager/")
                ? component.substring(component.indexOf('/') + 1) : null;
        String where = node == null ? name : name + " on " + node;
        events.emit(name, node, running ? "start" : "stop", "", "kubectl", name,
                running ? "The student started " + where + "." : "The student stopped " + where + ".");
    }

    /**
     * A request from outside the cluster ({@code sim curl}) to a node IP (NodePort) or a load-balancer
     * IP: through the receiving node's kube-proxy rules to a pod that answers, or why nothing does.
     */
    public Network.HttpExchange requestFromOutside(String address, int port, Network.HttpRequest request) {
        return parts.network().fromOutside(address, port, request);
    }

    /** A request from node {@code node} itself (kube-apiserver's {@code proxy} subresources on the control plane). */
    public Network.HttpExchange requestFromNode(String node, String address, int port, Network.HttpRequest request) {
        return parts.network().fromNode(node, address, port, request);
    }

    /** An HA control plane's etcd members; empty with one control-plane node. */
    public Optional<EtcdMembers> etcdMembers() {
        return Optional.ofNullable(parts.etcdMembers());
    }

    /** The container runtime of node {@code node}. */
    public Optional<ContainerRuntime> runtime(String node) {
        return Optional.ofNullable(parts.runtimes().get(node));
    }

    /** The names of kube-controller-manager's controllers, as {@code controller-manager/NAME} stops one. */
    public List<String> controllerNames() {
        return parts.controllers().stream().map(Controller::name).toList();
    }

    /** The kube-proxy of node {@code node}, if the cluster has that node. */
    public Optional<KubeProxy> proxy(String node) {
        return Optional.ofNullable(parts.proxies().get(node));
    }

    public CoreDns dns() {
        return parts.dns();
    }

    private static String componentName(String component) {
        return switch (component) {
            case "apiserver" -> "kube-apiserver";
            case "scheduler" -> "kube-scheduler";
            case "controller-manager" -> "kube-controller-manager";
            default -> component.startsWith("controller-manager/") ? "kube-" + component
                    : component.contains("/") ? component.substring(0, component.indexOf('/')) : component;
        };
    }

    /** Freezes simulated time, remembering how it ran. */
    public void pause() {
        if (clock.mode() != SimClock.Mode.PAUSED) {
            resumeMode = clock.mode();
        }
        clock.pause();
    }

    /** Time runs again as it did before {@link #pause()}. */
    public void resume() {
        if (clock.mode() != SimClock.Mode.PAUSED) {
            return;
        }
        if (resumeMode == SimClock.Mode.INSTANT) {
            clock.instant();
        } else {
            clock.realtime(clock.speed());
        }
    }

    public boolean isStopped(String component) {
        return stopped.contains(component);
    }

    public List<String> stoppedComponents() {
        return List.copyOf(stopped);
    }
}
