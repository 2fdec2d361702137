package io.kubelab.controller.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.controller.OmitEmpty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A Deployment's status: {@code calculateStatus} and {@code syncDeploymentStatus} of sync.go, and
 * progress.go's {@code syncRolloutStatus}, which decides whether a rollout progresses, is complete or has
 * run past its {@code progressDeadlineSeconds}.
 */
final class Progress {

    private Progress() {
    }

    /** {@code calculateStatus}: counts from the sets, the Available condition, the other conditions kept. */
    static ObjectNode calculate(Rollout r, List<ObjectNode> all, ObjectNode newRs) {
        JsonNode d = r.d;
        int available = ReplicaSets.availableTotal(all);
        int unavailable = Math.max(0, ReplicaSets.specTotal(all) - available);
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        OmitEmpty.putNonZero(status, "observedGeneration", d.path("metadata").path("generation").asLong());
        OmitEmpty.putNonZero(status, "replicas", ReplicaSets.actualTotal(all));
        OmitEmpty.putNonZero(status, "updatedReplicas", ReplicaSets.statusReplicas(newRs));
        OmitEmpty.putNonZero(status, "readyReplicas", ReplicaSets.readyTotal(all));
        OmitEmpty.putNonZero(status, "availableReplicas", available);
        OmitEmpty.putNonZero(status, "unavailableReplicas", unavailable);
        if (d.path("status").path("conditions").size() > 0) {
            status.set("conditions", d.path("status").path("conditions").deepCopy());
        }
        if (d.path("status").has("collisionCount")) {
            status.set("collisionCount", d.path("status").get("collisionCount"));
        }
        if (available >= Surge.replicas(d) - Surge.maxUnavailable(d)) {
            Conditions.set(status, Conditions.of(Conditions.AVAILABLE, "True", Conditions.MINIMUM_AVAILABLE,
                    Conditions.HAS_MINIMUM, r.now));
        } else {
            Conditions.set(status, Conditions.of(Conditions.AVAILABLE, "False", Conditions.MINIMUM_UNAVAILABLE,
                    Conditions.NO_MINIMUM, r.now));
        }
        return status;
    }

    /** {@code syncDeploymentStatus}: used while scaling or paused, when no progress is judged. */
    static void syncStatus(Rollout r, List<ObjectNode> all, ObjectNode newRs) {
        write(r, calculate(r, all, newRs));
    }

    private static void write(Rollout r, ObjectNode status) {
        if (status.equals(r.d.path("status"))) {
            return;
        }
        r.d.set("status", status);
        r.writeStatus();
    }

    /** {@code DeploymentComplete}. */
    static boolean complete(JsonNode d, JsonNode status) {
        int replicas = Surge.replicas(d);
        return status.path("updatedReplicas").asInt() == replicas && status.path("replicas").asInt() == replicas
                && status.path("availableReplicas").asInt() == replicas
                && status.path("observedGeneration").asLong() >= d.path("metadata").path("generation").asLong();
    }

    /** {@code DeploymentProgressing}: more updated, fewer old, more ready or more available than before. */
    static boolean progressing(JsonNode oldStatus, JsonNode status) {
        int oldOld = oldStatus.path("replicas").asInt() - oldStatus.path("updatedReplicas").asInt();
        int newOld = status.path("replicas").asInt() - status.path("updatedReplicas").asInt();
        return status.path("updatedReplicas").asInt() > oldStatus.path("updatedReplicas").asInt() || newOld < oldOld
                || status.path("readyReplicas").asInt() > oldStatus.path("readyReplicas").asInt()
                || status.path("availableReplicas").asInt() > oldStatus.path("availableReplicas").asInt();
    }

    /** {@code DeploymentTimedOut}: no progress since the condition's lastUpdateTime plus the deadline. */
    static boolean timedOut(JsonNode d, JsonNode status, Instant now) {
        if (!Rollout.hasProgressDeadline(d)) {
            return false;
        }
        Optional<ObjectNode> condition = Conditions.get(status, Conditions.PROGRESSING);
        if (condition.isEmpty()) {
            return false;
        }
        String reason = condition.get().path("reason").asText();
        if (reason.equals(Conditions.NEW_RS_AVAILABLE)) {
            return false;
        }
        if (reason.equals(Conditions.TIMED_OUT)) {
            return true;
        }
        return deadline(d, condition.get()).isBefore(now);
    }

