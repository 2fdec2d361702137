package io.kubelab.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.MetricsSource;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.clock.SimClock;
import io.kubelab.model.Quantity;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.runtime.ContainerRuntime;
import io.kubelab.runtime.Sandbox;
import io.kubelab.runtime.image.Process;
import io.kubelab.store.StoreException;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * metrics-server's work, as the aggregation layer reaches it: every {@link #RESOLUTION} (its
 * {@code --metric-resolution=15s}) it scrapes each node's kubelet (here: the node's container runtime) for what
 * the node and every running container use, and keeps the last two scrapes. A pod or node has metrics once it
 * was scraped twice, as CPU is a rate between two points. While metrics-server's pod is not Running and Ready
 * the API is unavailable, and a restarted metrics-server starts with nothing.
 */
final class MetricsServerBackend implements MetricsSource {

    static final Duration RESOLUTION = Duration.ofSeconds(15);
    static final String NAMESPACE = "kube-system";
    static final String APP_LABEL = "metrics-server";

    /** What a node's own processes (kubelet, containerd, the OS) use beyond its containers. */
    private static final long CONTROL_PLANE_CPU_NANOS = 60_000_000L;
    private static final long WORKER_CPU_NANOS = 18_000_000L;
    private static final long CONTROL_PLANE_MEMORY = 820L << 20;
    private static final long WORKER_MEMORY = 310L << 20;
    private static final long PAGE = 4096;

    private static final ResourceType PODS = ResourceTypes.of("v1", "Pod");

    private final SimClock clock;
    private final ApiServer api;
    private final Map<String, ContainerRuntime> runtimes;
    private final ClusterSpec spec;
    private final Predicate<String> kubeletUp;
    private final SplittableRandom random;
    /** Scrape time and offsets: cAdvisor's stats are a little older than the scrape, differently per object. */
    private Instant lastScrape;
    private Map<String, Sample> nodes = Map.of();
    private Map<String, PodSample> pods = Map.of();
    private Map<String, String> seenBefore = Map.of();
    private boolean running = true;

    MetricsServerBackend(SimClock clock, ApiServer api, ClusterSpec spec, Map<String, ContainerRuntime> runtimes,
                         Predicate<String> kubeletUp, long seed) {
        this.clock = clock;
        this.api = api;
        this.spec = spec;
        this.runtimes = runtimes;
        this.kubeletUp = kubeletUp;
        this.random = new SplittableRandom(seed ^ 0x3e7c5L);
        clock.scheduleBackground(Duration.ZERO, this::tick);
    }

    void stop() {
        running = false;
    }

    @Override
    public boolean available() {
        for (ObjectNode pod : api.peekAll(PODS, NAMESPACE)) {
            if (APP_LABEL.equals(pod.path("metadata").path("labels").path("k8s-app").asText())
                    && !ObjectMeta.deleting(pod) && ready(pod)) {
                return true;
            }
        }
        return false;
    }

    private static boolean ready(ObjectNode pod) {
        if (!pod.path("status").path("phase").asText().equals("Running")) {
            return false;
        }
        for (JsonNode c : pod.path("status").path("conditions")) {
            if (c.path("type").asText().equals("Ready")) {
                return c.path("status").asText().equals("True");
            }
        }
        return false;
    }

    @Override
    public Optional<Sample> node(String node) {
        return Optional.ofNullable(nodes.get(node));
    }

    @Override
    public Optional<PodSample> pod(String namespace, String name) {
        return Optional.ofNullable(pods.get(namespace + "/" + name));
    }

    private void tick() {
        if (!running) {
            return;
        }
        try {
            if (available()) {
                scrape();
            } else {
                lastScrape = null;
                nodes = Map.of();
                pods = Map.of();
                seenBefore = Map.of();
            }
        } catch (StoreException e) {
            // etcd does not answer: metrics-server's informers cannot list either; it tries at the next resolution.
        }
        clock.scheduleBackground(RESOLUTION, this::tick);
    }

