package io.kubelab.scheduler.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.model.Tolerations;
import io.kubelab.scheduler.framework.CycleState;
import io.kubelab.scheduler.framework.NodeInfo;
import io.kubelab.scheduler.framework.Plugin;
import io.kubelab.scheduler.framework.Scores;
import io.kubelab.scheduler.framework.Status;

import java.util.Map;
import java.util.Optional;

/**
 * {@code tainttoleration}: a NoSchedule or NoExecute taint the pod does not tolerate rules the node out;
 * each untolerated PreferNoSchedule taint lowers its score.
 */
public final class TaintToleration implements Plugin {

    public static final String NAME = "TaintToleration";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, NodeInfo node) {
        Optional<JsonNode> taint = Tolerations.firstUntolerated(node.spec().path("taints"),
                state.pod().path("spec").path("tolerations"), Tolerations.NO_SCHEDULE_OR_EXECUTE);
        return taint.map(t -> Status.unresolvable(String.format("node(s) had untolerated taint {%s: %s}",
                t.path("key").asText(""), t.path("value").asText("")))).orElse(Status.SUCCESS);
    }

    @Override
    public int weight() {
        return 3;
    }

    /** The number of PreferNoSchedule taints not tolerated by a toleration with an empty or that effect. */
    @Override
    public long score(CycleState state, NodeInfo node) {
        long count = 0;
        for (JsonNode taint : node.spec().path("taints")) {
            if (!taint.path("effect").asText().equals("PreferNoSchedule")) {
                continue;
            }
            boolean tolerated = false;
            for (JsonNode toleration : state.pod().path("spec").path("tolerations")) {
                String effect = toleration.path("effect").asText("");
                if ((effect.isEmpty() || effect.equals("PreferNoSchedule")) && Tolerations.tolerates(toleration, taint)) {
                    tolerated = true;
                }
            }
            if (!tolerated) {
                count++;
            }
        }
        return count;
    }

    @Override
    public void normalize(CycleState state, Map<String, Long> scores) {
        Scores.defaultNormalize(Scores.MAX_NODE_SCORE, true, scores);
    }
}
