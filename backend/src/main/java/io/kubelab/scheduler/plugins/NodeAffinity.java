package io.kubelab.scheduler.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.model.NodeSelectors;
import io.kubelab.scheduler.framework.CycleState;
import io.kubelab.scheduler.framework.NodeInfo;
import io.kubelab.scheduler.framework.Plugin;
import io.kubelab.scheduler.framework.Scores;
import io.kubelab.scheduler.framework.Status;

import java.util.List;
import java.util.Map;

/**
 * {@code nodeaffinity}: {@code nodeSelector} and {@code requiredDuringSchedulingIgnoredDuringExecution}
 * must both match; the weights of matching preferred terms are the score.
 */
public final class NodeAffinity implements Plugin {

    public static final String NAME = "NodeAffinity";
    public static final String ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, NodeInfo node) {
        return NodeSelectors.matchesRequired(state.pod().path("spec"), node.node())
                ? Status.SUCCESS : Status.unresolvable(ERR_REASON_POD);
    }

    private static JsonNode preferred(CycleState state) {
        return state.pod().path("spec").path("affinity").path("nodeAffinity")
                .path("preferredDuringSchedulingIgnoredDuringExecution");
    }

    @Override
    public int weight() {
        return 2;
    }

    @Override
    public Status preScore(CycleState state, List<NodeInfo> feasible) {
        return preferred(state).isEmpty() ? Status.SKIP : Status.SUCCESS;
    }

    @Override
    public long score(CycleState state, NodeInfo node) {
        long sum = 0;
        for (JsonNode term : preferred(state)) {
            if (term.path("weight").asInt(0) != 0 && NodeSelectors.matchesTerm(term.path("preference"), node.node())) {
                sum += term.path("weight").asInt();
            }
        }
        return sum;
    }

    @Override
    public void normalize(CycleState state, Map<String, Long> scores) {
        Scores.defaultNormalize(Scores.MAX_NODE_SCORE, false, scores);
    }
}