    private void scrape() {
        Instant now = clock.now();
        Duration window = lastScrape == null ? null : Duration.between(lastScrape, now);
        Map<String, Sample> nodeSamples = new LinkedHashMap<>();
        Map<String, PodSample> podSamples = new LinkedHashMap<>();
        Map<String, String> seen = new HashMap<>();
        for (ClusterSpec.NodeSpec node : spec.nodes()) {
            ContainerRuntime runtime = runtimes.get(node.name());
            if (runtime == null || !runtime.running() || !kubeletUp.test(node.name())) {
                continue;
            }
            long nodeCpu = node.controlPlane() ? CONTROL_PLANE_CPU_NANOS : WORKER_CPU_NANOS;
            long nodeMemory = node.controlPlane() ? CONTROL_PLANE_MEMORY : WORKER_MEMORY;
            for (Sandbox sandbox : runtime.sandboxes()) {
                Map<String, Process.Usage> usage = runtime.usage(sandbox.podUid());
                if (usage.isEmpty()) {
                    continue;
                }
                Optional<ObjectNode> pod = api.peek(PODS, sandbox.namespace(), sandbox.podName())
                        .filter(p -> ObjectMeta.uid(p).equals(sandbox.podUid()));
                if (pod.isEmpty()) {
                    continue;
                }
                String key = sandbox.namespace() + "/" + sandbox.podName();
                Map<String, Usage> containers = containers(pod.get(), usage);
                for (Usage u : containers.values()) {
                    nodeCpu += u.cpuNanoCores();
                    nodeMemory += u.memoryBytes();
                }
                seen.put(key, sandbox.podUid());
                if (window != null && sandbox.podUid().equals(seenBefore.get(key))) {
                    Duration offset = Duration.ofMillis(random.nextInt(1000));
                    podSamples.put(key, new PodSample(now.minus(offset), window.plus(jitter()), containers));
                }
            }
            if (window != null) {
                nodeSamples.put(node.name(), new Sample(now.minusMillis(random.nextInt(1000)), window.plus(jitter()),
                        nodeCpu, pageAligned(nodeMemory)));
            }
        }
        lastScrape = now;
        nodes = nodeSamples;
        pods = podSamples;
        seenBefore = seen;
    }

    /** Two scrapes' stats are never exactly the resolution apart. */
    private Duration jitter() {
        return Duration.ofMillis(random.nextInt(-120, 120));
    }

    /**
     * Each running container's usage in the pod's order: CPU throttled at the container's limit (its cgroup's
     * quota) with a little noise, memory as whole pages.
     */
    private Map<String, Usage> containers(ObjectNode pod, Map<String, Process.Usage> usage) {
        Map<String, Usage> out = new LinkedHashMap<>();
        Map<String, Long> limits = new HashMap<>();
        for (String list : new String[] {"initContainers", "containers"}) {
            for (JsonNode c : pod.path("spec").path(list)) {
                String limit = c.path("resources").path("limits").path("cpu").asText("");
                if (!limit.isEmpty()) {
                    limits.put(c.path("name").asText(), Quantity.parse(limit).milliValue());
                }
            }
        }
        for (String list : new String[] {"initContainers", "containers"}) {
            for (JsonNode c : pod.path("spec").path(list)) {
                String name = c.path("name").asText();
                Process.Usage u = usage.get(name);
                if (u == null) {
                    continue;
                }
                long millis = Math.min(u.cpuMillis(), limits.getOrDefault(name, Long.MAX_VALUE));
                long nanos = millis * 1_000_000L;
                nanos = Math.max(0, nanos + (long) (nanos * (random.nextDouble() - 0.5) * 0.06));
                out.put(name, new Usage(nanos, pageAligned(u.memoryBytes())));
            }
        }
        return out;
    }

    private static long pageAligned(long bytes) {
        return (bytes + PAGE - 1) / PAGE * PAGE;
    }
}
