package io.kubelab.scheduler.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.model.LabelSelector;
import io.kubelab.model.Labels;
import io.kubelab.scheduler.framework.Listers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pod (anti-)affinity term as {@code framework.AffinityTerm} holds it: the namespaces it looks in (the
 * owner's own when none are named and no {@code namespaceSelector} is set), the label selector joined with
 * {@code matchLabelKeys}/{@code mismatchLabelKeys}, and the topology key.
 */
record AffinityTerm(Set<String> namespaces, LabelSelector namespaceSelector, LabelSelector selector,
                    Map<String, String> matchLabels, Map<String, String> mismatchLabels, String topologyKey, int weight) {

    static List<AffinityTerm> required(JsonNode pod, String kind) {
        List<AffinityTerm> terms = new ArrayList<>();
        for (JsonNode term : pod.path("spec").path("affinity").path(kind).path("requiredDuringSchedulingIgnoredDuringExecution")) {
            terms.add(of(pod, term, 0));
        }
        return terms;
    }

    static List<AffinityTerm> preferred(JsonNode pod, String kind) {
        List<AffinityTerm> terms = new ArrayList<>();
        for (JsonNode weighted : pod.path("spec").path("affinity").path(kind).path("preferredDuringSchedulingIgnoredDuringExecution")) {
            terms.add(of(pod, weighted.path("podAffinityTerm"), weighted.path("weight").asInt(0)));
        }
        return terms;
    }

    private static AffinityTerm of(JsonNode pod, JsonNode term, int weight) {
        Set<String> namespaces = new HashSet<>();
        term.path("namespaces").forEach(n -> namespaces.add(n.asText()));
        JsonNode nsSelector = term.get("namespaceSelector");
        LabelSelector namespaceSelector = nsSelector == null || nsSelector.isNull() ? null : LabelSelector.fromJson(nsSelector);
        if (namespaces.isEmpty() && namespaceSelector == null) {
            namespaces.add(ObjectMeta.namespace(pod));
        }
        JsonNode labelSelector = term.get("labelSelector");
        LabelSelector selector = labelSelector == null || labelSelector.isNull() ? null : LabelSelector.fromJson(labelSelector);
        Map<String, String> podLabels = Labels.of(pod);
        Map<String, String> match = new java.util.HashMap<>();
        Map<String, String> mismatch = new java.util.HashMap<>();
        term.path("matchLabelKeys").forEach(k -> {
            if (podLabels.containsKey(k.asText())) {
                match.put(k.asText(), podLabels.get(k.asText()));
            }
        });
        term.path("mismatchLabelKeys").forEach(k -> {
            if (podLabels.containsKey(k.asText())) {
                mismatch.put(k.asText(), podLabels.get(k.asText()));
            }
        });
        return new AffinityTerm(namespaces, namespaceSelector, selector, match, mismatch,
                term.path("topologyKey").asText(), weight);
    }

    /** {@code AffinityTerm.Matches}: the pod is in one of the term's namespaces and its labels match. */
    boolean matches(JsonNode pod, Listers listers) {
        String namespace = ObjectMeta.namespace(pod);
        boolean inNamespace = namespaces.contains(namespace)
                || namespaceSelector != null && namespaceSelector.matches(listers.namespaceLabels(namespace));
        if (!inNamespace || selector == null) {
            return false;
        }
        Map<String, String> labels = Labels.of(pod);
        return selector.matches(labels)
                && matchLabels.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))
                && mismatchLabels.entrySet().stream().noneMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
