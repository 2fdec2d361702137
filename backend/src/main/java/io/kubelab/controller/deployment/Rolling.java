package io.kubelab.controller.deployment;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * rolling.go: grow the new ReplicaSet within maxSurge, shrink the old ones within maxUnavailable
 * (unhealthy pods first), clean up once complete.
 */
final class Rolling {

    private Rolling() {
    }

    static Optional<Duration> rollout(Rollout r) {
        Rollout.Sets sets = r.syncRevision(true);
        ObjectNode newRs = sets.newRs();
        List<ObjectNode> all = sets.all();
        if (reconcileNew(r, all, newRs)) {
            return Progress.syncRolloutStatus(r, all, newRs);
        }
        if (reconcileOld(r, all, new ArrayList<>(ReplicaSets.active(sets.old())), newRs)) {
            return Progress.syncRolloutStatus(r, all, newRs);
        }
        if (Progress.complete(r.d, r.d.path("status"))) {
            r.cleanup(sets.old());
        }
        return Progress.syncRolloutStatus(r, all, newRs);
    }

    private static String why(Rollout r) {
        return "Rolling update of " + r.name();
    }

    private static boolean reconcileNew(Rollout r, List<ObjectNode> all, ObjectNode newRs) {
        int replicas = Surge.replicas(r.d);
        int current = ReplicaSets.replicas(newRs);
        if (current == replicas) {
            return false;
        }
        if (current > replicas) {
            return r.scale(newRs, replicas, why(r));
        }
        return r.scale(newRs, Surge.newReplicas(r.d, ReplicaSets.specTotal(all), newRs), why(r));
    }

    private static boolean reconcileOld(Rollout r, List<ObjectNode> all, List<ObjectNode> old, ObjectNode newRs) {
        if (ReplicaSets.specTotal(old) == 0) {
            return false;
        }
        int minAvailable = Surge.replicas(r.d) - Surge.maxUnavailable(r.d);
        int newUnavailable = ReplicaSets.replicas(newRs) - ReplicaSets.available(newRs);
        int maxScaledDown = ReplicaSets.specTotal(all) - minAvailable - newUnavailable;
        if (maxScaledDown <= 0) {
            return false;
        }
        int cleaned = cleanupUnhealthy(r, old, maxScaledDown);
        List<ObjectNode> allNow = new ArrayList<>(old);
        allNow.add(newRs);
        int scaledDown = scaleDownOld(r, allNow, old);
        return cleaned + scaledDown > 0;
    }

    /** {@code cleanupUnhealthyReplicas}: unavailable old pods go first, oldest sets first. */
    private static int cleanupUnhealthy(Rollout r, List<ObjectNode> old, int maxCleanup) {
        old.sort(ReplicaSets.BY_CREATION);
        int total = 0;
        for (int i = 0; i < old.size(); i++) {
            ObjectNode rs = old.get(i);
            if (total >= maxCleanup) {
                break;
            }
            int replicas = ReplicaSets.replicas(rs);
            if (replicas == 0 || replicas == ReplicaSets.available(rs)) {
                continue;
            }
            int count = Math.min(maxCleanup - total, replicas - ReplicaSets.available(rs));
            r.scale(rs, replicas - count, why(r) + " (removing unavailable old pods)");
            ObjectNode updated = rs.deepCopy();
            updated.with("spec").put("replicas", replicas - count);
            old.set(i, updated);
            total += count;
        }
        return total;
    }

    /** {@code scaleDownOldReplicaSetsForRollingUpdate}: as far as the available pods above the minimum allow. */
    private static int scaleDownOld(Rollout r, List<ObjectNode> all, List<ObjectNode> old) {
        int minAvailable = Surge.replicas(r.d) - Surge.maxUnavailable(r.d);
        int available = ReplicaSets.availableTotal(all);
        if (available <= minAvailable) {
            return 0;
        }
        old.sort(ReplicaSets.BY_CREATION);
        int total = 0;
        int toScaleDown = available - minAvailable;
        for (ObjectNode rs : old) {
            if (total >= toScaleDown) {
                break;
            }
            int replicas = ReplicaSets.replicas(rs);
            if (replicas == 0) {
                continue;
            }
            int count = Math.min(replicas, toScaleDown - total);
            r.scale(rs, replicas - count, why(r));
            total += count;
        }
        return total;
    }
}
