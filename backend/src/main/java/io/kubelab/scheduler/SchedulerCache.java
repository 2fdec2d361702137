package io.kubelab.scheduler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.controller.Informer;
import io.kubelab.scheduler.framework.Listers;
import io.kubelab.scheduler.framework.NodeInfo;
import io.kubelab.scheduler.framework.Snapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * kube-scheduler's {@code internalcache}: the nodes and the pods placed on each, kept up to date from the
 * informers' events rather than rebuilt from every pod for every cycle, and each node's {@link NodeInfo}
 * built once and, as its pods come, change and go, replaced by a new one worked out from it (the cache's
 * {@code AddPod}/{@code RemovePod}); a node changing rebuilds it. A cached NodeInfo is never changed: a
 * cycle keeps seeing the cluster as it was when it began.
 */
final class SchedulerCache {

    private final TreeMap<String, ObjectNode> nodes = new TreeMap<>();
    /** Placed pods that have not finished, by node, in key order. */
    private final Map<String, TreeMap<String, ObjectNode>> placed = new HashMap<>();
    /** Pods not yet placed that preemption nominated to a node, in key order. */
    private final TreeMap<String, ObjectNode> nominated = new TreeMap<>();
    private final Map<String, NodeInfo> infos = new HashMap<>();

    void podChanged(ObjectNode old, ObjectNode now) {
        if (old != null) {
            remove(old);
        }
        if (now != null) {
            add(now);
        }
    }

    void nodeChanged(ObjectNode old, ObjectNode now) {
        ObjectNode node = now != null ? now : old;
        String name = ObjectMeta.name(node);
        if (now == null) {
            nodes.remove(name);
        } else {
            nodes.put(name, now);
        }
        infos.remove(name);
    }

    private static String placedOn(ObjectNode pod) {
        return pod.path("spec").path("nodeName").asText("");
    }

    private static String nominatedTo(ObjectNode pod) {
        return pod.path("status").path("nominatedNodeName").asText("");
    }

    private void add(ObjectNode pod) {
        String node = placedOn(pod);
        if (!node.isEmpty()) {
            if (!Scheduler.terminal(pod)) {
                TreeMap<String, ObjectNode> on = placed.computeIfAbsent(node, n -> new TreeMap<>());
                ObjectNode replaced = on.put(Informer.key(pod), pod);
                NodeInfo info = infos.get(node);
                if (info != null) {
                    // A new NodeInfo from the cached one, as the cache's AddPod updates it: a pod's status
                    // changing is not worth summing the node's other pods again.
                    if (replaced != null) {
                        infos.remove(node);
                    } else {
                        infos.put(node, info.withPod(pod, new ArrayList<>(on.values())));
                    }
                }
            }
        } else if (!nominatedTo(pod).isEmpty()) {
            nominated.put(Informer.key(pod), pod);
        }
    }

    private void remove(ObjectNode pod) {
        String node = placedOn(pod);
        if (!node.isEmpty()) {
            if (!Scheduler.terminal(pod)) {
                TreeMap<String, ObjectNode> on = placed.get(node);
                ObjectNode removed = on == null ? null : on.remove(Informer.key(pod));
                if (removed != null) {
                    NodeInfo info = infos.get(node);
                    if (info != null) {
                        infos.put(node, info.withoutPod(removed, new ArrayList<>(on.values())));
                    }
                    if (on.isEmpty()) {
                        placed.remove(node);
                    }
                }
            }
        } else if (!nominatedTo(pod).isEmpty()) {
            nominated.remove(Informer.key(pod));
        }
    }

    /**
     * The nodes in name order with their pods: placed pods that have not finished, plus pods nominated to a
     * node after preempting there when at least as important as {@code pod} (so it does not take the room
     * they freed).
     */
    Snapshot snapshot(ObjectNode pod, Listers listers) {
        Map<String, TreeMap<String, ObjectNode>> withNominated = new HashMap<>();
        if (!nominated.isEmpty()) {
            int priority = DefaultPreemption.priority(pod);
            String uid = ObjectMeta.uid(pod);
            nominated.forEach((key, p) -> {
                if (!ObjectMeta.uid(p).equals(uid) && DefaultPreemption.priority(p) >= priority) {
                    withNominated.computeIfAbsent(nominatedTo(p), n -> new TreeMap<>(placed.getOrDefault(n, new TreeMap<>())))
                            .put(key, p);
                }
            });
        }
        List<NodeInfo> list = new ArrayList<>(nodes.size());
        nodes.forEach((name, node) -> {
            TreeMap<String, ObjectNode> merged = withNominated.get(name);
            if (merged != null) {
                list.add(new NodeInfo(node, new ArrayList<>(merged.values())));
            } else {
                list.add(infos.computeIfAbsent(name, n -> new NodeInfo(node,
                        new ArrayList<>(placed.getOrDefault(n, new TreeMap<>()).values()))));
            }
        });
        return new Snapshot(list, listers);
    }
}
