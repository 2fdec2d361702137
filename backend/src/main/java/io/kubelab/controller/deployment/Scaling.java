package io.kubelab.controller.deployment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sync} and {@code scale} of sync.go: a change of {@code spec.replicas} (or a paused Deployment)
 * resizes the sets without advancing the rollout, in proportion to their sizes while one is under way.
 */
final class Scaling {

    private Scaling() {
    }

    /** {@code isScalingEvent}: an active set was sized for another replica count than the Deployment's. */
    static boolean isScalingEvent(Rollout r) {
        Rollout.Sets sets = r.syncRevision(false);
        for (ObjectNode rs : ReplicaSets.active(sets.all())) {
            var desired = RevisionAnnotations.intAnnotation(rs, RevisionAnnotations.DESIRED_REPLICAS);
            if (desired.isPresent() && desired.get() != Surge.replicas(r.d)) {
                return true;
            }
        }
        return false;
    }

    /** {@code sync}: scale, clean up when paused, write the status. */
    static void sync(Rollout r) {
        Rollout.Sets sets = r.syncRevision(false);
        scale(r, sets.newRs(), sets.old());
        if (r.d.path("spec").path("paused").asBoolean(false)) {
            r.cleanup(sets.old());
        }
        Progress.syncStatus(r, sets.all(), sets.newRs());
    }

    static void scale(Rollout r, ObjectNode newRs, List<ObjectNode> old) {
        int replicas = Surge.replicas(r.d);
        String why = "Scaling " + r.name() + " to " + replicas;
        ObjectNode activeOrLatest = activeOrLatest(newRs, old);
        if (activeOrLatest != null) {
            if (ReplicaSets.replicas(activeOrLatest) != replicas) {
                r.scale(activeOrLatest, replicas, why);
            }
            return;
        }
        if (saturated(r.d, newRs)) {
            for (ObjectNode rs : ReplicaSets.active(old)) {
                r.scale(rs, 0, why);
            }
            return;
        }
        if (!Surge.rollingUpdate(r.d)) {
            return;
        }
        List<ObjectNode> all = new ArrayList<>(old);
        if (newRs != null) {
            all.add(newRs);
        }
        all = new ArrayList<>(ReplicaSets.active(all));
        int allowed = replicas > 0 ? replicas + Surge.maxSurge(r.d) : 0;
        int toAdd = allowed - ReplicaSets.specTotal(all);
        String operation = "";
        if (toAdd > 0) {
            all.sort(ReplicaSets.BY_SIZE_NEWER);
            operation = "up";
        } else if (toAdd < 0) {
            all.sort(ReplicaSets.BY_SIZE_OLDER);
            operation = "down";
        }
        int added = 0;
        Map<String, Integer> sizes = new HashMap<>();
        for (ObjectNode rs : all) {
            int proportion = toAdd != 0 ? ReplicaSets.proportion(rs, r.d, toAdd, added) : 0;
            sizes.put(ObjectMeta.name(rs), ReplicaSets.replicas(rs) + proportion);
            added += proportion;
        }
        for (int i = 0; i < all.size(); i++) {
            ObjectNode rs = all.get(i);
            String name = ObjectMeta.name(rs);
            if (i == 0 && toAdd != 0) {
                sizes.put(name, Math.max(0, sizes.get(name) + toAdd - added));
            }
            r.scale(rs, sizes.get(name), operation, why + " proportionally during a rollout");
        }
    }

    /**
     * {@code FindActiveOrLatest}: the only set with replicas, or the newest when none has any; null when
     * several have replicas (then they scale in proportion).
     */
    static ObjectNode activeOrLatest(ObjectNode newRs, List<ObjectNode> old) {
        if (newRs == null && old.isEmpty()) {
            return null;
        }
        List<ObjectNode> sortedOld = new ArrayList<>(old);
        sortedOld.sort(ReplicaSets.BY_CREATION.reversed());
        List<ObjectNode> all = new ArrayList<>(sortedOld);
        if (newRs != null) {
            all.add(newRs);
        }
        List<ObjectNode> active = ReplicaSets.active(all);
        if (active.isEmpty()) {
            return newRs != null ? newRs : sortedOld.get(0);
        }
        return active.size() == 1 ? active.get(0) : null;
    }

    /** {@code IsSaturated}: the new set has all the replicas, is sized for them and has them available. */
    static boolean saturated(ObjectNode d, ObjectNode newRs) {
        if (newRs == null) {
            return false;
        }
        var desired = RevisionAnnotations.intAnnotation(newRs, RevisionAnnotations.DESIRED_REPLICAS);
        int replicas = Surge.replicas(d);
        return desired.isPresent() && ReplicaSets.replicas(newRs) == replicas && desired.get() == replicas
                && ReplicaSets.available(newRs) == replicas;
    }
}
