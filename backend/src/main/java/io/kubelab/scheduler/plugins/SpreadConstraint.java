package io.kubelab.scheduler.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.model.LabelSelector;
import io.kubelab.model.Labels;
import io.kubelab.scheduler.framework.NodeInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One topology spread constraint as {@code podtopologyspread} works with it: its selector already joined
 * with {@code matchLabelKeys}, and the policies with their defaults (affinity honoured, taints ignored).
 */
record SpreadConstraint(int maxSkew, String topologyKey, String whenUnsatisfiable, Predicate<Map<String, String>> selector,
                        String selectorKey, int minDomains, boolean honorAffinity, boolean honorTaints) {

    static final String HOSTNAME = "kubernetes.io/hostname";
    static final String ZONE = "topology.kubernetes.io/zone";

    /** The pod's own constraints with {@code whenUnsatisfiable} equal to {@code action}. */
    static List<SpreadConstraint> of(JsonNode pod, String action) {
        Map<String, String> podLabels = Labels.of(pod);
        List<SpreadConstraint> constraints = new ArrayList<>();
        for (JsonNode c : pod.path("spec").path("topologySpreadConstraints")) {
            if (!c.path("whenUnsatisfiable").asText().equals(action)) {
                continue;
            }
            LabelSelector base = c.has("labelSelector") && !c.get("labelSelector").isNull()
                    ? LabelSelector.fromJson(c.get("labelSelector")) : null;
            Map<String, String> keys = new HashMap<>();
            c.path("matchLabelKeys").forEach(k -> {
                if (podLabels.containsKey(k.asText())) {
                    keys.put(k.asText(), podLabels.get(k.asText()));
                }
            });
            // A constraint without a selector selects nothing (a nil selector is labels.Nothing()).
            Predicate<Map<String, String>> selector = labels -> base != null && base.matches(labels)
                    && keys.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
            String key = "constraint:" + (base == null ? "nil" : c.get("labelSelector").toString()) + ":"
                    + new java.util.TreeMap<>(keys);
            constraints.add(new SpreadConstraint(c.path("maxSkew").asInt(1), c.path("topologyKey").asText(), action,
                    selector, key, c.path("minDomains").asInt(1),
                    !c.path("nodeAffinityPolicy").asText("Honor").equals("Ignore"),
                    c.path("nodeTaintsPolicy").asText("Ignore").equals("Honor")));
        }
        return constraints;
    }

    /**
     * {@code countPodsMatchSelector} over a node's pods, counted once per node state: {@code selectorKey} says
     * what the selector selects, so constraints that select alike share the count.
     */
    int count(NodeInfo node, String namespace) {
        return node.count("spread:" + namespace + ":" + selectorKey, pod -> counts(pod, namespace));
    }

    /** {@code countPodsMatchSelector}: pods of the namespace, not terminating, that the selector matches. */
    int count(List<? extends JsonNode> pods, String namespace) {
        int n = 0;
        for (JsonNode pod : pods) {
            if (counts(pod, namespace)) {
                n++;
            }
        }
        return n;
    }

    private boolean counts(JsonNode pod, String namespace) {
        return !ObjectMeta.deleting(pod) && ObjectMeta.namespace(pod).equals(namespace) && selector.test(Labels.of(pod));
    }

    static boolean nodeHasKeys(Map<String, String> nodeLabels, List<SpreadConstraint> constraints) {
        return constraints.stream().allMatch(c -> nodeLabels.containsKey(c.topologyKey));
    }
}
