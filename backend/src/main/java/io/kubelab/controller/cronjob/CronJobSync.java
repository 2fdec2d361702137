package io.kubelab.controller.cronjob;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.ObjectReferences;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.clock.SimClock;
import io.kubelab.controller.Informers;
import io.kubelab.controller.OwnerRefs;
import io.kubelab.events.ComponentEvents;
import io.kubelab.record.EventRecorder;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One {@code syncCronJob} and {@code cleanupFinishedJobs} on a copy of the CronJob. */
final class CronJobSync {

    static final String COMPONENT = "kube-controller-manager/cronjob";
    static final String SCHEDULED_TIMESTAMP = "batch.kubernetes.io/cronjob-scheduled-timestamp";
    /** Go's {@code time.RFC1123Z}. */
    private static final DateTimeFormatter RFC1123Z = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z",
            Locale.ROOT);

    record Result(Optional<Duration> requeueAfter, boolean updateStatus) {
    }

    private final ApiServer api;
    private final EventRecorder recorder;
    private final ComponentEvents events;
    private final SimClock clock;

    CronJobSync(ApiServer api, EventRecorder recorder, ComponentEvents events, SimClock clock) {
        this.api = api;
        this.recorder = recorder;
        this.events = events;
        this.clock = clock;
    }

    Result syncCronJob(ObjectNode cj, List<ObjectNode> jobs) {
        Instant now = clock.now();
        boolean update = false;
        ObjectNode status = cj.with("status");
        for (ObjectNode job : jobs) {
            boolean found = inActiveList(cj, ObjectMeta.uid(job));
            boolean finished = finishedType(job).isPresent();
            if (!found && !finished) {
                recorder.eventf(cj, EventRecorder.WARNING, "UnexpectedJob",
                        "Saw a job that the controller did not create or forgot: %s", ObjectMeta.name(job));
            } else if (finished) {
                if (found) {
                    removeFromActive(cj, ObjectMeta.uid(job));
                    recorder.eventf(cj, EventRecorder.NORMAL, "SawCompletedJob", "Saw completed job: %s, condition: %s",
                            ObjectMeta.name(job), finishedType(job).get());
                    narrate("observe", cj, "Job " + ObjectMeta.name(job) + " of cronjob " + ObjectMeta.name(cj)
                            + " finished (" + finishedType(job).get() + ").");
                    update = true;
                }
                String completed = job.path("status").path("completionTime").asText("");
                if (finishedType(job).get().equals("Complete") && !completed.isEmpty()) {
                    String last = status.path("lastSuccessfulTime").asText("");
                    if (last.isEmpty() || Instant.parse(completed).isAfter(Instant.parse(last))) {
                        status.put("lastSuccessfulTime", completed);
                        update = true;
                    }
                }
            }
        }
        for (JsonNode ref : List.copyOf(activeList(cj))) {
            String uid = ref.path("uid").asText();
            if (jobs.stream().noneMatch(j -> ObjectMeta.uid(j).equals(uid)) && !exists(ref)) {
                recorder.eventf(cj, EventRecorder.NORMAL, "MissingJob", "Active job went missing: %s",
                        ref.path("name").asText());
                removeFromActive(cj, uid);
                update = true;
            }
        }
        if (ObjectMeta.deleting(cj)) {
            return new Result(Optional.empty(), update);
        }
        JsonNode spec = cj.path("spec");
        if (spec.hasNonNull("timeZone")) {
            String zone = spec.path("timeZone").asText();
            try {
                CronSchedule.zone(zone);
            } catch (IllegalArgumentException e) {
                recorder.eventf(cj, EventRecorder.WARNING, "UnknownTimeZone", "invalid timeZone: \"%s\": %s", zone,
                        "unknown time zone " + zone);
                return new Result(Optional.empty(), update);
            }
        }
        if (spec.path("suspend").asBoolean(false)) {
            return new Result(Optional.empty(), update);
        }
        CronSchedule schedule;
        try {
            schedule = CronSchedule.parse(formatSchedule(cj, recorder));
        } catch (IllegalArgumentException e) {
            recorder.eventf(cj, EventRecorder.WARNING, "UnparseableSchedule", "unparseable schedule: \"%s\" : %s",
                    spec.path("schedule").asText(), e.getMessage());
            return new Result(Optional.empty(), update);
        }
        Optional<Instant> scheduled;
        try {
            ScheduleTimes.MostRecent recent = ScheduleTimes.mostRecent(cj, now, schedule, true);
            scheduled = recent.mostRecent().filter(t -> !t.isAfter(now));
            if (scheduled.isPresent() && recent.missed() == ScheduleTimes.Missed.MANY) {
                recorder.event(cj, EventRecorder.WARNING, "TooManyMissedTimes",
                        "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew");
            }
        } catch (ScheduleTimes.InvalidScheduleException e) {
            recorder.eventf(cj, EventRecorder.WARNING, "InvalidSchedule", "invalid schedule: %s : %s",
                    spec.path("schedule").asText(), e.getMessage());
            return new Result(Optional.empty(), update);
        }
        Optional<Duration> next = Optional.of(ScheduleTimes.untilNext(cj, now, schedule));
        if (scheduled.isEmpty()) {
            return new Result(next, update);
        }
        Instant at = scheduled.get();
        JsonNode deadline = spec.path("startingDeadlineSeconds");
        if (deadline.isNumber() && at.plusSeconds(deadline.asLong()).isBefore(now)) {
            recorder.eventf(cj, EventRecorder.WARNING, "MissSchedule", "Missed scheduled time to start a job: %s",
                    RFC1123Z.format(at.atZone(ZoneId.of("UTC"))));
            narrate("miss", cj, "Cronjob " + ObjectMeta.name(cj) + " missed its start at " + ObjectMeta.time(at)
                    + ": more than " + deadline.asLong() + "s have passed since.");
            return new Result(next, update);
        }
        String jobName = jobName(cj, at);
        boolean alreadyProcessed = activeList(cj).stream().anyMatch(r -> r.path("name").asText().equals(jobName))
                || ObjectMeta.time(at).equals(status.path("lastScheduleTime").asText(""));
        if (alreadyProcessed) {
            return new Result(next, update);
        }
        String policy = spec.path("concurrencyPolicy").asText("Allow");
        if (policy.equals("Forbid") && !activeList(cj).isEmpty()) {
            recorder.event(cj, EventRecorder.NORMAL, "JobAlreadyActive",
                    "Not starting job because prior execution is running and concurrency policy is Forbid");
            narrate("skip", cj, "Cronjob " + ObjectMeta.name(cj) + " did not start a job at " + ObjectMeta.time(at)
                    + " because its last job is still running and its concurrency policy is Forbid.");
            return new Result(next, update);
        }
        if (policy.equals("Replace")) {
            for (JsonNode ref : List.copyOf(activeList(cj))) {
                ObjectNode job = api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.GET,
                        CronJobController.JOBS, ref.path("namespace").asText(), ref.path("name").asText())).body();
                if (!deleteJob(cj, job, "because its concurrency policy is Replace and a new run is due")) {
                    throw new IllegalStateException("could not replace job " + ObjectMeta.namespace(job) + "/"
                            + ObjectMeta.name(job));
                }
                update = true;
            }
        }
        ObjectNode created;
        try {
            created = api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.CREATE,
                    CronJobController.JOBS, ObjectMeta.namespace(cj), "").withBody(jobFromTemplate(cj, at))).body();
            recorder.eventf(cj, EventRecorder.NORMAL, "SuccessfulCreate", "Created job %s", ObjectMeta.name(created));
            narrate("create", cj, "Created job " + ObjectMeta.name(created) + " for cronjob " + ObjectMeta.name(cj)
                    + "'s run scheduled at " + ObjectMeta.time(at) + ".");
        } catch (StatusException e) {
            if (e.status().code() != 409) {
                recorder.eventf(cj, EventRecorder.WARNING, "FailedCreate", "Error creating job: %s",
                        e.status().message());
                throw e;
            }
            // Created on an earlier try whose status write was lost: take it into the active list again.
            created = api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.GET,
                    CronJobController.JOBS, ObjectMeta.namespace(cj), jobName)).body();
            boolean ours = created.path("metadata").path("ownerReferences").findValues("uid").stream()
                    .anyMatch(u -> u.asText().equals(ObjectMeta.uid(cj)));
            if (!ours || inActiveList(cj, ObjectMeta.uid(created))) {
                return new Result(Optional.empty(), update);
            }
        }
        activeArray(status).add(ObjectReferences.of(created).orElseThrow());
        status.put("lastScheduleTime", ObjectMeta.time(at));
        return new Result(Optional.of(ScheduleTimes.untilNext(cj, now, schedule)), true);
    }

    /** {@code cleanupFinishedJobs}: keeps the newest finished jobs up to each history limit. */
    boolean cleanupFinishedJobs(ObjectNode cj, List<ObjectNode> jobs) {
        JsonNode spec = cj.path("spec");
        if (!spec.path("successfulJobsHistoryLimit").isNumber() && !spec.path("failedJobsHistoryLimit").isNumber()) {
            return false;
        }
        List<ObjectNode> succeeded = new ArrayList<>();
        List<ObjectNode> failed = new ArrayList<>();
        for (ObjectNode job : jobs) {
            finishedType(job).ifPresent(type -> (type.equals("Complete") ? succeeded : failed).add(job));
        }
        boolean update = false;
        if (spec.path("successfulJobsHistoryLimit").isNumber()) {
            update |= removeOldest(cj, succeeded, spec.path("successfulJobsHistoryLimit").asInt());
        }
        if (spec.path("failedJobsHistoryLimit").isNumber()) {
            update |= removeOldest(cj, failed, spec.path("failedJobsHistoryLimit").asInt());
        }
        return update;
    }

    private boolean removeOldest(ObjectNode cj, List<ObjectNode> jobs, int keep) {
        int toDelete = jobs.size() - keep;
        if (toDelete <= 0) {
            return false;
        }
        // byJobStartTime: started before unstarted, earlier first, name as the tie breaker.
        jobs.sort(Comparator.comparing((ObjectNode j) -> j.path("status").path("startTime").asText("").isEmpty())
                .thenComparing(j -> j.path("status").path("startTime").asText(""))
                .thenComparing(ObjectMeta::name));
        boolean update = false;
        for (int i = 0; i < toDelete; i++) {
            update |= deleteJob(cj, jobs.get(i), "to keep only the newest " + keep + " in its history");
        }
        return update;
    }

    /** {@code deleteJob}: background propagation, as {@code realJobControl.DeleteJob} asks. */
    private boolean deleteJob(ObjectNode cj, JsonNode job, String why) {
        try {
            api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.DELETE, CronJobController.JOBS,
                    ObjectMeta.namespace(job), ObjectMeta.name(job))
                    .withOptions(RequestOptions.DEFAULT.withPropagationPolicy("Background")));
        } catch (StatusException e) {
            recorder.eventf(cj, EventRecorder.WARNING, "FailedDelete", "Deleted job: %s", e.status().message());
            return false;
        }
        removeFromActive(cj, ObjectMeta.uid(job));
        recorder.eventf(cj, EventRecorder.NORMAL, "SuccessfulDelete", "Deleted job %s", ObjectMeta.name(job));
        narrate("delete", cj, "Deleted job " + ObjectMeta.name(job) + " of cronjob " + ObjectMeta.name(cj) + " " + why
                + ".");
        return true;
    }

    /** {@code getJobFromTemplate2}: named for the scheduled minute, so one time can never make two jobs. */
    private ObjectNode jobFromTemplate(ObjectNode cj, Instant at) {
        JsonNode template = cj.path("spec").path("jobTemplate");
        ObjectNode job = JsonNodeFactory.instance.objectNode();
        job.put("apiVersion", "batch/v1").put("kind", "Job");
        ObjectNode meta = job.putObject("metadata");
        meta.put("name", jobName(cj, at));
        meta.put("namespace", ObjectMeta.namespace(cj));
        ObjectNode labels = meta.putObject("labels");
        template.path("metadata").path("labels").fields().forEachRemaining(e -> labels.set(e.getKey(), e.getValue()));
        ObjectNode annotations = meta.putObject("annotations");
        template.path("metadata").path("annotations").fields()
                .forEachRemaining(e -> annotations.set(e.getKey(), e.getValue()));
        ZoneId zone = CronSchedule.zone(cj.path("spec").path("timeZone").asText(""));
        annotations.put(SCHEDULED_TIMESTAMP, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone))
                .replace("+00:00", "Z"));
        meta.putArray("ownerReferences").add(OwnerRefs.controllerRef(cj, "batch/v1", "CronJob"));
        job.set("spec", template.path("spec").deepCopy());
        return job;
    }

    static String jobName(JsonNode cj, Instant at) {
        return ObjectMeta.name(cj) + "-" + at.getEpochSecond() / 60;
    }

    /**
     * {@code formatSchedule}: a schedule carrying TZ is used as written (with a warning); otherwise the
     * timeZone field becomes a TZ prefix.
     */
    static String formatSchedule(ObjectNode cj, EventRecorder recorder) {
        String schedule = cj.path("spec").path("schedule").asText("");
        if (schedule.contains("TZ")) {
            if (recorder != null) {
                recorder.eventf(cj, EventRecorder.WARNING, "UnsupportedSchedule", "CRON_TZ or TZ used in schedule "
                        + "\"%s\" is not officially supported, see "
                        + "https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details",
                        schedule);
            }
            return schedule;
        }
        JsonNode zone = cj.path("spec").path("timeZone");
        if (zone.isTextual()) {
            try {
                CronSchedule.zone(zone.asText());
            } catch (IllegalArgumentException e) {
                return schedule;
            }
            return "TZ=" + zone.asText() + " " + schedule;
        }
        return schedule;
    }

    static Optional<String> finishedType(JsonNode job) {
        for (JsonNode c : job.path("status").path("conditions")) {
            String type = c.path("type").asText();
            if ((type.equals("Complete") || type.equals("Failed")) && c.path("status").asText().equals("True")) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private boolean exists(JsonNode ref) {
        try {
            api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.GET, CronJobController.JOBS,
                    ref.path("namespace").asText(), ref.path("name").asText()));
            return true;
        } catch (StatusException e) {
            if (e.status().code() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static List<JsonNode> activeList(ObjectNode cj) {
        List<JsonNode> out = new ArrayList<>();
        cj.path("status").path("active").forEach(out::add);
        return out;
    }

    private static boolean inActiveList(ObjectNode cj, String uid) {
        return activeList(cj).stream().anyMatch(r -> r.path("uid").asText().equals(uid));
    }

    private static void removeFromActive(ObjectNode cj, String uid) {
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        activeList(cj).stream().filter(r -> !r.path("uid").asText().equals(uid)).forEach(kept::add);
        cj.with("status").set("active", kept);
    }

    private static ArrayNode activeArray(ObjectNode status) {
        JsonNode active = status.get("active");
        return active instanceof ArrayNode a ? a : status.putArray("active");
    }

    /** CronJobStatus as Go encodes it: active, lastScheduleTime, lastSuccessfulTime, empty ones left out. */
    static ObjectNode normalised(ObjectNode status) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String field : List.of("active", "lastScheduleTime", "lastSuccessfulTime")) {
            JsonNode value = status.get(field);
            if (value != null && !value.isNull() && !(value.isArray() && value.isEmpty())) {
                out.set(field, value);
            }
        }
        return out;
    }

    private void narrate(String action, JsonNode cj, String message) {
        events.emit(COMPONENT, null, action, ObjectMeta.reference("CronJob", ObjectMeta.namespace(cj),
                ObjectMeta.name(cj)), COMPONENT, "kube-apiserver", message);
    }
}
