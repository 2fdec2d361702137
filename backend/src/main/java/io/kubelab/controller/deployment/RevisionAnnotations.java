package io.kubelab.controller.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The annotations a Deployment and its ReplicaSets carry (deployment_util.go): the revision, the history of
 * revisions a reused set served, the desired and maximum replicas, and the Deployment's own annotations
 * (such as {@code kubernetes.io/change-cause}) copied onto the new set.
 */
final class RevisionAnnotations {

    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
    static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
    static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";
    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    /** {@code annotationsToSkip}: never copied from a Deployment to its sets. */
    static final Set<String> SKIPPED = Set.of(LAST_APPLIED, REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS,
            "deployment.kubernetes.io/error-selector-overlapping-with", "deployment.kubernetes.io/selector-updated-at");
    /** kube-controller-manager's default {@code --deployment-controller-...} limit on revision-history's length. */
    static final int MAX_REVISION_HISTORY_CHARS = 2000;

    private RevisionAnnotations() {
    }

    static Optional<Integer> intAnnotation(JsonNode object, String key) {
        String value = object.path("metadata").path("annotations").path(key).asText("");
        try {
            return value.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static long revision(JsonNode object) {
        String value = object.path("metadata").path("annotations").path(REVISION).asText("");
        try {
            return value.isEmpty() ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static long maxRevision(List<ObjectNode> sets) {
        return sets.stream().mapToLong(RevisionAnnotations::revision).max().orElse(0);
    }

    private static ObjectNode annotations(ObjectNode object) {
        return ObjectMeta.of(object).with("annotations");
    }

    /**
     * {@code SetNewReplicaSetAnnotations}: copies the Deployment's annotations, raises the revision to
     * {@code newRevision} if it is lower (remembering the old one in revision-history: a rollback), and on a
     * set about to be created records the replica annotations. Answers whether anything changed.
     */
    static boolean setNewReplicaSetAnnotations(JsonNode d, ObjectNode rs, long newRevision, boolean exists) {
        boolean changed = copyDeploymentAnnotations(d, rs);
        ObjectNode annotations = annotations(rs);
        String old = annotations.path(REVISION).asText("");
        long oldRevision;
        try {
            oldRevision = old.isEmpty() ? 0 : Long.parseLong(old);
        } catch (NumberFormatException e) {
            return false;
        }
        if (oldRevision < newRevision) {
            annotations.put(REVISION, Long.toString(newRevision));
            changed = true;
            if (!old.isEmpty()) {
                String history = annotations.path(REVISION_HISTORY).asText("");
                if (history.isEmpty()) {
                    annotations.put(REVISION_HISTORY, old);
                } else {
                    List<String> revisions = new java.util.ArrayList<>(List.of(history.split(",")));
                    int total = history.length() + old.length() + 1;
                    while (total > MAX_REVISION_HISTORY_CHARS && !revisions.isEmpty()) {
                        total -= revisions.remove(0).length() + 1;
                    }
                    revisions.add(old);
                    annotations.put(REVISION_HISTORY, String.join(",", revisions));
                }
            }
        }
        if (!exists && setReplicasAnnotations(rs, Surge.replicas(d), Surge.replicas(d) + Surge.maxSurge(d))) {
            changed = true;
        }
        return changed;
    }

    private static boolean copyDeploymentAnnotations(JsonNode d, ObjectNode rs) {
        boolean changed = false;
        ObjectNode annotations = annotations(rs);
        for (var e : d.path("metadata").path("annotations").properties()) {
            if (SKIPPED.contains(e.getKey()) || annotations.path(e.getKey()).asText("\0").equals(e.getValue().asText())) {
                continue;
            }
            annotations.put(e.getKey(), e.getValue().asText());
            changed = true;
        }
        return changed;
    }

    static boolean setReplicasAnnotations(ObjectNode rs, int desired, int max) {
        if (!replicasAnnotationsNeedUpdate(rs, desired, max)) {
            return false;
        }
        annotations(rs).put(DESIRED_REPLICAS, Integer.toString(desired)).put(MAX_REPLICAS, Integer.toString(max));
        return true;
    }

    static boolean replicasAnnotationsNeedUpdate(JsonNode rs, int desired, int max) {
        JsonNode annotations = rs.path("metadata").path("annotations");
        return !annotations.path(DESIRED_REPLICAS).asText("").equals(Integer.toString(desired))
                || !annotations.path(MAX_REPLICAS).asText("").equals(Integer.toString(max));
    }
}
