package io.kubelab.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.controller.Informer;
import io.kubelab.controller.PodConditions;
import io.kubelab.events.ComponentEvents;
import io.kubelab.model.Labels;
import io.kubelab.model.ResourceTypes;
import io.kubelab.record.EventSink;
import io.kubelab.record.Recorders;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * kube-scheduler with the {@code default-scheduler} profile. Its own informers watch pods, nodes and what
 * the plugins read; handlers only queue pods and wake unschedulable ones on relevant changes; cycles run
 * one pod at a time on the sandbox clock as work, so settling waits for them. It schedules pods with no
 * {@code spec.nodeName}, {@code schedulerName: default-scheduler}, not being deleted.
 */
public final class Scheduler {

    public static final UserInfo USER = UserInfo.component("system:kube-scheduler");
    public static final String COMPONENT = "kube-scheduler";
    static final String CONTROL_PLANE_LABEL = "node-role.kubernetes.io/control-plane";

    private final SimClock clock;
    private final Informer pods;
    private final Informer nodes;
    private final SchedulingQueue queue;
    private final SchedulingCycle cycle;
    private final List<Informer> informers;
    private boolean scheduled;
    private boolean running = true;

    public Scheduler(ApiServer api, SimClock clock, ComponentEvents events, RandomGenerator random) {
        this.clock = clock;
        this.nodes = informer(api, "v1", "Node");
        this.pods = informer(api, "v1", "Pod");
        this.queue = new SchedulingQueue(clock, this::scheduleDrain,
                key -> pods.get(key).map(DefaultPreemption::priority).orElse(0));
        Informer claims = informer(api, "v1", "PersistentVolumeClaim");
        Informer volumes = informer(api, "v1", "PersistentVolume");
        Informer classes = informer(api, "storage.k8s.io/v1", "StorageClass");
        InformerListers listers = new InformerListers(claims, volumes, classes, informer(api, "v1", "Service"),
                informer(api, "apps/v1", "ReplicaSet"), informer(api, "apps/v1", "StatefulSet"),
                informer(api, "v1", "Namespace"));
        this.informers = new java.util.ArrayList<>(List.of(nodes, pods));
        this.informers.addAll(listers.informers());
        String hostname = nodes.list().stream().filter(n -> Labels.of(n).containsKey(CONTROL_PLANE_LABEL))
                .map(ObjectMeta::name).findFirst().orElse("controlplane");
        SchedulerCache cache = new SchedulerCache();
        pods.onObject(cache::podChanged);
        nodes.onObject(cache::nodeChanged);
        this.cycle = new SchedulingCycle(api, USER, clock, pods, cache, listers, events,
                Recorders.scheduler(new EventSink(api, USER, clock, random), Recorders.DEFAULT_SCHEDULER, hostname),
                random, queue);
        pods.onObject(this::podChanged);
        nodes.onObject(this::nodeChanged);
        claims.onObject((old, now) -> queue.moveAll(key -> true));
        volumes.onObject((old, now) -> queue.moveAll(key -> true));
        classes.onObject((old, now) -> queue.moveAll(key -> true));
    }

    private static Informer informer(ApiServer api, String apiVersion, String kind) {
        return new Informer(api, USER, ResourceTypes.of(apiVersion, kind));
    }

    /** {@code responsibleForPod} and not yet placed. */
    static boolean pending(JsonNode pod) {
        return pod.path("spec").path("nodeName").asText("").isEmpty()
                && pod.path("spec").path("schedulerName").asText("").equals(Recorders.DEFAULT_SCHEDULER)
                && !ObjectMeta.deleting(pod)
                && !terminal(pod);
    }

    static boolean assigned(JsonNode pod) {
        return pod != null && !pod.path("spec").path("nodeName").asText("").isEmpty();
    }

    static boolean terminal(JsonNode pod) {
        String phase = pod.path("status").path("phase").asText("");
        return phase.equals("Succeeded") || phase.equals("Failed");
    }

    private void podChanged(ObjectNode old, ObjectNode now) {
        String key = Informer.key(now != null ? now : old);
        if (now != null && pending(now)) {
            if (!queue.contains(key)) {
                queue.add(key);
            } else if (old != null && specOrLabelsChanged(old, now)) {
                // updatePodInSchedulingQueue: a change to the pod itself may make it fit.
                queue.moveAll(key::equals);
            }
            return;
        }
        queue.delete(key);
        boolean wasOnNode = assigned(old) && !terminal(old);
        boolean isOnNode = assigned(now) && !terminal(now);
        if (wasOnNode && !isOnNode) {
            // An assigned pod deleted or finished: its node has room again.
            queue.moveAll(k -> true);
        } else if (isOnNode && (!wasOnNode || !Labels.of(old).equals(Labels.of(now)))) {
            // A pod placed or relabelled: news for pods that place themselves relative to other pods.
            queue.moveAll(this::placesRelativeToPods);
        }
    }

    private static boolean specOrLabelsChanged(JsonNode old, JsonNode now) {
        return !Objects.equals(old.path("spec"), now.path("spec")) || !Labels.of(old).equals(Labels.of(now));
    }

    private boolean placesRelativeToPods(String key) {
        return pods.get(key).map(p -> {
            JsonNode affinity = p.path("spec").path("affinity");
            return affinity.has("podAffinity") || affinity.has("podAntiAffinity")
                    || !p.path("spec").path("topologySpreadConstraints").isEmpty();
        }).orElse(false);
    }

    /** Node added, or changed in what filters read (labels, taints, cordon, allocatable, conditions). */
    private void nodeChanged(ObjectNode old, ObjectNode now) {
        if (now == null) {
            return;
        }
        if (old == null || !Objects.equals(old.path("metadata").path("labels"), now.path("metadata").path("labels"))
                || !Objects.equals(old.path("spec"), now.path("spec"))
                || !Objects.equals(old.path("status").path("allocatable"), now.path("status").path("allocatable"))
                || !Objects.equals(PodConditions.readyStatus(old), PodConditions.readyStatus(now))) {
            queue.moveAll(k -> true);
        }
    }

    private void scheduleDrain() {
        if (!scheduled && running) {
            scheduled = true;
            clock.schedule(Duration.ZERO, this::drain);
        }
    }

    /** Runs cycles until no pod is active; pods that become active meanwhile join this run. */
    private void drain() {
        scheduled = false;
        while (running) {
            var next = queue.pop();
            if (next.isEmpty()) {
                return;
            }
            cycle.scheduleOne(next.get());
        }
    }

    /**
     * {@code sim stop scheduler} / {@code sim start scheduler}: stopped, pods stay Pending; started again,
     * every pending pod is tried at once, as a restarted kube-scheduler begins with a fresh queue.
     */
    public void setRunning(boolean value) {
        running = value;
        if (value) {
            queue.activateAll();
            scheduleDrain();
        }
    }

    public boolean running() {
        return running;
    }

    public void stop() {
        running = false;
        informers.forEach(Informer::stop);
    }
}
