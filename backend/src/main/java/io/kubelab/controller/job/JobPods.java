package io.kubelab.controller.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.controller.OwnerRefs;
import io.kubelab.controller.PodConditions;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What the Job controller reads off its pods: phase, finalizer, index, readiness, when they finished. */
final class JobPods {

    static final String TRACKING_FINALIZER = "batch.kubernetes.io/job-tracking";
    static final String COMPLETION_INDEX = "batch.kubernetes.io/job-completion-index";
    static final String COMPLETION_INDEX_ENV = "JOB_COMPLETION_INDEX";
    /** {@code unknownCompletionIndex}. */
    static final int UNKNOWN_INDEX = -1;

    private JobPods() {
    }

    static boolean succeeded(JsonNode pod) {
        return PodConditions.phase(pod).equals("Succeeded");
    }

    /** {@code controller.CountTerminatingPods}: being deleted but not finished. */
    static boolean terminating(JsonNode pod) {
        return ObjectMeta.deleting(pod) && !PodConditions.terminal(pod);
    }

    /**
     * {@code isPodFailed}: Failed, or (unless only failed pods are replaced) deleted before it succeeded, which
     * counts orphans that never reach the Failed phase.
     */
    static boolean failed(JsonNode pod, JsonNode job) {
        if (PodConditions.phase(pod).equals("Failed")) {
            return true;
        }
        if (onlyReplaceFailedPods(job)) {
            return false;
        }
        return ObjectMeta.deleting(pod) && !succeeded(pod);
    }

    static boolean onlyReplaceFailedPods(JsonNode job) {
        JsonNode spec = job.path("spec");
        return spec.path("podReplacementPolicy").asText("").equals("Failed") || spec.hasNonNull("podFailurePolicy");
    }

    static boolean hasFinalizer(JsonNode pod) {
        for (JsonNode f : pod.path("metadata").path("finalizers")) {
            if (f.asText().equals(TRACKING_FINALIZER)) {
                return true;
            }
        }
        return false;
    }

    /** {@code getCompletionIndex}: the annotation as a non-negative number, or {@link #UNKNOWN_INDEX}. */
    static int index(JsonNode pod) {
        String value = pod.path("metadata").path("annotations").path(COMPLETION_INDEX).asText("");
        try {
            int i = Integer.parseInt(value);
            return i >= 0 ? i : UNKNOWN_INDEX;
        } catch (NumberFormatException e) {
            return UNKNOWN_INDEX;
        }
    }

    /** Restarts of a pod's containers, counted against an OnFailure job's backoffLimit. */
    static int restarts(JsonNode pod) {
        int total = 0;
        for (String field : new String[]{"initContainerStatuses", "containerStatuses"}) {
            for (JsonNode status : pod.path("status").path(field)) {
                total += status.path("restartCount").asInt(0);
            }
        }
        return total;
    }

    /**
     * {@code getFinishedTime}: the last container's finish, else when Ready turned False, else the deletion
     * time less its grace, else the creation time.
     */
    static Instant finishedAt(JsonNode pod) {
        Instant latest = null;
        boolean allFinished = pod.path("status").path("containerStatuses").size() > 0;
        for (JsonNode status : pod.path("status").path("containerStatuses")) {
            String at = status.path("state").path("terminated").path("finishedAt").asText("");
            if (at.isEmpty()) {
                allFinished = false;
                break;
            }
            Instant t = Instant.parse(at);
            latest = latest == null || t.isAfter(latest) ? t : latest;
        }
        if (allFinished && latest != null) {
            return latest;
        }
        Optional<JsonNode> ready = PodConditions.condition(pod, PodConditions.READY);
        if (ready.isPresent() && ready.get().path("status").asText().equals("False")
                && !ready.get().path("lastTransitionTime").asText("").isEmpty()) {
            return Instant.parse(ready.get().path("lastTransitionTime").asText());
        }
        JsonNode meta = pod.path("metadata");
        if (meta.hasNonNull("deletionTimestamp")) {
            return Instant.parse(meta.path("deletionTimestamp").asText())
                    .minusSeconds(meta.path("deletionGracePeriodSeconds").asLong(0));
        }
        return Instant.parse(meta.path("creationTimestamp").asText("1970-01-01T00:00:00Z"));
    }

