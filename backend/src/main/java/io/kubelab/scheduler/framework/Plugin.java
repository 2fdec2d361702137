package io.kubelab.scheduler.framework;

import java.util.List;
import java.util.Map;

/**
 * A scheduling plugin at the extension points it implements ({@code framework.PreFilterPlugin},
 * {@code FilterPlugin}, {@code ScorePlugin} with its {@code ScoreExtensions}). A plugin that does not filter
 * answers success; one that does not score has weight 0.
 */
public interface Plugin {

    String name();

    /** PreFilter: checks about the pod alone; a rejection here rejects every node. */
    default Status preFilter(CycleState state) {
        return Status.SUCCESS;
    }

    default Status filter(CycleState state, NodeInfo node) {
        return Status.SUCCESS;
    }

    /** The plugin's weight in the default profile; 0 when it does not score. */
    default int weight() {
        return 0;
    }

    /** PreScore over the nodes that passed filtering; {@link Status#SKIP} leaves this plugin out of scoring. */
    default Status preScore(CycleState state, List<NodeInfo> feasible) {
        return Status.SUCCESS;
    }

    /** A raw score, 0 to {@link Scores#MAX_NODE_SCORE} after {@link #normalize}. */
    default long score(CycleState state, NodeInfo node) {
        return 0;
    }

    /** NormalizeScore: rescales the raw scores in place. */
    default void normalize(CycleState state, Map<String, Long> scores) {
    }
}
