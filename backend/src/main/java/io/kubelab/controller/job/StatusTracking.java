package io.kubelab.controller.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.clock.SimClock;
import io.kubelab.controller.Informers;
import io.kubelab.record.EventRecorder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code trackJobStatusAndRemoveFinalizers}: a finished pod is first written to
 * {@code status.uncountedTerminatedPods}, then its tracking finalizer comes off, then it moves into the
 * {@code succeeded}/{@code failed} counters. A crash between any two steps loses nothing: the next sync
 * finds the pod in the list or still carrying the finalizer. The terminal condition is added last.
 */
final class StatusTracking {

    /** {@code JobStatus} fields in Go's order, which is the order the API server serves them in. */
    private static final List<String> STATUS_ORDER = List.of("conditions", "startTime", "completionTime", "active",
            "succeeded", "failed", "terminating", "completedIndexes", "failedIndexes", "uncountedTerminatedPods",
            "ready");
    /** Counters Go omits when zero ({@code ready} and {@code terminating} are pointers and always written). */
    private static final Set<String> OMIT_ZERO = Set.of("active", "succeeded", "failed");

    private final ApiServer api;
    private final SimClock clock;
    private final PodControl control;

    StatusTracking(ApiServer api, SimClock clock, PodControl control) {
        this.api = api;
        this.clock = clock;
        this.control = control;
    }

    void trackAndRemoveFinalizers(JobSync.Context ctx) {
        ObjectNode job = ctx.job;
        ObjectNode status = job.with("status");
        boolean indexed = JobSync.isIndexed(job);
        int completions = job.path("spec").path("completions").asInt(0);
        List<JsonNode> pods = new ArrayList<>(ctx.pods);
        if (indexed) {
            pods.sort(Comparator.comparingInt(JobPods::index));
        }
        Set<String> withFinalizer = new HashSet<>();
        pods.stream().filter(JobPods::hasFinalizer).forEach(p -> withFinalizer.add(ObjectMeta.uid(p)));
        LinkedHashSet<String> uncountedSucceeded = uidList(status, "succeeded");
        LinkedHashSet<String> uncountedFailed = uidList(status, "failed");
        countPodsWithoutFinalizer(status, uncountedSucceeded, uncountedFailed, withFinalizer);

        List<JsonNode> release = new ArrayList<>();
        List<Integer> newIndexes = new ArrayList<>();
        for (JsonNode pod : pods) {
            if (!JobPods.hasFinalizer(pod)) {
                continue;
            }
            boolean failed = JobPods.failed(pod, job);
            if (!(ObjectMeta.deleting(job) || ctx.finished != null || JobPods.succeeded(pod) || failed)) {
                continue;
            }
            release.add(pod);
            String uid = ObjectMeta.uid(pod);
            int ix = JobPods.index(pod);
            if (JobPods.succeeded(pod) && !ctx.uncountedFailed.contains(uid)) {
                if (indexed) {
                    if (ix != JobPods.UNKNOWN_INDEX && ix < completions && !ctx.previousIndexes.has(ix)) {
                        newIndexes.add(ix);
                    }
                } else {
                    uncountedSucceeded.add(uid);
                }
            } else if (failed || (ctx.finished != null && !ctx.finished.successCriteriaMet())) {
                // Once the job is failing, every pod that has not succeeded counts as failed.
                if (!indexed || (ix != JobPods.UNKNOWN_INDEX && ix < completions)) {
                    uncountedFailed.add(uid);
                }
            }
        }
        if (indexed) {
            newIndexes.forEach(ctx.succeededIndexes::add);
            String text = ctx.succeededIndexes.toString();
            if (text.isEmpty()) {
                status.remove("completedIndexes");
            } else {
                status.put("completedIndexes", text);
            }
            status.put("succeeded", ctx.succeededIndexes.total());
        }
        JobConditions.Condition finished = ctx.finished;
        if (finished != null && finished.type().equals(JobConditions.FAILURE_TARGET)) {
            JobConditions.append(status, finished, clock.now());
            finished = new JobConditions.Condition(JobConditions.FAILED, finished.reason(), finished.message());
        }
        if (finished != null && finished.successCriteriaMet()) {
            if (JobConditions.trueCondition(job, JobConditions.SUCCESS_CRITERIA_MET).isEmpty()) {
                JobConditions.append(status, finished, clock.now());
            }
            finished = new JobConditions.Condition(JobConditions.COMPLETE, finished.reason(), finished.message());
        }
        writeUncounted(status, uncountedSucceeded, uncountedFailed);

        // Flush what was learnt before any finalizer comes off, so no pod is ever lost from the count.
        JsonNode stored = ctx.storedStatus;
        if (!normalised(status).equals(stored)) {
            job = update(job);
            status = job.with("status");
        }
        for (JsonNode pod : release) {
            if (control.removeFinalizer(pod)) {
                withFinalizer.remove(ObjectMeta.uid(pod));
            }
        }
        uncountedSucceeded = uidList(status, "succeeded");
        uncountedFailed = uidList(status, "failed");
        boolean needsFlush = countPodsWithoutFinalizer(status, uncountedSucceeded, uncountedFailed, withFinalizer);
        writeUncounted(status, uncountedSucceeded, uncountedFailed);
        boolean done = enactFinished(status, finished, uncountedSucceeded.isEmpty() && uncountedFailed.isEmpty());
        if (needsFlush || done) {
            job = update(job);
            if (done) {
                recordFinished(job, finished);
            }
        }
    }

