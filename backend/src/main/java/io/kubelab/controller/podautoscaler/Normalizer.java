package io.kubelab.controller.podautoscaler;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the HPA turns a metric proposal into a replica count: the recommendations of the last stabilization
 * window (scale-down: the highest of the last 5 minutes by default), then min/max and the scale rate, either
 * the fixed rule (at most double, at least 4) or the policies of {@code spec.behavior}. Like the controller's
 * own maps, these histories live in memory: a restarted controller-manager starts them afresh.
 */
final class Normalizer {

    /** {@code --horizontal-pod-autoscaler-downscale-stabilization}. */
    static final Duration DOWNSCALE_STABILIZATION = Duration.ofMinutes(5);
    static final double SCALE_UP_LIMIT_FACTOR = 2.0;
    static final double SCALE_UP_LIMIT_MINIMUM = 4.0;

    record Result(int replicas, Condition ableToScale, Condition scalingLimited) {
    }

    /** A condition as setCondition writes it: status, reason, message. */
    record Condition(String status, String reason, String message) {
    }

    private record Recommendation(int replicas, Instant at) {
    }

    private record ScaleEvent(int change, Instant at) {
    }

    private final Map<String, List<Recommendation>> recommendations = new HashMap<>();
    private final Map<String, List<ScaleEvent>> scaleUpEvents = new HashMap<>();
    private final Map<String, List<ScaleEvent>> scaleDownEvents = new HashMap<>();

    void recordInitial(String key, int currentReplicas, Instant now) {
        recommendations.computeIfAbsent(key, k -> new ArrayList<>(List.of(new Recommendation(currentReplicas, now))));
    }

    void forget(String key) {
        recommendations.remove(key);
        scaleUpEvents.remove(key);
        scaleDownEvents.remove(key);
    }

    static final Condition READY = new Condition("True", "ReadyForNewScale", "recommended size matches current size");
    static final Condition DOWN_STABILIZED = new Condition("True", "ScaleDownStabilized",
            "recent recommendations were higher than current one, applying the highest recent recommendation");
    static final Condition UP_STABILIZED = new Condition("True", "ScaleUpStabilized",
            "recent recommendations were lower than current one, applying the lowest recent recommendation");
    static final String WITHIN_RANGE = "DesiredWithinRange";
    static final String WITHIN_RANGE_MESSAGE = "the desired count is within the acceptable range";
    static final String SCALE_UP_LIMIT = "ScaleUpLimit";
    static final String SCALE_UP_LIMIT_MESSAGE = "the desired replica count is increasing faster than the maximum scale rate";
    static final String SCALE_DOWN_LIMIT = "ScaleDownLimit";
    static final String SCALE_DOWN_LIMIT_MESSAGE = "the desired replica count is decreasing faster than the maximum scale rate";
    static final String TOO_MANY = "TooManyReplicas";
    static final String TOO_MANY_MESSAGE = "the desired replica count is more than the maximum replica count";
    static final String TOO_FEW = "TooFewReplicas";
    static final String TOO_FEW_MESSAGE = "the desired replica count is less than the minimum replica count";

    /** {@code normalizeDesiredReplicas}: no behavior in the spec. */
    Result normalize(String key, int current, int proposed, int min, int max, Instant now) {
        int stabilized = proposed;
        int oldIndex = -1;
        Instant cutoff = now.minus(DOWNSCALE_STABILIZATION);
        List<Recommendation> list = recommendations.computeIfAbsent(key, k -> new ArrayList<>());
        for (int i = 0; i < list.size(); i++) {
            Recommendation r = list.get(i);
            if (r.at.isBefore(cutoff)) {
                oldIndex = i;
            } else if (r.replicas > stabilized) {
                stabilized = r.replicas;
            }
        }
        store(list, oldIndex, new Recommendation(proposed, now));
        Condition able = stabilized != proposed ? DOWN_STABILIZED : READY;
        int scaleUpLimit = (int) Math.max(SCALE_UP_LIMIT_FACTOR * current, SCALE_UP_LIMIT_MINIMUM);
        int maximum;
        String reason;
        String message;
        if (max > scaleUpLimit) {
            maximum = scaleUpLimit;
            reason = SCALE_UP_LIMIT;
            message = SCALE_UP_LIMIT_MESSAGE;
        } else {
            maximum = max;
            reason = TOO_MANY;
            message = TOO_MANY_MESSAGE;
        }
        int desired = stabilized;
        if (stabilized < min) {
            desired = min;
            reason = TOO_FEW;
            message = TOO_FEW_MESSAGE;
        } else if (stabilized > maximum) {
            desired = maximum;
        } else {
            reason = WITHIN_RANGE;
            message = WITHIN_RANGE_MESSAGE;
        }
        return new Result(desired, able, new Condition(desired == stabilized ? "False" : "True", reason, message));
    }

