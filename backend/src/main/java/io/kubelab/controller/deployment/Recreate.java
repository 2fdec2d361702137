package io.kubelab.controller.deployment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.controller.OwnerRefs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** recreate.go: every old pod gone first, then the new ReplicaSet at full size. */
final class Recreate {

    private Recreate() {
    }

    static Optional<Duration> rollout(Rollout r, List<ObjectNode> pods) {
        Rollout.Sets sets = r.syncRevision(false);
        ObjectNode newRs = sets.newRs();
        String why = "Recreate of " + r.name();
        boolean scaledDown = false;
        for (ObjectNode rs : ReplicaSets.active(sets.old())) {
            scaledDown |= r.scale(rs, 0, why + " (old pods go first)");
        }
        if (scaledDown || oldPodsRunning(newRs, sets.old(), pods)) {
            return Progress.syncRolloutStatus(r, sets.all(), newRs);
        }
        if (newRs == null) {
            sets = r.syncRevision(true);
            newRs = sets.newRs();
        }
        r.scale(newRs, Surge.replicas(r.d), why + " (old pods are gone)");
        if (Progress.complete(r.d, r.d.path("status"))) {
            r.cleanup(sets.old());
        }
        return Progress.syncRolloutStatus(r, sets.all(), newRs);
    }

    /** {@code oldPodsRunning}: old sets still count pods, or a pod of an old set is not finished. */
    private static boolean oldPodsRunning(ObjectNode newRs, List<ObjectNode> old, List<ObjectNode> pods) {
        if (ReplicaSets.actualTotal(old) > 0) {
            return true;
        }
        for (ObjectNode pod : pods) {
            boolean ofOldSet = old.stream().anyMatch(rs -> OwnerRefs.ownedBy(pod, rs));
            if (!ofOldSet || newRs != null && OwnerRefs.ownedBy(pod, newRs)) {
                continue;
            }
            String phase = pod.path("status").path("phase").asText();
            if (!phase.equals("Failed") && !phase.equals("Succeeded")) {
                return true;
            }
        }
        return false;
    }
}