    private static Instant deadline(JsonNode d, JsonNode condition) {
        return Instant.parse(condition.path("lastUpdateTime").asText())
                .plusSeconds(d.path("spec").path("progressDeadlineSeconds").asLong());
    }

    /**
     * {@code syncRolloutStatus}. Answers when to look again for a timeout (empty if no need): no event
     * will announce that a deadline has passed.
     */
    static Optional<Duration> syncRolloutStatus(Rollout r, List<ObjectNode> all, ObjectNode newRs) {
        ObjectNode status = calculate(r, all, newRs);
        JsonNode d = r.d;
        if (!Rollout.hasProgressDeadline(d)) {
            Conditions.remove(status, Conditions.PROGRESSING);
        }
        Optional<ObjectNode> current = Conditions.get(d.path("status"), Conditions.PROGRESSING);
        boolean completeRollout = status.path("replicas").asInt() == status.path("updatedReplicas").asInt()
                && current.isPresent() && current.get().path("reason").asText().equals(Conditions.NEW_RS_AVAILABLE);
        if (Rollout.hasProgressDeadline(d) && !completeRollout) {
            String subject = newRs != null ? "ReplicaSet \"" + ObjectMeta.name(newRs) + "\""
                    : "Deployment \"" + ObjectMeta.name(d) + "\"";
            if (complete(d, status)) {
                Conditions.set(status, Conditions.of(Conditions.PROGRESSING, "True", Conditions.NEW_RS_AVAILABLE,
                        subject + " has successfully progressed.", r.now));
            } else if (progressing(d.path("status"), status)) {
                ObjectNode condition = Conditions.of(Conditions.PROGRESSING, "True", Conditions.REPLICA_SET_UPDATED,
                        subject + " is progressing.", r.now);
                // Progress refreshes lastUpdateTime even under the same reason, unlike other conditions.
                if (current.isPresent()) {
                    if (current.get().path("status").asText().equals("True")) {
                        condition.set("lastTransitionTime", current.get().get("lastTransitionTime"));
                    }
                    Conditions.remove(status, Conditions.PROGRESSING);
                }
                Conditions.set(status, condition);
            } else if (timedOut(d, status, r.now)) {
                Conditions.set(status, Conditions.of(Conditions.PROGRESSING, "False", Conditions.TIMED_OUT,
                        subject + " has timed out progressing.", r.now));
            }
        }
        Optional<ObjectNode> failure = replicaFailure(all, newRs);
        if (failure.isPresent()) {
            Conditions.set(status, failure.get());
        } else {
            Conditions.remove(status, Conditions.REPLICA_FAILURE);
        }
        if (status.equals(d.path("status"))) {
            return stuckRequeue(d, status, r.now);
        }
        write(r, status);
        return Optional.empty();
    }

    /** {@code getReplicaFailures}: the new set's ReplicaFailure first, else an old set's. */
    private static Optional<ObjectNode> replicaFailure(List<ObjectNode> all, ObjectNode newRs) {
        java.util.List<ObjectNode> order = new java.util.ArrayList<>();
        if (newRs != null) {
            order.add(newRs);
        }
        order.addAll(all);
        for (ObjectNode rs : order) {
            for (JsonNode c : rs.path("status").path("conditions")) {
                if (c.path("type").asText().equals(Conditions.REPLICA_FAILURE) && c.path("status").asText().equals("True")) {
                    return Optional.of(Conditions.fromReplicaSet(c));
                }
            }
        }
        return Optional.empty();
    }

    /** {@code requeueStuckDeployment}: when an unchanged, unfinished rollout would run out of time. */
    private static Optional<Duration> stuckRequeue(JsonNode d, JsonNode status, Instant now) {
        Optional<ObjectNode> current = Conditions.get(d.path("status"), Conditions.PROGRESSING);
        if (!Rollout.hasProgressDeadline(d) || current.isEmpty() || complete(d, status)
                || current.get().path("reason").asText().equals(Conditions.TIMED_OUT)) {
            return Optional.empty();
        }
        // Timed out once strictly after the deadline: a millisecond past it.
        Duration after = Duration.between(now, deadline(d, current.get())).plusMillis(1);
        return Optional.of(after.isNegative() ? Duration.ofMillis(1) : after);
    }
}
