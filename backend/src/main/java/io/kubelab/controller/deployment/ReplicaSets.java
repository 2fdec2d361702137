package io.kubelab.controller.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A Deployment's ReplicaSets: which is new, which are old, what they add up to (deployment_util.go). */
final class ReplicaSets {

    static final String HASH_LABEL = "pod-template-hash";

    private ReplicaSets() {
    }

    static int replicas(JsonNode rs) {
        return rs == null ? 0 : rs.path("spec").path("replicas").asInt(1);
    }

    static int statusReplicas(JsonNode rs) {
        return rs == null ? 0 : rs.path("status").path("replicas").asInt();
    }

    static int available(JsonNode rs) {
        return rs == null ? 0 : rs.path("status").path("availableReplicas").asInt();
    }

    static int ready(JsonNode rs) {
        return rs == null ? 0 : rs.path("status").path("readyReplicas").asInt();
    }

    /** {@code GetReplicaCountForReplicaSets}: the sum of spec.replicas. */
    static int specTotal(List<? extends JsonNode> sets) {
        return sets.stream().mapToInt(ReplicaSets::replicas).sum();
    }

    static int actualTotal(List<? extends JsonNode> sets) {
        return sets.stream().mapToInt(ReplicaSets::statusReplicas).sum();
    }

    static int availableTotal(List<? extends JsonNode> sets) {
        return sets.stream().mapToInt(ReplicaSets::available).sum();
    }

    static int readyTotal(List<? extends JsonNode> sets) {
        return sets.stream().mapToInt(ReplicaSets::ready).sum();
    }

    /** {@code FilterActiveReplicaSets}: those with replicas wanted. */
    static List<ObjectNode> active(List<ObjectNode> sets) {
        return sets.stream().filter(rs -> rs != null && replicas(rs) > 0).toList();
    }

    /** {@code ReplicaSetsByCreationTimestamp}: older first, then by name. */
    static final Comparator<JsonNode> BY_CREATION = Comparator
            .comparing((JsonNode rs) -> rs.path("metadata").path("creationTimestamp").asText())
            .thenComparing(ObjectMeta::name);

    /** {@code ReplicaSetsBySizeNewer}: larger first, newer first among equals (scaling up). */
    static final Comparator<JsonNode> BY_SIZE_NEWER = Comparator
            .comparingInt((JsonNode rs) -> -replicas(rs)).thenComparing(BY_CREATION.reversed());

    /** {@code ReplicaSetsBySizeOlder}: larger first, older first among equals (scaling down). */
    static final Comparator<JsonNode> BY_SIZE_OLDER = Comparator
            .comparingInt((JsonNode rs) -> -replicas(rs)).thenComparing(BY_CREATION);

    /** {@code EqualIgnoreHash}: the templates are the same but for the pod-template-hash label. */
    static boolean equalIgnoreHash(JsonNode a, JsonNode b) {
        return semanticEqual(withoutHash(a), withoutHash(b));
    }

    /**
     * Go compares typed values: 30 is 30 whether a body brought it as an int or a long (a template that
     * kubectl's rollout undo patched back in, say), and a null member is the field's zero value, as absent.
     */
    private static boolean semanticEqual(JsonNode x, JsonNode y) {
        if (x.isNumber() && y.isNumber()) {
            return x.isIntegralNumber() && y.isIntegralNumber() ? x.asLong() == y.asLong()
                    : x.decimalValue().compareTo(y.decimalValue()) == 0;
        }
        if (x.isObject() && y.isObject()) {
            return sameMembers(x, y) && sameMembers(y, x);
        }
        if (x.isArray() && y.isArray()) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!semanticEqual(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return x.equals(y);
    }

    /** Whether every non-null member of {@code x} is in {@code y} with a semantically equal value. */
    private static boolean sameMembers(JsonNode x, JsonNode y) {
        for (var it = x.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue().isNull()) {
                JsonNode other = y.get(e.getKey());
                if (other != null && !other.isNull()) {
                    return false;
                }
                continue;
            }
            JsonNode other = y.get(e.getKey());
            if (other == null || !semanticEqual(e.getValue(), other)) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode withoutHash(JsonNode template) {
        ObjectNode copy = template.deepCopy();
        JsonNode labels = copy.path("metadata").path("labels");
        if (labels instanceof ObjectNode l) {
            l.remove(HASH_LABEL);
            // Go's semantic equality holds an empty map equal to none.
            if (l.isEmpty()) {
                ((ObjectNode) copy.get("metadata")).remove("labels");
            }
        }
        if (copy.path("metadata") instanceof ObjectNode m && m.isEmpty()) {
            copy.remove("metadata");
        }
        return copy;
    }

    /** {@code FindNewReplicaSet}: the oldest set whose template is the Deployment's. */
    static Optional<ObjectNode> findNew(JsonNode d, List<ObjectNode> sets) {
        List<ObjectNode> sorted = new ArrayList<>(sets);
        sorted.sort(BY_CREATION);
        JsonNode template = d.path("spec").path("template");
        return sorted.stream().filter(rs -> equalIgnoreHash(rs.path("spec").path("template"), template)).findFirst();
    }

    /** {@code FindOldReplicaSets}'s second answer: every set but the new one. */
    static List<ObjectNode> findOld(JsonNode d, List<ObjectNode> sets) {
        Optional<ObjectNode> newRs = findNew(d, sets);
        List<ObjectNode> old = new ArrayList<>();
        for (ObjectNode rs : sets) {
            if (newRs.isEmpty() || !ObjectMeta.uid(rs).equals(ObjectMeta.uid(newRs.get()))) {
                old.add(rs);
            }
        }
        return old;
    }

    /**
     * {@code GetProportion}: this set's share of {@code toAdd} replicas (negative to remove), by its size
     * relative to the Deployment's size before the scale (the max-replicas annotation).
     */
    static int proportion(JsonNode rs, JsonNode d, int toAdd, int added) {
        if (rs == null || replicas(rs) == 0 || toAdd == 0 || toAdd == added) {
            return 0;
        }
        int fraction = fraction(rs, d);
        int allowed = toAdd - added;
        return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
    }

    private static int fraction(JsonNode rs, JsonNode d) {
        if (Surge.replicas(d) == 0) {
            return -replicas(rs);
        }
        int maxReplicas = Surge.replicas(d) + Surge.maxSurge(d);
        int before = RevisionAnnotations.intAnnotation(rs, RevisionAnnotations.MAX_REPLICAS).orElse(0);
        if (before == 0) {
            before = d.path("status").path("replicas").asInt();
            if (before == 0) {
                before = replicas(rs);
            }
        }
        double size = (double) replicas(rs) * maxReplicas / before;
        return (int) Math.round(size) - replicas(rs);
    }
}
