package io.kubelab.controller.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.clock.SimClock;
import io.kubelab.controller.Informer;
import io.kubelab.controller.PodConditions;
import io.kubelab.record.EventRecorder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One {@code syncJob}: counts the job's pods, decides whether it has succeeded or failed, and otherwise
 * creates or deletes pods towards its parallelism ({@code manageJob}). The status is written by
 * {@link StatusTracking}.
 */
final class JobSync {

    private final SimClock clock;
    private final PodControl control;
    private final JobController controller;
    private final StatusTracking tracking;

    JobSync(ApiServer api, SimClock clock, PodControl control, JobController controller) {
        this.clock = clock;
        this.control = control;
        this.controller = controller;
        this.tracking = new StatusTracking(api, clock, control);
    }

    /** What one sync knows about a job; the counters change as it acts. */
    static final class Context {
        ObjectNode job;
        List<JsonNode> pods;
        List<JsonNode> activePods = new ArrayList<>();
        int active;
        int ready;
        int terminating;
        int succeeded;
        int failed;
        Set<String> uncountedSucceeded = new HashSet<>();
        Set<String> uncountedFailed = new HashSet<>();
        CompletedIndexes previousIndexes;
        CompletedIndexes succeededIndexes;
        JobConditions.Condition finished;
        PodBackoff backoff;
        /** The status as stored, to tell whether anything needs writing. */
        JsonNode storedStatus;
    }

    void syncJob(ObjectNode job, List<JsonNode> pods) {
        Instant now = clock.now();
        JsonNode spec = job.path("spec");
        String mode = spec.path("completionMode").asText("NonIndexed");
        if (!mode.equals("NonIndexed") && !mode.equals("Indexed")) {
            control.recorderEvent(job, EventRecorder.WARNING, "UnknownCompletionMode",
                    "Skipped Job sync because completion mode is unknown");
            return;
        }
        JsonNode storedStatus = job.path("status").isObject()
                ? StatusTracking.normalised(((ObjectNode) job.path("status")).deepCopy())
                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        ObjectNode status = job.with("status");
        if (!status.path("uncountedTerminatedPods").isObject()) {
            status.putObject("uncountedTerminatedPods");
        }
        Context ctx = new Context();
        ctx.job = job;
        ctx.pods = pods;
        ctx.storedStatus = storedStatus;
        status.path("uncountedTerminatedPods").path("succeeded").forEach(u -> ctx.uncountedSucceeded.add(u.asText()));
        status.path("uncountedTerminatedPods").path("failed").forEach(u -> ctx.uncountedFailed.add(u.asText()));
        for (JsonNode pod : pods) {
            if (PodConditions.active(pod)) {
                ctx.activePods.add(pod);
                ctx.ready += PodConditions.ready(pod) ? 1 : 0;
            }
            ctx.terminating += JobPods.terminating(pod) ? 1 : 0;
        }
        ctx.active = ctx.activePods.size();
        int newSucceeded = 0;
        int newFailed = 0;
        for (JsonNode pod : pods) {
            if (!countable(ctx, pod)) {
                continue;
            }
            String uid = ObjectMeta.uid(pod);
            if (JobPods.succeeded(pod) && !ctx.uncountedSucceeded.contains(uid)) {
                newSucceeded++;
            } else if (JobPods.failed(pod, job) && !ctx.uncountedFailed.contains(uid)) {
                newFailed++;
            }
        }
        ctx.succeeded = status.path("succeeded").asInt(0) + newSucceeded + ctx.uncountedSucceeded.size();
        ctx.failed = status.path("failed").asInt(0) + newFailed + ctx.uncountedFailed.size();
        boolean suspended = spec.path("suspend").asBoolean(false);
        if (!status.hasNonNull("startTime") && !suspended) {
            status.put("startTime", ObjectMeta.time(now));
        }
        ctx.backoff = PodBackoff.of(pods, job);

        decideFinished(ctx, now, suspended);
        if (isIndexed(job)) {
            int completions = spec.path("completions").asInt();
            ctx.previousIndexes = CompletedIndexes.parse(status.path("completedIndexes").asText(""), completions);
            ctx.succeededIndexes = CompletedIndexes.parse(ctx.previousIndexes.toString(), completions);
            for (JsonNode pod : pods) {
                int ix = JobPods.index(pod);
                if (JobPods.succeeded(pod) && JobPods.hasFinalizer(pod) && ix != JobPods.UNKNOWN_INDEX
                        && ix < completions) {
                    ctx.succeededIndexes.add(ix);
                }
            }
            ctx.succeeded = ctx.succeededIndexes.total();
        }

        if (ctx.finished != null) {
            int before = ctx.active;
            for (JsonNode pod : ctx.activePods) {
                if (control.delete(job, pod, "because the job " + (ctx.finished.successCriteriaMet()
                        ? "has met its success criteria" : "is failing: " + ctx.finished.message()))) {
                    ctx.active--;
                    ctx.terminating++;
                    ctx.ready -= PodConditions.ready(pod) ? 1 : 0;
                }
            }
            if (before - ctx.active != before) {
                ctx.finished = null;
            }
        } else {
            boolean managed = false;
            if (!ObjectMeta.deleting(job)) {
                manageJob(ctx, now, suspended);
                managed = true;
            }
            JsonNode completions = spec.path("completions");
            boolean complete = completions.isNumber() ? ctx.succeeded >= completions.asInt() && ctx.active == 0
                    : ctx.succeeded > 0 && ctx.active == 0;
            if (complete) {
                ctx.finished = new JobConditions.Condition(JobConditions.SUCCESS_CRITERIA_MET, "", "");
            } else if (managed) {
                updateSuspended(ctx, now, suspended);
            }
        }
        status.put("active", ctx.active);
        status.put("ready", ctx.ready);
        status.put("terminating", ctx.terminating);
        tracking.trackAndRemoveFinalizers(ctx);
    }

