package io.kubelab.controller.statefulset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.controller.PodConditions;
import io.kubelab.record.EventRecorder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * stateful_set_control.go's updateStatefulSet: replace finished pods, create missing ones (in order,
 * each waiting for its predecessors to be Running, Ready and Available, unless Parallel), delete condemned
 * ones from the highest ordinal, then roll the update from the highest ordinal down to the partition.
 */
final class StatefulSetUpdate {

    /** The status the pass computed. */
    record Counts(int replicas, int ready, int available, int current, int updated) {
    }

    private final StatefulPodControl control;
    private final EventRecorder recorder;

    StatefulSetUpdate(StatefulPodControl control, EventRecorder recorder) {
        this.control = control;
        this.recorder = recorder;
    }

    /** A pod slot: the stored pod, or one yet to create ({@code created} false). */
    private static final class Slot {
        ObjectNode pod;
        boolean created;

        Slot(ObjectNode pod, boolean created) {
            this.pod = pod;
            this.created = created;
        }
    }

    Counts run(ObjectNode set, ObjectNode currentSet, ObjectNode updateSet, String currentRevision, String updateRevision,
               int statusCurrentReplicas, List<ObjectNode> pods, Instant now) {
        int start = StatefulSetPods.startOrdinal(set);
        int count = StatefulSetPods.replicas(set);
        int minReady = set.path("spec").path("minReadySeconds").asInt(0);
        Slot[] replicas = new Slot[count];
        List<ObjectNode> condemned = new ArrayList<>();
        for (ObjectNode pod : pods) {
            if (StatefulSetPods.inOrdinalRange(pod, set)) {
                replicas[StatefulSetPods.ordinal(pod) - start] = new Slot(pod, true);
            } else if (StatefulSetPods.ordinal(pod) >= 0) {
                condemned.add(pod);
            }
        }
        for (int i = 0; i < count; i++) {
            if (replicas[i] == null) {
                replicas[i] = new Slot(versionedPod(currentSet, updateSet, currentRevision, updateRevision,
                        statusCurrentReplicas, start + i), false);
            }
        }
        condemned.sort(Comparator.comparingInt(StatefulSetPods::ordinal).reversed());
        JsonNode firstUnhealthy = null;
        for (Slot slot : replicas) {
            if (!healthy(slot)) {
                firstUnhealthy = slot.pod;
                break;
            }
        }
        if (firstUnhealthy == null) {
            for (int i = condemned.size() - 1; i >= 0; i--) {
                if (!healthy(new Slot(condemned.get(i), true))) {
                    firstUnhealthy = condemned.get(i);
                    break;
                }
            }
        }
        if (ObjectMeta.deleting(set)) {
            return counts(replicas, condemned, minReady, currentRevision, updateRevision, now);
        }
        boolean monotonic = !set.path("spec").path("podManagementPolicy").asText("OrderedReady").equals("Parallel");

        for (int i = 0; i < count; i++) {
            if (processReplica(set, currentSet, updateSet, currentRevision, updateRevision, statusCurrentReplicas,
                    monotonic, replicas, i, start, minReady, now) && monotonic) {
                return counts(replicas, condemned, minReady, currentRevision, updateRevision, now);
            }
        }
        for (ObjectNode pod : condemned) {
            control.updateClaimsForRetentionPolicy(updateSet, pod);
        }
        for (ObjectNode pod : condemned) {
            if (ObjectMeta.deleting(pod)) {
                if (monotonic) {
                    return counts(replicas, condemned, minReady, currentRevision, updateRevision, now);
                }
                continue;
            }
            boolean first = pod == firstUnhealthy;
            if (monotonic && !first && (!runningAndReady(pod) || !PodConditions.available(pod, minReady, now))) {
                return counts(replicas, condemned, minReady, currentRevision, updateRevision, now);
            }
            control.deletePod(set, pod);
            if (monotonic) {
                return counts(replicas, condemned, minReady, currentRevision, updateRevision, now);
            }
        }
        Counts counts = counts(replicas, condemned, minReady, currentRevision, updateRevision, now);
        JsonNode strategy = set.path("spec").path("updateStrategy");
        if (strategy.path("type").asText("RollingUpdate").equals("OnDelete")) {
            return counts;
        }
        int partition = strategy.path("rollingUpdate").path("partition").asInt(0);
        for (int target = count - 1; target >= partition; target--) {
            Slot slot = replicas[target];
            if (!StatefulSetPods.revision(slot.pod).equals(updateRevision) && !ObjectMeta.deleting(slot.pod)) {
                if (slot.created) {
                    control.deletePod(set, slot.pod);
                }
                return new Counts(counts.replicas, counts.ready, counts.available, counts.current - 1, counts.updated);
            }
            if (!healthy(slot)) {
                return counts;
            }
        }
        return counts;
    }