    /** {@code normalizeDesiredReplicasWithBehaviors}. */
    Result normalizeWithBehavior(String key, int current, int proposed, int min, int max, JsonNode behavior, Instant now) {
        JsonNode up = behavior.path("scaleUp");
        JsonNode down = behavior.path("scaleDown");
        int upWindow = up.path("stabilizationWindowSeconds").asInt(0);
        int downWindow = down.path("stabilizationWindowSeconds").isNumber()
                ? down.path("stabilizationWindowSeconds").asInt() : (int) DOWNSCALE_STABILIZATION.toSeconds();
        boolean scalingUp = proposed >= current;
        int window = scalingUp ? upWindow : downWindow;
        Instant cutoff = now.minusSeconds(window);
        Instant obsolete = now.minusSeconds(Math.max(upWindow, downWindow));
        int stabilized = proposed;
        int oldIndex = -1;
        List<Recommendation> list = recommendations.computeIfAbsent(key, k -> new ArrayList<>());
        for (int i = 0; i < list.size(); i++) {
            Recommendation r = list.get(i);
            if (r.at.isAfter(cutoff)) {
                stabilized = scalingUp ? Math.min(r.replicas, stabilized) : Math.max(r.replicas, stabilized);
            }
            if (r.at.isBefore(obsolete)) {
                oldIndex = i;
            }
        }
        store(list, oldIndex, new Recommendation(proposed, now));
        Condition able = stabilized == proposed ? READY : scalingUp ? UP_STABILIZED : DOWN_STABILIZED;
        String reason = WITHIN_RANGE;
        String message = WITHIN_RANGE_MESSAGE;
        int desired = stabilized;
        if (stabilized > current) {
            int limit = Math.max(current, scaleUpLimit(current, events(scaleUpEvents, key), up, now));
            int maximum = max;
            if (maximum > limit) {
                maximum = limit;
                reason = SCALE_UP_LIMIT;
                message = SCALE_UP_LIMIT_MESSAGE;
            } else {
                reason = TOO_MANY;
                message = TOO_MANY_MESSAGE;
            }
            if (stabilized > maximum) {
                desired = maximum;
            } else {
                reason = WITHIN_RANGE;
                message = WITHIN_RANGE_MESSAGE;
            }
        } else if (stabilized < current) {
            int limit = Math.min(current, scaleDownLimit(current, events(scaleDownEvents, key), down, now));
            int minimum = min;
            if (minimum < limit) {
                minimum = limit;
                reason = SCALE_DOWN_LIMIT;
                message = SCALE_DOWN_LIMIT_MESSAGE;
            } else {
                reason = TOO_FEW;
                message = TOO_FEW_MESSAGE;
            }
            if (stabilized < minimum) {
                desired = minimum;
            } else {
                reason = WITHIN_RANGE;
                message = WITHIN_RANGE_MESSAGE;
            }
        }
        return new Result(desired, able, new Condition(desired == stabilized ? "False" : "True", reason, message));
    }

    /** {@code storeScaleEvent}: remembered only when the HPA has a behavior (its policies count them). */
    void recordScale(String key, JsonNode behavior, int previous, int now, Instant at) {
        if (behavior == null || behavior.isMissingNode() || behavior.isNull()) {
            return;
        }
        boolean up = now > previous;
        JsonNode rules = behavior.path(up ? "scaleUp" : "scaleDown");
        long longest = 0;
        for (JsonNode p : rules.path("policies")) {
            longest = Math.max(longest, p.path("periodSeconds").asLong());
        }
        List<ScaleEvent> list = events(up ? scaleUpEvents : scaleDownEvents, key);
        Instant cutoff = at.minusSeconds(longest);
        list.removeIf(e -> e.at.isBefore(cutoff));
        list.add(new ScaleEvent(Math.abs(now - previous), at));
    }

    private static List<ScaleEvent> events(Map<String, List<ScaleEvent>> map, String key) {
        return map.computeIfAbsent(key, k -> new ArrayList<>());
    }

    private static void store(List<Recommendation> list, int oldIndex, Recommendation r) {
        if (oldIndex >= 0) {
            list.set(oldIndex, r);
        } else {
            list.add(r);
        }
    }

    private static int changeInPeriod(long periodSeconds, List<ScaleEvent> events, Instant now) {
        Instant cutoff = now.minusSeconds(periodSeconds);
        int replicas = 0;
        for (ScaleEvent e : events) {
            if (e.at.isAfter(cutoff)) {
                replicas += e.change;
            }
        }
        return replicas;
    }

    private static int scaleUpLimit(int current, List<ScaleEvent> events, JsonNode rules, Instant now) {
        String select = rules.path("selectPolicy").asText("Max");
        if (select.equals("Disabled")) {
            return current;
        }
        boolean min = select.equals("Min");
        int result = min ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        for (JsonNode p : rules.path("policies")) {
            int start = current - changeInPeriod(p.path("periodSeconds").asLong(), events, now);
            int value = p.path("value").asInt();
            // A percentage rounds up, or a small target would never grow.
            int proposed = p.path("type").asText().equals("Pods") ? start + value
                    : (int) Math.ceil(start * (1 + value / 100.0));
            result = min ? Math.min(result, proposed) : Math.max(result, proposed);
        }
        return result;
    }

    private static int scaleDownLimit(int current, List<ScaleEvent> events, JsonNode rules, Instant now) {
        String select = rules.path("selectPolicy").asText("Max");
        if (select.equals("Disabled")) {
            return current;
        }
        boolean min = select.equals("Min");
        // For a scale-down the smallest change ("Min") is the highest count.
        int result = min ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        for (JsonNode p : rules.path("policies")) {
            int start = current + changeInPeriod(p.path("periodSeconds").asLong(), events, now);
            int value = p.path("value").asInt();
            int proposed = p.path("type").asText().equals("Pods") ? start - value : (int) (start * (1 - value / 100.0));
            result = min ? Math.max(result, proposed) : Math.min(result, proposed);
        }
        return result;
    }
}