    /** Pods that count towards the job: still carrying the finalizer and, when Indexed, with a valid index. */
    static boolean countable(Context ctx, JsonNode pod) {
        if (!JobPods.hasFinalizer(pod)) {
            return false;
        }
        if (isIndexed(ctx.job)) {
            int ix = JobPods.index(pod);
            return ix != JobPods.UNKNOWN_INDEX && ix < ctx.job.path("spec").path("completions").asInt();
        }
        return true;
    }

    static boolean isIndexed(JsonNode job) {
        return job.path("spec").path("completionMode").asText("").equals("Indexed");
    }

    private void decideFinished(Context ctx, Instant now, boolean suspended) {
        ObjectNode job = ctx.job;
        JsonNode spec = job.path("spec");
        JobConditions.trueCondition(job, JobConditions.SUCCESS_CRITERIA_MET).ifPresent(c -> ctx.finished =
                new JobConditions.Condition(JobConditions.SUCCESS_CRITERIA_MET, c.path("reason").asText(""),
                        c.path("message").asText("")));
        if (ctx.finished == null) {
            JobConditions.trueCondition(job, JobConditions.FAILURE_TARGET).ifPresent(c -> ctx.finished =
                    new JobConditions.Condition(JobConditions.FAILED, c.path("reason").asText(""),
                            c.path("message").asText("")));
        }
        if (ctx.finished != null) {
            return;
        }
        int backoffLimit = spec.path("backoffLimit").asInt(6);
        if (ctx.failed > backoffLimit || pastBackoffLimitOnFailure(ctx, backoffLimit)) {
            ctx.finished = new JobConditions.Condition(JobConditions.FAILURE_TARGET, JobConditions.REASON_BACKOFF_LIMIT,
                    JobConditions.MESSAGE_BACKOFF_LIMIT);
            return;
        }
        JsonNode deadline = spec.path("activeDeadlineSeconds");
        if (!deadline.isNumber() || suspended || !job.path("status").hasNonNull("startTime")) {
            return;
        }
        Duration allowed = Duration.ofSeconds(deadline.asLong());
        Duration ran = Duration.between(Instant.parse(job.path("status").path("startTime").asText()), now);
        if (ran.compareTo(allowed) >= 0) {
            ctx.finished = new JobConditions.Condition(JobConditions.FAILURE_TARGET, JobConditions.REASON_DEADLINE,
                    JobConditions.MESSAGE_DEADLINE);
        } else {
            controller.requeueForDeadline(Informer.key(job), allowed.minus(ran));
        }
    }

    /** An OnFailure job's containers restart in place; their restarts count against the backoff limit. */
    private static boolean pastBackoffLimitOnFailure(Context ctx, int backoffLimit) {
        if (!ctx.job.path("spec").path("template").path("spec").path("restartPolicy").asText("").equals("OnFailure")) {
            return false;
        }
        int restarts = 0;
        for (JsonNode pod : ctx.pods) {
            String phase = PodConditions.phase(pod);
            if (phase.equals("Running") || phase.equals("Pending")) {
                restarts += JobPods.restarts(pod);
            }
        }
        return backoffLimit == 0 ? restarts > 0 : restarts >= backoffLimit;
    }

