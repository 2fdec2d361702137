package io.kubelab.controller.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;

import java.time.Instant;
import java.util.Optional;

/**
 * A Job's conditions, reasons and messages in Kubernetes 1.32's words. With {@code JobPodReplacementPolicy}
 * on (beta, default in 1.32) the controller first records an interim {@code SuccessCriteriaMet} or
 * {@code FailureTarget} condition and adds the terminal {@code Complete} or {@code Failed} only once no pod
 * of the job is still terminating.
 */
final class JobConditions {

    static final String COMPLETE = "Complete";
    static final String FAILED = "Failed";
    static final String SUSPENDED = "Suspended";
    static final String FAILURE_TARGET = "FailureTarget";
    static final String SUCCESS_CRITERIA_MET = "SuccessCriteriaMet";

    static final String REASON_BACKOFF_LIMIT = "BackoffLimitExceeded";
    static final String MESSAGE_BACKOFF_LIMIT = "Job has reached the specified backoff limit";
    static final String REASON_DEADLINE = "DeadlineExceeded";
    static final String MESSAGE_DEADLINE = "Job was active longer than specified deadline";
    static final String REASON_SUSPENDED = "JobSuspended";
    static final String MESSAGE_SUSPENDED = "Job suspended";
    static final String REASON_RESUMED = "JobResumed";
    static final String MESSAGE_RESUMED = "Job resumed";

    private JobConditions() {
    }

    /** A condition about to be written: type, reason and message (the latter two may be empty). */
    record Condition(String type, String reason, String message) {
        boolean successCriteriaMet() {
            return type.equals(SUCCESS_CRITERIA_MET);
        }
    }

    /** {@code IsJobFinished}: Complete or Failed is True. */
    static boolean finished(JsonNode job) {
        return trueCondition(job, COMPLETE).isPresent() || trueCondition(job, FAILED).isPresent();
    }

    /** The terminal condition type of a finished job ({@code FinishedCondition}). */
    static Optional<String> finishedType(JsonNode job) {
        for (JsonNode c : job.path("status").path("conditions")) {
            String type = c.path("type").asText();
            if ((type.equals(COMPLETE) || type.equals(FAILED)) && c.path("status").asText().equals("True")) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    static Optional<JsonNode> trueCondition(JsonNode job, String type) {
        for (JsonNode c : job.path("status").path("conditions")) {
            if (c.path("type").asText().equals(type) && c.path("status").asText().equals("True")) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** {@code newCondition}: probe and transition time now; empty reason and message left out, as Go omits them. */
    static ObjectNode node(String type, String status, String reason, String message, Instant now) {
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        String time = ObjectMeta.time(now);
        c.put("lastProbeTime", time).put("lastTransitionTime", time);
        if (!message.isEmpty()) {
            c.put("message", message);
        }
        if (!reason.isEmpty()) {
            c.put("reason", reason);
        }
        c.put("status", status).put("type", type);
        return c;
    }

    static void append(ObjectNode status, Condition condition, Instant now) {
        conditions(status).add(node(condition.type(), "True", condition.reason(), condition.message(), now));
    }

    /**
     * {@code ensureJobConditionStatus}: sets the condition of {@code type} to {@code status}, replacing it when
     * anything differs; a False condition is never added where none was. Returns whether anything changed.
     */
    static boolean ensure(ObjectNode status, String type, String value, String reason, String message, Instant now) {
        ArrayNode list = conditions(status);
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            if (c.path("type").asText().equals(type)) {
                if (!c.path("status").asText().equals(value) || !c.path("reason").asText("").equals(reason)
                        || !c.path("message").asText("").equals(message)) {
                    list.set(i, node(type, value, reason, message, now));
                    return true;
                }
                return false;
            }
        }
        if (!value.equals("False")) {
            list.add(node(type, value, reason, message, now));
            return true;
        }
        return false;
    }

    private static ArrayNode conditions(ObjectNode status) {
        JsonNode list = status.get("conditions");
        return list instanceof ArrayNode a ? a : status.putArray("conditions");
    }
}
