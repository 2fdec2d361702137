package io.kubelab.scheduler.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.scheduler.framework.CycleState;
import io.kubelab.scheduler.framework.Listers;
import io.kubelab.scheduler.framework.NodeInfo;
import io.kubelab.scheduler.framework.Plugin;
import io.kubelab.scheduler.framework.Scores;
import io.kubelab.scheduler.framework.Status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code interpodaffinity}. Filter: the pod's required affinity needs a matching pod in the node's domain
 * (or, for the first of a group that attracts itself, none anywhere); its required anti-affinity needs none;
 * and no existing pod's required anti-affinity may reject it. Score: preferred terms of the pod and of
 * existing pods, by weight, counted per domain.
 */
public final class InterPodAffinity implements Plugin {

    public static final String NAME = "InterPodAffinity";
    public static final String ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH =
            "node(s) didn't satisfy existing pods anti-affinity rules";
    public static final String ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
    public static final String ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules";

    @Override
    public String name() {
        return NAME;
    }

    /** Counts per topology pair ({@code key=value}), as the PreFilter state holds them. */
    private record FilterState(List<AffinityTerm> affinity, List<AffinityTerm> antiAffinity,
                               Map<String, Integer> affinityCounts, Map<String, Integer> antiAffinityCounts,
                               Map<String, Integer> existingAntiAffinityCounts) {
    }

    private FilterState filterState(CycleState state) {
        return state.computeIfAbsent(NAME + "/filter", () -> {
            ObjectNode pod = state.pod();
            Listers listers = state.snapshot().listers();
            List<AffinityTerm> affinity = AffinityTerm.required(pod, "podAffinity");
            List<AffinityTerm> anti = AffinityTerm.required(pod, "podAntiAffinity");
            Map<String, Integer> affinityCounts = new HashMap<>();
            Map<String, Integer> antiCounts = new HashMap<>();
            Map<String, Integer> existingCounts = new HashMap<>();
            boolean incomingTerms = !affinity.isEmpty() || !anti.isEmpty();
            for (NodeInfo node : state.snapshot().nodes()) {
                Map<String, String> labels = node.labels();
                // Without terms of its own only the existing pods' required anti-affinity can count.
                for (ObjectNode existing : incomingTerms ? node.pods() : node.podsWithRequiredAntiAffinity()) {
                    for (AffinityTerm term : AffinityTerm.required(existing, "podAntiAffinity")) {
                        if (labels.containsKey(term.topologyKey()) && term.matches(pod, listers)) {
                            existingCounts.merge(term.topologyKey() + "=" + labels.get(term.topologyKey()), 1, Integer::sum);
                        }
                    }
                    count(affinity, existing, labels, listers, affinityCounts);
                    count(anti, existing, labels, listers, antiCounts);
                }
            }
            return new FilterState(affinity, anti, affinityCounts, antiCounts, existingCounts);
        });
    }

    /** Adds one for each term the existing pod matches; a pod counts only if it matches every affinity term. */
    private static void count(List<AffinityTerm> terms, JsonNode existing, Map<String, String> labels, Listers listers,
                              Map<String, Integer> counts) {
        for (AffinityTerm term : terms) {
            if (labels.containsKey(term.topologyKey()) && term.matches(existing, listers)) {
                counts.merge(term.topologyKey() + "=" + labels.get(term.topologyKey()), 1, Integer::sum);
            }
        }
    }

    @Override
    public Status preFilter(CycleState state) {
        FilterState s = filterState(state);
        return s.affinity().isEmpty() && s.antiAffinity().isEmpty() && s.existingAntiAffinityCounts().isEmpty()
                ? Status.SKIP : Status.SUCCESS;
    }

