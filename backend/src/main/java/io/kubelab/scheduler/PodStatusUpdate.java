package io.kubelab.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.UserInfo;

import io.kubelab.clock.SimClock;

/**
 * The scheduler's writes to pod status, through the {@code status} subresource with a strategic merge patch
 * as {@code util.PatchPodStatus} sends them, and only when something changed ({@code UpdatePodCondition}
 * keeps the transition time of a condition whose status stays the same).
 */
final class PodStatusUpdate {

    static final String DISRUPTION_TARGET = "DisruptionTarget";
    static final String PREEMPTION_BY_SCHEDULER = "PreemptionByScheduler";

    private final ApiServer api;
    private final UserInfo user;
    private final SimClock clock;

    PodStatusUpdate(ApiServer api, UserInfo user, SimClock clock) {
        this.api = api;
        this.user = user;
        this.clock = clock;
    }

    /** {@code updatePod}: PodScheduled=False, reason Unschedulable, the message; the nominated node if any. */
    void unschedulable(ObjectNode pod, String message, String nominatedNode) {
        String currentNomination = pod.path("status").path("nominatedNodeName").asText("");
        boolean nominationChanges = nominatedNode != null && !nominatedNode.equals(currentNomination);
        ObjectNode condition = condition(pod, "PodScheduled", "False", SchedulingCycle.REASON_UNSCHEDULABLE, message);
        if (condition == null && !nominationChanges) {
            return;
        }
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        if (condition != null) {
            status.putArray("conditions").add(condition);
        }
        if (nominationChanges) {
            status.put("nominatedNodeName", nominatedNode);
        }
        patch(pod, status);
    }

    /** The victim's {@code DisruptionTarget} condition, written before it is deleted. */
    void disruptionTarget(ObjectNode victim, String schedulerName) {
        ObjectNode condition = condition(victim, DISRUPTION_TARGET, "True", PREEMPTION_BY_SCHEDULER,
                schedulerName + ": preempting to accommodate a higher priority pod");
        if (condition != null) {
            ObjectNode status = JsonNodeFactory.instance.objectNode();
            status.putArray("conditions").add(condition);
            patch(victim, status);
        }
    }

    void clearNomination(ObjectNode pod) {
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.putNull("nominatedNodeName");
        patch(pod, status);
    }

    /** The condition to write, or null when the pod already has it with that status, reason and message. */
    private ObjectNode condition(JsonNode pod, String type, String value, String reason, String message) {
        JsonNode existing = SchedulingCycle.condition(pod, type);
        if (existing != null && existing.path("status").asText().equals(value)
                && existing.path("reason").asText("").equals(reason) && existing.path("message").asText("").equals(message)) {
            return null;
        }
        String transition = existing != null && existing.path("status").asText().equals(value)
                ? existing.path("lastTransitionTime").asText() : ObjectMeta.time(clock.now());
        ObjectNode condition = JsonNodeFactory.instance.objectNode();
        condition.put("type", type).put("status", value).putNull("lastProbeTime")
                .put("lastTransitionTime", transition).put("reason", reason).put("message", message);
        return condition;
    }

    private void patch(JsonNode pod, ObjectNode status) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.set("status", status);
        api.handle(ApiRequest.of(user, ApiRequest.Verb.PATCH, SchedulingCycle.PODS, ObjectMeta.namespace(pod),
                ObjectMeta.name(pod)).withSubresource("status").withPatch(ApiRequest.PatchType.STRATEGIC, patch));
    }
}
