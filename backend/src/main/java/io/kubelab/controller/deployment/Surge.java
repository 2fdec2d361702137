package io.kubelab.controller.deployment;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How far a rolling update may go over and under {@code spec.replicas}: {@code ResolveFenceposts},
 * {@code MaxSurge}, {@code MaxUnavailable} and {@code NewRSNewReplicas} of deployment_util.go.
 */
final class Surge {

    static final String DEFAULT = "25%";

    private Surge() {
    }

    static int replicas(JsonNode d) {
        return d.path("spec").path("replicas").asInt(1);
    }

    static boolean rollingUpdate(JsonNode d) {
        return d.path("spec").path("strategy").path("type").asText("RollingUpdate").equals("RollingUpdate");
    }

    /** {@code GetScaledValueFromIntOrPercent}: an int as is, {@code N%} of total rounded up or down. */
    static int scaled(JsonNode value, int total, boolean roundUp) {
        if (value.isMissingNode() || value.isNull()) {
            value = com.fasterxml.jackson.databind.node.TextNode.valueOf(DEFAULT);
        }
        if (value.isIntegralNumber()) {
            return value.asInt();
        }
        String text = value.asText();
        if (!text.endsWith("%")) {
            throw new IllegalArgumentException("invalid value for IntOrString: invalid type: string is not a percentage");
        }
        int percent = Integer.parseInt(text.substring(0, text.length() - 1));
        double exact = (double) percent * total / 100;
        return (int) (roundUp ? Math.ceil(exact) : Math.floor(exact));
    }

    /** {@code ResolveFenceposts}: surge rounds up, unavailable down, and both zero means one unavailable. */
    static int[] fenceposts(JsonNode d) {
        JsonNode rolling = d.path("spec").path("strategy").path("rollingUpdate");
        int desired = replicas(d);
        int surge = scaled(rolling.path("maxSurge"), desired, true);
        int unavailable = scaled(rolling.path("maxUnavailable"), desired, false);
        if (surge == 0 && unavailable == 0) {
            unavailable = 1;
        }
        return new int[]{surge, unavailable};
    }

    static int maxSurge(JsonNode d) {
        return rollingUpdate(d) ? fenceposts(d)[0] : 0;
    }

    static int maxUnavailable(JsonNode d) {
        int desired = replicas(d);
        if (!rollingUpdate(d) || desired == 0) {
            return 0;
        }
        return Math.min(fenceposts(d)[1], desired);
    }

    /** {@code NewRSNewReplicas}: how big the new ReplicaSet may be now. */
    static int newReplicas(JsonNode d, int allReplicas, JsonNode newRs) {
        int current = ReplicaSets.replicas(newRs);
        if (!rollingUpdate(d)) {
            return replicas(d);
        }
        int maxTotal = replicas(d) + maxSurge(d);
        if (allReplicas >= maxTotal) {
            return current;
        }
        int scaleUp = Math.min(maxTotal - allReplicas, replicas(d) - current);
        return current + scaleUp;
    }
}
