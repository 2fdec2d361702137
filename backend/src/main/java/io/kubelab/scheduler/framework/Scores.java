package io.kubelab.scheduler.framework;

import java.util.Map;

/** The framework's score range and {@code helper.DefaultNormalizeScore}. */
public final class Scores {

    public static final long MAX_NODE_SCORE = 100;

    private Scores() {
    }

    /**
     * Scales scores so the highest becomes {@code max}; {@code reverse} turns them round (a high raw score is
     * bad). All zero: every node gets {@code max} when reversed, stays 0 otherwise.
     */
    public static void defaultNormalize(long max, boolean reverse, Map<String, Long> scores) {
        long highest = scores.values().stream().mapToLong(Long::longValue).max().orElse(0);
        if (highest == 0) {
            if (reverse) {
                scores.replaceAll((node, score) -> max);
            }
            return;
        }
        scores.replaceAll((node, score) -> {
            long scaled = max * score / highest;
            return reverse ? max - scaled : scaled;
        });
    }
}
