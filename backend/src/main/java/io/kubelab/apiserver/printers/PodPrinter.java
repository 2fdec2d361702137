package io.kubelab.apiserver.printers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kubelab.model.HumanDuration;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** printers.go's {@code printPod}: READY, the STATUS reason logic, RESTARTS with the last restart's age. */
final class PodPrinter {

    static final String SCHEDULING_GATED = "SchedulingGated";
    static final String NODE_LOST = "NodeLost";
    static final String POD_INITIALIZING = "PodInitializing";
    static final String COMPLETED = "Completed";

    static final Printer PRINTER = new Printer(List.of(
            Column.nameColumn(),
            Column.string("Ready", "The aggregate readiness state of this pod for accepting traffic."),
            Column.string("Status", "The aggregate status of the containers in this pod."),
            Column.string("Restarts", "The number of times the containers in this pod have been restarted and "
                    + "when the last container in this pod has restarted."),
            Column.age(),
            Column.string("IP", Docs.POD_STATUS_POD_IP).wide(),
            Column.string("Node", Docs.POD_SPEC_NODE_NAME).wide(),
            Column.string("Nominated Node", Docs.POD_STATUS_NOMINATED_NODE_NAME).wide(),
            Column.string("Readiness Gates", Docs.POD_SPEC_READINESS_GATES).wide()),
            PodPrinter::fill);

    private PodPrinter() {
    }

    private static ArrayNode rowCondition(String reason, String message) {
        ArrayNode conditions = JsonNodeFactory.instance.arrayNode();
        ObjectNode c = conditions.addObject();
        c.put("type", "Completed").put("status", "True").put("reason", reason).put("message", message);
        return conditions;
    }