    @Override
    public Status filter(CycleState state, NodeInfo node) {
        FilterState s = filterState(state);
        Map<String, String> labels = node.labels();
        if (!satisfiesAffinity(state, s, labels)) {
            return Status.unresolvable(ERR_REASON_AFFINITY_RULES_NOT_MATCH);
        }
        for (AffinityTerm term : s.antiAffinity()) {
            String value = labels.get(term.topologyKey());
            if (value != null && s.antiAffinityCounts().getOrDefault(term.topologyKey() + "=" + value, 0) > 0) {
                return Status.unschedulable(ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH);
            }
        }
        for (Map.Entry<String, String> label : labels.entrySet()) {
            if (s.existingAntiAffinityCounts().getOrDefault(label.getKey() + "=" + label.getValue(), 0) > 0) {
                return Status.unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH);
            }
        }
        return Status.SUCCESS;
    }

    private static boolean satisfiesAffinity(CycleState state, FilterState s, Map<String, String> labels) {
        boolean podsExist = true;
        for (AffinityTerm term : s.affinity()) {
            String value = labels.get(term.topologyKey());
            if (value == null) {
                return false;
            }
            if (s.affinityCounts().getOrDefault(term.topologyKey() + "=" + value, 0) <= 0) {
                podsExist = false;
            }
        }
        if (podsExist) {
            return true;
        }
        // The first pod of a group with affinity to itself: nothing matches anywhere, and it matches its own terms.
        Listers listers = state.snapshot().listers();
        return s.affinityCounts().isEmpty() && s.affinity().stream().allMatch(t -> t.matches(state.pod(), listers));
    }

    // ---- scoring ----------------------------------------------------------------------------------------

    @Override
    public int weight() {
        return 2;
    }

    @Override
    public Status preScore(CycleState state, List<NodeInfo> feasible) {
        ObjectNode pod = state.pod();
        Listers listers = state.snapshot().listers();
        List<AffinityTerm> preferredAffinity = AffinityTerm.preferred(pod, "podAffinity");
        List<AffinityTerm> preferredAnti = AffinityTerm.preferred(pod, "podAntiAffinity");
        boolean hasConstraints = !preferredAffinity.isEmpty() || !preferredAnti.isEmpty();
        Map<String, Long> scores = new HashMap<>();
        for (NodeInfo node : state.snapshot().nodes()) {
            Map<String, String> labels = node.labels();
            // Without preferences of its own only the existing pods' preferences can count.
            for (ObjectNode existing : hasConstraints ? node.pods() : node.podsWithAffinity()) {
                if (hasConstraints) {
                    add(scores, preferredAffinity, existing, labels, listers, 1);
                    add(scores, preferredAnti, existing, labels, listers, -1);
                }
                // Existing pods' preferences about the incoming pod count as well.
                add(scores, AffinityTerm.preferred(existing, "podAffinity"), pod, labels, listers, 1);
                add(scores, AffinityTerm.preferred(existing, "podAntiAffinity"), pod, labels, listers, -1);
            }
        }
        if (scores.isEmpty()) {
            return Status.SKIP;
        }
        state.put(NAME + "/score", scores);
        return Status.SUCCESS;
    }

    private static void add(Map<String, Long> scores, List<AffinityTerm> terms, JsonNode target, Map<String, String> labels,
                            Listers listers, int sign) {
        for (AffinityTerm term : terms) {
            String value = labels.get(term.topologyKey());
            if (value != null && term.weight() != 0 && term.matches(target, listers)) {
                scores.merge(term.topologyKey() + "=" + value, (long) sign * term.weight(), Long::sum);
            }
        }
    }

    @Override
    public long score(CycleState state, NodeInfo node) {
        Map<String, Long> pairs = state.get(NAME + "/score");
        long score = 0;
        for (Map.Entry<String, String> label : node.labels().entrySet()) {
            score += pairs.getOrDefault(label.getKey() + "=" + label.getValue(), 0L);
        }
        return score;
    }

    /** Scales from the lowest to the highest score onto 0..100. */
    @Override
    public void normalize(CycleState state, Map<String, Long> scores) {
        long min = scores.values().stream().mapToLong(Long::longValue).min().orElse(0);
        long max = scores.values().stream().mapToLong(Long::longValue).max().orElse(0);
        long diff = max - min;
        scores.replaceAll((name, score) -> diff > 0 ? (long) (Scores.MAX_NODE_SCORE * ((double) (score - min) / diff)) : 0);
    }
}