    /** processReplica: true when the pass must stop here (in OrderedReady). */
    private boolean processReplica(ObjectNode set, ObjectNode currentSet, ObjectNode updateSet, String currentRevision,
                                   String updateRevision, int statusCurrentReplicas, boolean monotonic, Slot[] replicas,
                                   int i, int start, int minReady, Instant now) {
        Slot slot = replicas[i];
        String phase = slot.created ? PodConditions.phase(slot.pod) : "";
        if (slot.created && (phase.equals("Failed") || phase.equals("Succeeded"))) {
            if (phase.equals("Failed")) {
                recorder.eventf(set, EventRecorder.WARNING, "RecreatingFailedPod",
                        "StatefulSet %s/%s is recreating failed Pod %s", ObjectMeta.namespace(set), ObjectMeta.name(set),
                        ObjectMeta.name(slot.pod));
            } else {
                recorder.eventf(set, EventRecorder.NORMAL, "RecreatingTerminatedPod",
                        "StatefulSet %s/%s is recreating terminated Pod %s", ObjectMeta.namespace(set), ObjectMeta.name(set),
                        ObjectMeta.name(slot.pod));
            }
            control.deletePod(set, slot.pod);
            replicas[i] = slot = new Slot(versionedPod(currentSet, updateSet, currentRevision, updateRevision,
                    statusCurrentReplicas, start + i), false);
        }
        if (!slot.created) {
            control.createPod(set, slot.pod);
            return monotonic;
        }
        if (PodConditions.phase(slot.pod).equals("Pending")) {
            control.createMissingClaims(set, slot.pod);
        }
        if (ObjectMeta.deleting(slot.pod) && monotonic) {
            return true;
        }
        if (!runningAndReady(slot.pod) && monotonic) {
            return true;
        }
        if (!PodConditions.available(slot.pod, minReady, now) && monotonic) {
            return true;
        }
        control.updateClaimsForRetentionPolicy(updateSet, slot.pod);
        return false;
    }

    /** newVersionedStatefulSetPod: below the partition (or the current count) pods stay at the current revision. */
    static ObjectNode versionedPod(ObjectNode currentSet, ObjectNode updateSet, String currentRevision,
                                   String updateRevision, int statusCurrentReplicas, int ordinal) {
        JsonNode strategy = currentSet.path("spec").path("updateStrategy");
        int start = StatefulSetPods.startOrdinal(currentSet);
        boolean rolling = strategy.path("type").asText("RollingUpdate").equals("RollingUpdate");
        JsonNode rollingUpdate = strategy.path("rollingUpdate");
        boolean hasRolling = rollingUpdate.isObject();
        if ((rolling && !hasRolling && ordinal < start + statusCurrentReplicas)
                || (hasRolling && ordinal < start + rollingUpdate.path("partition").asInt(0))) {
            return StatefulSetPods.newPod(currentSet, ordinal, currentRevision);
        }
        return StatefulSetPods.newPod(updateSet, ordinal, updateRevision);
    }

    static boolean runningAndReady(JsonNode pod) {
        return PodConditions.phase(pod).equals("Running") && PodConditions.ready(pod);
    }

    private static boolean healthy(Slot slot) {
        return slot.created && runningAndReady(slot.pod) && !ObjectMeta.deleting(slot.pod);
    }

    /** updateStatus / computeReplicaStatus over the replicas and the condemned. */
    private static Counts counts(Slot[] replicas, List<ObjectNode> condemned, int minReady, String currentRevision,
                                 String updateRevision, Instant now) {
        List<ObjectNode> all = new ArrayList<>();
        for (Slot slot : replicas) {
            if (slot.created) {
                all.add(slot.pod);
            }
        }
        all.addAll(condemned);
        int replicasCount = 0;
        int ready = 0;
        int available = 0;
        int current = 0;
        int updated = 0;
        for (ObjectNode pod : all) {
            if (PodConditions.phase(pod).isEmpty()) {
                continue;
            }
            replicasCount++;
            if (runningAndReady(pod)) {
                ready++;
                if (PodConditions.available(pod, minReady, now)) {
                    available++;
                }
            }
            if (!ObjectMeta.deleting(pod)) {
                String revision = StatefulSetPods.revision(pod);
                if (revision.equals(currentRevision)) {
                    current++;
                }
                if (revision.equals(updateRevision)) {
                    updated++;
                }
            }
        }
        return new Counts(replicasCount, ready, available, current, updated);
    }
}