    static void fill(JsonNode pod, Row row) {
        JsonNode spec = pod.path("spec");
        JsonNode status = pod.path("status");
        int restarts = 0;
        int restartableInitRestarts = 0;
        int total = spec.path("containers").size();
        int ready = 0;
        Instant lastRestart = null;
        Instant lastRestartableInitRestart = null;

        String phase = status.path("phase").asText("");
        String reason = phase;
        if (!status.path("reason").asText("").isEmpty()) {
            reason = status.path("reason").asText();
        }
        for (JsonNode condition : status.path("conditions")) {
            if ("PodScheduled".equals(condition.path("type").asText())
                    && SCHEDULING_GATED.equals(condition.path("reason").asText())) {
                reason = SCHEDULING_GATED;
            }
        }
        if ("Succeeded".equals(phase)) {
            row.conditions = rowCondition("Succeeded", "The pod has completed successfully.");
        } else if ("Failed".equals(phase)) {
            row.conditions = rowCondition("Failed", "The pod failed.");
        }

        Map<String, Boolean> restartableInit = new HashMap<>();
        for (JsonNode init : spec.path("initContainers")) {
            boolean restartable = "Always".equals(init.path("restartPolicy").asText());
            restartableInit.put(init.path("name").asText(), restartable);
            if (restartable) {
                total++;
            }
        }

        boolean initializing = false;
        JsonNode initStatuses = status.path("initContainerStatuses");
        for (int i = 0; i < initStatuses.size(); i++) {
            JsonNode container = initStatuses.get(i);
            int count = container.path("restartCount").asInt();
            restarts += count;
            Instant terminatedAt = Row.time(container.path("lastState").path("terminated").path("finishedAt"));
            lastRestart = later(lastRestart, terminatedAt);
            boolean restartable = restartableInit.getOrDefault(container.path("name").asText(), false);
            if (restartable) {
                restartableInitRestarts += count;
                lastRestartableInitRestart = later(lastRestartableInitRestart, terminatedAt);
            }
            JsonNode state = container.path("state");
            JsonNode terminated = state.path("terminated");
            JsonNode waiting = state.path("waiting");
            if (terminated.isObject() && terminated.path("exitCode").asInt() == 0) {
                continue;
            } else if (restartable && container.path("started").asBoolean(false)) {
                if (container.path("ready").asBoolean(false)) {
                    ready++;
                }
                continue;
            } else if (terminated.isObject()) {
                String terminatedReason = terminated.path("reason").asText("");
                if (terminatedReason.isEmpty()) {
                    int signal = terminated.path("signal").asInt();
                    reason = signal != 0 ? "Init:Signal:" + signal
                            : "Init:ExitCode:" + terminated.path("exitCode").asInt();
                } else {
                    reason = "Init:" + terminatedReason;
                }
            } else if (waiting.isObject() && !waiting.path("reason").asText("").isEmpty()
                    && !POD_INITIALIZING.equals(waiting.path("reason").asText())) {
                reason = "Init:" + waiting.path("reason").asText();
            } else {
                reason = "Init:" + i + "/" + spec.path("initContainers").size();
            }
            initializing = true;
            break;
        }

        if (!initializing || initializedConditionTrue(status)) {
            restarts = restartableInitRestarts;
            lastRestart = lastRestartableInitRestart;
            boolean hasRunning = false;
            JsonNode statuses = status.path("containerStatuses");
            for (int i = statuses.size() - 1; i >= 0; i--) {
                JsonNode container = statuses.get(i);
                restarts += container.path("restartCount").asInt();
                lastRestart = later(lastRestart,
                        Row.time(container.path("lastState").path("terminated").path("finishedAt")));
                JsonNode state = container.path("state");
                JsonNode waiting = state.path("waiting");
                JsonNode terminated = state.path("terminated");
                if (waiting.isObject() && !waiting.path("reason").asText("").isEmpty()) {
                    reason = waiting.path("reason").asText();
                } else if (terminated.isObject() && !terminated.path("reason").asText("").isEmpty()) {
                    reason = terminated.path("reason").asText();
                } else if (terminated.isObject()) {
                    int signal = terminated.path("signal").asInt();
                    reason = signal != 0 ? "Signal:" + signal : "ExitCode:" + terminated.path("exitCode").asInt();
                } else if (container.path("ready").asBoolean(false) && state.path("running").isObject()) {
                    hasRunning = true;
                    ready++;
                }
            }
            if (COMPLETED.equals(reason) && hasRunning) {
                reason = readyConditionTrue(status) ? "Running" : "NotReady";
            }
        }

        boolean deleting = pod.path("metadata").path("deletionTimestamp").isTextual();
        if (deleting && NODE_LOST.equals(status.path("reason").asText())) {
            reason = "Unknown";
        } else if (deleting && !"Succeeded".equals(phase) && !"Failed".equals(phase)) {
            reason = "Terminating";
        }

        String restartsText = Integer.toString(restarts);
        if (restarts != 0 && lastRestart != null) {
            restartsText = restarts + " (" + HumanDuration.since(lastRestart, row.now) + " ago)";
        }
        row.str(pod.path("metadata").path("name").asText()).str(ready + "/" + total).str(reason)
                .str(restartsText).age(pod);

        JsonNode podIPs = status.path("podIPs");
        String podIP = podIPs.size() > 0 ? podIPs.get(0).path("ip").asText("") : "";
        row.str(podIP.isEmpty() ? Row.NONE : podIP)
                .str(Formats.orDefault(spec.path("nodeName"), Row.NONE))
                .str(Formats.orDefault(status.path("nominatedNodeName"), Row.NONE))
                .str(readinessGates(spec, status));
    }

    private static String readinessGates(JsonNode spec, JsonNode status) {
        JsonNode gates = spec.path("readinessGates");
        if (gates.size() == 0) {
            return Row.NONE;
        }
        int trueConditions = 0;
        for (JsonNode gate : gates) {
            String type = gate.path("conditionType").asText();
            for (JsonNode condition : status.path("conditions")) {
                if (type.equals(condition.path("type").asText())) {
                    if ("True".equals(condition.path("status").asText())) {
                        trueConditions++;
                    }
                    break;
                }
            }
        }
        return trueConditions + "/" + gates.size();
    }

    private static Instant later(Instant current, Instant candidate) {
        if (candidate == null) {
            return current;
        }
        return current == null || current.isBefore(candidate) ? candidate : current;
    }

    private static boolean initializedConditionTrue(JsonNode status) {
        for (JsonNode condition : status.path("conditions")) {
            if ("Initialized".equals(condition.path("type").asText())) {
                return "True".equals(condition.path("status").asText());
            }
        }
        return false;
    }

    private static boolean readyConditionTrue(JsonNode status) {
        for (JsonNode condition : status.path("conditions")) {
            if ("Ready".equals(condition.path("type").asText()) && "True".equals(condition.path("status").asText())) {
                return true;
            }
        }
        return false;
    }
}
