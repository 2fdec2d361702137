package io.kubelab.scheduler.plugins;

import io.kubelab.scheduler.framework.CycleState;
import io.kubelab.scheduler.framework.NodeInfo;
import io.kubelab.scheduler.framework.Plugin;
import io.kubelab.scheduler.framework.Resources;
import io.kubelab.scheduler.framework.Scores;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code noderesources.BalancedAllocation}: favours nodes where CPU and memory would be used in equal
 * shares, from the real requests (no defaults for containers that request nothing).
 */
public final class BalancedAllocation implements Plugin {

    public static final String NAME = "NodeResourcesBalancedAllocation";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int weight() {
        return 1;
    }

    @Override
    public long score(CycleState state, NodeInfo node) {
        Map<String, Long> requests = Resources.requests(state.pod());
        List<Double> fractions = new ArrayList<>();
        double total = 0;
        for (String resource : NodeResourcesFit.SCORED) {
            long capacity = node.allocatable(resource);
            if (capacity == 0) {
                continue;
            }
            double fraction = Math.min(1.0,
                    (double) (node.requested(resource) + requests.getOrDefault(resource, 0L)) / capacity);
            fractions.add(fraction);
            total += fraction;
        }
        double std = 0;
        if (fractions.size() == 2) {
            std = Math.abs((fractions.get(0) - fractions.get(1)) / 2);
        } else if (fractions.size() > 2) {
            double mean = total / fractions.size();
            double sum = 0;
            for (double f : fractions) {
                sum += (f - mean) * (f - mean);
            }
            std = Math.sqrt(sum / fractions.size());
        }
        return (long) ((1 - std) * Scores.MAX_NODE_SCORE);
    }
}