    /**
     * {@code controller.ActivePods}' order, the pods to delete first: unscheduled before scheduled, Pending
     * before Running, not ready before ready, more restarts first, newer before older.
     */
    static final Comparator<JsonNode> DELETE_FIRST = Comparator
            .comparing((JsonNode p) -> !p.path("spec").path("nodeName").asText("").isEmpty())
            .thenComparing(p -> phaseRank(PodConditions.phase(p)))
            .thenComparing(PodConditions::ready)
            .thenComparing(p -> -restarts(p))
            .thenComparing(p -> p.path("metadata").path("creationTimestamp").asText(""), Comparator.reverseOrder());

    private static int phaseRank(String phase) {
        return switch (phase) {
            case "Pending" -> 0;
            case "Unknown" -> 1;
            case "Running" -> 2;
            default -> 3;
        };
    }

    /**
     * {@code GetPodFromTemplate} plus the Job controller's additions: the tracking finalizer, the controller
     * reference, and for an Indexed job the index annotation and label, the hostname and the index variable.
     */
    static ObjectNode fromTemplate(ObjectNode job, int index) {
        String name = ObjectMeta.name(job);
        JsonNode template = job.path("spec").path("template");
        ObjectNode pod = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        pod.put("apiVersion", "v1").put("kind", "Pod");
        ObjectNode meta = pod.putObject("metadata");
        meta.put("generateName", index == UNKNOWN_INDEX ? name + "-" : name + "-" + index + "-");
        meta.put("namespace", ObjectMeta.namespace(job));
        ObjectNode labels = meta.putObject("labels");
        template.path("metadata").path("labels").fields().forEachRemaining(e -> labels.set(e.getKey(), e.getValue()));
        JsonNode annotations = template.path("metadata").path("annotations");
        if (annotations.size() > 0 || index != UNKNOWN_INDEX) {
            ObjectNode a = meta.putObject("annotations");
            annotations.fields().forEachRemaining(e -> a.set(e.getKey(), e.getValue()));
            if (index != UNKNOWN_INDEX) {
                a.put(COMPLETION_INDEX, String.valueOf(index));
                labels.put(COMPLETION_INDEX, String.valueOf(index));
            }
        }
        ArrayNode finalizers = meta.putArray("finalizers");
        template.path("metadata").path("finalizers").forEach(f -> finalizers.add(f.asText()));
        ObjectMeta.addFinalizer(meta, TRACKING_FINALIZER);
        meta.putArray("ownerReferences").add(OwnerRefs.controllerRef(job, "batch/v1", "Job"));
        ObjectNode spec = template.path("spec").isObject() ? ((ObjectNode) template.path("spec")).deepCopy()
                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        if (index != UNKNOWN_INDEX) {
            addIndexVariable(spec.path("initContainers"));
            addIndexVariable(spec.path("containers"));
            spec.put("hostname", name + "-" + index);
        }
        pod.set("spec", spec);
        return pod;
    }

    /** {@code addCompletionIndexEnvVariables}: every container can read its index from the annotation. */
    private static void addIndexVariable(JsonNode containers) {
        for (JsonNode c : containers) {
            ObjectNode container = (ObjectNode) c;
            boolean present = false;
            for (JsonNode env : container.path("env")) {
                present |= env.path("name").asText().equals(COMPLETION_INDEX_ENV);
            }
            if (!present) {
                ArrayNode env = container.has("env") ? (ArrayNode) container.get("env") : container.putArray("env");
                env.addObject().put("name", COMPLETION_INDEX_ENV).putObject("valueFrom").putObject("fieldRef")
                        .put("fieldPath", "metadata.annotations['" + COMPLETION_INDEX + "']");
            }
        }
    }

    static List<JsonNode> sortedForDeletion(List<JsonNode> pods) {
        return pods.stream().sorted(DELETE_FIRST).toList();
    }
}