    private void manageJob(Context ctx, Instant now, boolean suspended) {
        ObjectNode job = ctx.job;
        JsonNode spec = job.path("spec");
        if (suspended) {
            removePods(ctx, JobPods.sortedForDeletion(ctx.activePods), "because the job is suspended");
            return;
        }
        int parallelism = spec.path("parallelism").asInt(1);
        int wantActive;
        JsonNode completions = spec.path("completions");
        if (!completions.isNumber()) {
            wantActive = ctx.succeeded > 0 ? ctx.active : parallelism;
        } else {
            wantActive = Math.max(0, Math.min(completions.asInt() - ctx.succeeded, parallelism));
        }
        List<JsonNode> toDelete = podsForRemoval(ctx, Math.max(0, ctx.active - wantActive));
        if (!toDelete.isEmpty()) {
            removePods(ctx, toDelete, "because the job wants only " + wantActive + " running");
            return;
        }
        int terminating = JobPods.onlyReplaceFailedPods(job) ? ctx.terminating : 0;
        int diff = wantActive - terminating - ctx.active;
        if (diff <= 0) {
            return;
        }
        Duration wait = ctx.backoff.remaining(now);
        if (wait.compareTo(Duration.ZERO) > 0) {
            controller.requeueForBackoff(Informer.key(job), wait);
            control.narrate("backoff", job, "Waiting " + JobController.describe(wait) + " before creating a pod for job "
                    + ObjectMeta.name(job) + ", because its pods failed " + ctx.backoff.failuresAfterLastSuccess()
                    + " time(s) in a row.");
            // Kubernetes reports no active pods while it waits (manageJob returns 0).
            ctx.active = 0;
            return;
        }
        List<Integer> indexes = new ArrayList<>();
        if (isIndexed(job)) {
            Set<Integer> busy = new HashSet<>();
            ctx.activePods.forEach(p -> busy.add(JobPods.index(p)));
            indexes = ctx.succeededIndexes.firstPending(busy, diff, completions.asInt());
            diff = indexes.size();
        }
        for (int i = 0; i < diff; i++) {
            int index = indexes.isEmpty() ? JobPods.UNKNOWN_INDEX : indexes.get(i);
            String why = "(" + (ctx.active + 1) + " of " + wantActive + " wanted running"
                    + (index == JobPods.UNKNOWN_INDEX ? "" : ", completion index " + index) + ")";
            if (control.create(job, JobPods.fromTemplate(job, index), why).isEmpty()) {
                break; // as the slow start does: stop at the first refusal, retry on the next sync
            }
            ctx.active++;
        }
    }

    /** {@code activePodsForRemoval}: an Indexed job's pods with a bad or repeated index first, then by order. */
    private static List<JsonNode> podsForRemoval(Context ctx, int atLeast) {
        List<JsonNode> remove = new ArrayList<>();
        List<JsonNode> left = new ArrayList<>();
        if (isIndexed(ctx.job)) {
            int completions = ctx.job.path("spec").path("completions").asInt();
            Set<Integer> seen = new HashSet<>();
            List<JsonNode> keepFirst = new ArrayList<>(JobPods.sortedForDeletion(ctx.activePods));
            java.util.Collections.reverse(keepFirst);
            for (JsonNode pod : keepFirst) {
                int ix = JobPods.index(pod);
                if (ix == JobPods.UNKNOWN_INDEX || ix >= completions || !seen.add(ix)) {
                    remove.add(pod);
                } else {
                    left.add(pod);
                }
            }
        } else {
            left.addAll(ctx.activePods);
        }
        List<JsonNode> sorted = JobPods.sortedForDeletion(left);
        for (int i = 0; remove.size() < atLeast && i < sorted.size(); i++) {
            remove.add(sorted.get(i));
        }
        return remove;
    }

    /** {@code deleteJobPods}: the finalizer comes off first, so the pod is not counted as a failure. */
    private void removePods(Context ctx, List<JsonNode> pods, String why) {
        for (JsonNode pod : pods) {
            if (control.removeFinalizer(pod) && control.delete(ctx.job, pod, why)) {
                ctx.active--;
                ctx.terminating++;
                ctx.ready -= PodConditions.ready(pod) ? 1 : 0;
            }
        }
    }

    private void updateSuspended(Context ctx, Instant now, boolean suspended) {
        ObjectNode job = ctx.job;
        ObjectNode status = job.with("status");
        if (suspended) {
            if (JobConditions.ensure(status, JobConditions.SUSPENDED, "True", JobConditions.REASON_SUSPENDED,
                    JobConditions.MESSAGE_SUSPENDED, now)) {
                control.recorderEvent(job, EventRecorder.NORMAL, "Suspended", "Job suspended");
                control.narrate("suspend", job, "Job " + ObjectMeta.name(job)
                        + " is suspended: its running pods are deleted and no new ones start.");
            }
        } else if (JobConditions.ensure(status, JobConditions.SUSPENDED, "False", JobConditions.REASON_RESUMED,
                JobConditions.MESSAGE_RESUMED, now)) {
            control.recorderEvent(job, EventRecorder.NORMAL, "Resumed", "Job resumed");
            control.narrate("resume", job, "Job " + ObjectMeta.name(job) + " is resumed and starts its pods again.");
            // A resumed job's deadline counts from now: it was not active while suspended.
            status.put("startTime", ObjectMeta.time(now));
        }
    }
}