    /**
     * {@code cleanUncountedPodsWithoutFinalizers}: pods in the uncounted lists whose finalizer is gone move
     * into the counters. Returns whether anything moved.
     */
    private static boolean countPodsWithoutFinalizer(ObjectNode status, Set<String> succeeded, Set<String> failed,
                                                     Set<String> withFinalizer) {
        int s = succeeded.size();
        int f = failed.size();
        succeeded.retainAll(withFinalizer);
        failed.retainAll(withFinalizer);
        status.put("succeeded", status.path("succeeded").asInt(0) + s - succeeded.size());
        status.put("failed", status.path("failed").asInt(0) + f - failed.size());
        return s != succeeded.size() || f != failed.size();
    }

    /** {@code enactJobFinished}: only once every pod is counted and none is still terminating. */
    private boolean enactFinished(ObjectNode status, JobConditions.Condition finished, boolean allCounted) {
        if (finished == null || !allCounted || status.path("terminating").asInt(0) > 0) {
            return false;
        }
        JobConditions.ensure(status, finished.type(), "True", finished.reason(), finished.message(), clock.now());
        if (finished.type().equals(JobConditions.COMPLETE)) {
            status.put("completionTime", ObjectMeta.time(clock.now()));
        }
        return true;
    }

    private void recordFinished(ObjectNode job, JobConditions.Condition finished) {
        String name = ObjectMeta.name(job);
        JsonNode status = job.path("status");
        if (finished.type().equals(JobConditions.COMPLETE)) {
            JsonNode completions = job.path("spec").path("completions");
            if (completions.isNumber() && status.path("succeeded").asInt(0) > completions.asInt()) {
                control.recorderEvent(job, EventRecorder.WARNING, "TooManySucceededPods",
                        "Too many succeeded pods running after completion count reached");
            }
            control.recorderEvent(job, EventRecorder.NORMAL, "Completed", "Job completed");
            control.narrate("complete", job, "Job " + name + " is complete: " + status.path("succeeded").asInt(0)
                    + " pod(s) succeeded.");
        } else {
            control.recorderEvent(job, EventRecorder.WARNING, finished.reason(), finished.message());
            control.narrate("fail", job, "Job " + name + " failed (" + finished.reason() + "): "
                    + finished.message() + "; " + status.path("failed").asInt(0) + " pod(s) failed.");
        }
    }

    private ObjectNode update(ObjectNode job) {
        job.set("status", normalised(job.with("status")));
        return api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.UPDATE, JobController.JOBS,
                ObjectMeta.namespace(job), ObjectMeta.name(job)).withSubresource("status").withBody(job)).body();
    }

    private static LinkedHashSet<String> uidList(ObjectNode status, String field) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        status.path("uncountedTerminatedPods").path(field).forEach(u -> out.add(u.asText()));
        return out;
    }

    private static void writeUncounted(ObjectNode status, Set<String> succeeded, Set<String> failed) {
        ObjectNode uncounted = status.putObject("uncountedTerminatedPods");
        if (!succeeded.isEmpty()) {
            ArrayNode list = uncounted.putArray("succeeded");
            succeeded.forEach(list::add);
        }
        if (!failed.isEmpty()) {
            ArrayNode list = uncounted.putArray("failed");
            failed.forEach(list::add);
        }
    }

    /** The status as Go would encode it: fields in struct order, zero counters left out. */
    static ObjectNode normalised(ObjectNode status) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String field : STATUS_ORDER) {
            JsonNode value = status.get(field);
            if (value == null || value.isNull() || (OMIT_ZERO.contains(field) && value.asInt(0) == 0)) {
                continue;
            }
            if (field.equals("conditions") && value.isEmpty()) {
                continue;
            }
            out.set(field, value);
        }
        status.fields().forEachRemaining(e -> {
            if (!out.has(e.getKey()) && !STATUS_ORDER.contains(e.getKey())) {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }
}
