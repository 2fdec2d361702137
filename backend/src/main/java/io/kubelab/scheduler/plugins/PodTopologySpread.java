package io.kubelab.scheduler.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.controller.OwnerRefs;
import io.kubelab.model.LabelSelector;
import io.kubelab.model.Labels;
import io.kubelab.model.NodeSelectors;
import io.kubelab.model.Tolerations;
import io.kubelab.scheduler.framework.CycleState;
import io.kubelab.scheduler.framework.NodeInfo;
import io.kubelab.scheduler.framework.Plugin;
import io.kubelab.scheduler.framework.Scores;
import io.kubelab.scheduler.framework.Status;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code podtopologyspread}. Filter: for each {@code DoNotSchedule} constraint, placing the pod must not
 * make its domain exceed the least-populated eligible domain by more than {@code maxSkew}. Score: the
 * {@code ScheduleAnyway} constraints, or the system defaults (zone skew 3, hostname skew 5, selecting as the
 * pod's Services and controller do), favour domains with fewer matching pods.
 */
public final class PodTopologySpread implements Plugin {

    public static final String NAME = "PodTopologySpread";
    public static final String ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
    public static final String ERR_REASON_NODE_LABEL_NOT_MATCH = ERR_REASON_CONSTRAINTS_NOT_MATCH + " (missing required label)";

    @Override
    public String name() {
        return NAME;
    }

    /** PreFilter's result: matching pods per domain ({@code key=value}) over the eligible nodes. */
    private record FilterState(List<SpreadConstraint> constraints, Map<String, Integer> matchNum) {
    }

    private FilterState filterState(CycleState state) {
        return state.computeIfAbsent(NAME + "/filter", () -> {
            ObjectNode pod = state.pod();
            List<SpreadConstraint> constraints = SpreadConstraint.of(pod, "DoNotSchedule");
            Map<String, Integer> matchNum = new HashMap<>();
            for (NodeInfo node : state.snapshot().nodes()) {
                Map<String, String> labels = node.labels();
                if (!SpreadConstraint.nodeHasKeys(labels, constraints)) {
                    continue;
                }
                for (SpreadConstraint c : constraints) {
                    if (eligible(c, pod, node)) {
                        matchNum.merge(c.topologyKey() + "=" + labels.get(c.topologyKey()),
                                c.count(node, ObjectMeta.namespace(pod)), Integer::sum);
                    }
                }
            }
            return new FilterState(constraints, matchNum);
        });
    }

    private static boolean eligible(SpreadConstraint c, JsonNode pod, NodeInfo node) {
        if (c.honorAffinity() && !NodeSelectors.matchesRequired(pod.path("spec"), node.node())) {
            return false;
        }
        return !c.honorTaints() || Tolerations.firstUntolerated(node.spec().path("taints"),
                pod.path("spec").path("tolerations"), Tolerations.NO_SCHEDULE_OR_EXECUTE).isEmpty();
    }

    @Override
    public Status preFilter(CycleState state) {
        return filterState(state).constraints().isEmpty() ? Status.SKIP : Status.SUCCESS;
    }

    @Override
    public Status filter(CycleState state, NodeInfo node) {
        FilterState s = filterState(state);
        Map<String, String> podLabels = Labels.of(state.pod());
        Map<String, String> labels = node.labels();
        for (SpreadConstraint c : s.constraints()) {
            String value = labels.get(c.topologyKey());
            if (value == null) {
                return Status.unresolvable(ERR_REASON_NODE_LABEL_NOT_MATCH);
            }
            String prefix = c.topologyKey() + "=";
            List<Integer> domains = s.matchNum().entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                    .map(Map.Entry::getValue).toList();
            int min = domains.size() < c.minDomains() ? 0 : domains.stream().mapToInt(Integer::intValue).min().orElse(0);
            int self = c.selector().test(podLabels) ? 1 : 0;
            int skew = s.matchNum().getOrDefault(prefix + value, 0) + self - min;
            if (skew > c.maxSkew()) {
                return Status.unschedulable(ERR_REASON_CONSTRAINTS_NOT_MATCH);
            }
        }
        return Status.SUCCESS;
    }

    // ---- scoring ----------------------------------------------------------------------------------------

    @Override
    public int weight() {
        return 2;
    }

    private record ScoreState(List<SpreadConstraint> constraints, Set<String> ignored, Map<String, Long> pairCounts,
                              double[] weights) {
    }

    private ScoreState scoreState(CycleState state) {
        return state.get(NAME + "/score");
    }

    @Override
    public Status preScore(CycleState state, List<NodeInfo> feasible) {
        ObjectNode pod = state.pod();
        boolean systemDefaulted = pod.path("spec").path("topologySpreadConstraints").isEmpty();
        List<SpreadConstraint> constraints = systemDefaulted ? defaultConstraints(state)
                : SpreadConstraint.of(pod, "ScheduleAnyway");
        if (constraints.isEmpty()) {
            return Status.SKIP;
        }
        boolean requireAll = !systemDefaulted;
        Set<String> ignored = new HashSet<>();
        Map<String, Long> pairCounts = new HashMap<>();
        int[] sizes = new int[constraints.size()];
        for (NodeInfo node : feasible) {
            Map<String, String> labels = node.labels();
            if (requireAll && !SpreadConstraint.nodeHasKeys(labels, constraints)) {
                ignored.add(node.name());
                continue;
            }
            for (int i = 0; i < constraints.size(); i++) {
                SpreadConstraint c = constraints.get(i);
                if (!c.topologyKey().equals(SpreadConstraint.HOSTNAME)
                        && pairCounts.putIfAbsent(c.topologyKey() + "=" + labels.getOrDefault(c.topologyKey(), ""), 0L) == null) {
                    sizes[i]++;
                }
            }
        }
        double[] weights = new double[constraints.size()];
        for (int i = 0; i < constraints.size(); i++) {
            int size = constraints.get(i).topologyKey().equals(SpreadConstraint.HOSTNAME)
                    ? feasible.size() - ignored.size() : sizes[i];
            weights[i] = Math.log(size + 2);
        }
        for (NodeInfo node : state.snapshot().nodes()) {
            Map<String, String> labels = node.labels();
            if (!SpreadConstraint.nodeHasKeys(labels, constraints) || !eligible(constraints.get(0), pod, node)) {
                continue;
            }
            for (SpreadConstraint c : constraints) {
                String pair = c.topologyKey() + "=" + labels.get(c.topologyKey());
                if (!c.topologyKey().equals(SpreadConstraint.HOSTNAME) && pairCounts.containsKey(pair)) {
                    pairCounts.merge(pair, (long) c.count(node, ObjectMeta.namespace(pod)), Long::sum);
                }
            }
        }
        ScoreState s = new ScoreState(constraints, ignored, pairCounts, weights);
        state.put(NAME + "/score", s);
        return Status.SUCCESS;
    }

    /**
     * The system default constraints, selecting as {@code helper.DefaultSelector} does: the selectors of the
     * Services that select the pod, and of its controlling ReplicationController, ReplicaSet or StatefulSet.
     * Nothing selects the pod: no constraints.
     */
    private static List<SpreadConstraint> defaultConstraints(CycleState state) {
        ObjectNode pod = state.pod();
        String namespace = ObjectMeta.namespace(pod);
        Map<String, String> podLabels = Labels.of(pod);
        Map<String, String> labelSet = new HashMap<>();
        for (ObjectNode service : state.snapshot().listers().services(namespace)) {
            Map<String, String> selector = new HashMap<>();
            service.path("spec").path("selector").properties().forEach(e -> selector.put(e.getKey(), e.getValue().asText()));
            if (!selector.isEmpty() && LabelSelector.ofEquals(selector).matches(podLabels)) {
                labelSet.putAll(selector);
            }
        }
        LabelSelector[] owner = {null};
        String[] ownerSelector = {"none"};
        OwnerRefs.controllerOf(pod).ifPresent(ref -> {
            String kind = ref.path("kind").asText();
            state.snapshot().listers().controller(namespace, kind, ref.path("name").asText()).ifPresent(c -> {
                JsonNode selector = c.path("spec").path("selector");
                if (kind.equals("ReplicationController")) {
                    selector.properties().forEach(e -> labelSet.put(e.getKey(), e.getValue().asText()));
                } else {
                    owner[0] = LabelSelector.fromJson(selector);
                    ownerSelector[0] = selector.toString();
                }
            });
        });
        if (labelSet.isEmpty() && (owner[0] == null || owner[0].isEmpty())) {
            return List.of();
        }
        LabelSelector services = LabelSelector.ofEquals(labelSet);
        java.util.function.Predicate<Map<String, String>> selector =
                labels -> services.matches(labels) && (owner[0] == null || owner[0].matches(labels));
        String key = "default:" + new java.util.TreeMap<>(labelSet) + ":" + ownerSelector[0];
        return List.of(
                new SpreadConstraint(3, SpreadConstraint.ZONE, "ScheduleAnyway", selector, key, 1, true, false),
                new SpreadConstraint(5, SpreadConstraint.HOSTNAME, "ScheduleAnyway", selector, key, 1, true, false));
    }

    @Override
    public long score(CycleState state, NodeInfo node) {
        ScoreState s = scoreState(state);
        if (s.ignored().contains(node.name())) {
            return 0;
        }
        Map<String, String> labels = node.labels();
        double score = 0;
        for (int i = 0; i < s.constraints().size(); i++) {
            SpreadConstraint c = s.constraints().get(i);
            String value = labels.get(c.topologyKey());
            if (value == null) {
                continue;
            }
            long count = c.topologyKey().equals(SpreadConstraint.HOSTNAME)
                    ? c.count(node, ObjectMeta.namespace(state.pod()))
                    : s.pairCounts().getOrDefault(c.topologyKey() + "=" + value, 0L);
            score += count * s.weights()[i] + (c.maxSkew() - 1);
        }
        return Math.round(score);
    }

    /** Fewer matching pods score higher: {@code max * (max + min - score) / max}; ignored nodes get 0. */
    @Override
    public void normalize(CycleState state, Map<String, Long> scores) {
        ScoreState s = scoreState(state);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (Map.Entry<String, Long> e : scores.entrySet()) {
            if (!s.ignored().contains(e.getKey())) {
                min = Math.min(min, e.getValue());
                max = Math.max(max, e.getValue());
            }
        }
        final long lo = min;
        final long hi = max;
        scores.replaceAll((name, score) -> {
            if (s.ignored().contains(name)) {
                return 0L;
            }
            return hi == 0 ? Scores.MAX_NODE_SCORE : Scores.MAX_NODE_SCORE * (hi + lo - score) / hi;
        });
    }
}
