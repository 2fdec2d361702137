package io.kubelab.controller.cronjob;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.clock.SimClock;
import io.kubelab.controller.Controller;
import io.kubelab.controller.Informer;
import io.kubelab.controller.Informers;
import io.kubelab.controller.OwnerRefs;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.record.EventRecorder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * kube-controller-manager's CronJob controller ({@code cronjob_controllerv2.go}): creates a Job for each
 * scheduled time on the sandbox's clock, honours the concurrency policy and the starting deadline, keeps
 * {@code status.active} and the schedule times, and trims finished Jobs to the history limits.
 *
 * <p>Waiting for the next scheduled time is a background timer: settling does not wait an hour for it.
 */
public final class CronJobController extends Controller {

    static final ResourceType CRONJOBS = ResourceTypes.of("batch/v1", "CronJob");
    static final ResourceType JOBS = ResourceTypes.of("batch/v1", "Job");

    private final SimClock clock;
    private final ApiServer api;
    private final Informer cronJobs;
    private final Informer jobs;
    private final EventRecorder recorder;
    private final CronJobSync sync;
    /** The delaying queue's pending requeues: a key keeps only its earliest. */
    private final Map<String, SimClock.Timer> waiting = new HashMap<>();

    public CronJobController(Informers informers, SimClock clock) {
        super("cronjob", clock);
        this.clock = clock;
        this.api = informers.api();
        this.cronJobs = informers.of(CRONJOBS);
        this.jobs = informers.of(JOBS);
        this.recorder = informers.recorder("cronjob-controller");
        this.sync = new CronJobSync(api, recorder, informers.events(), clock);
        cronJobs.onObject(this::cronJobChanged);
        jobs.onObject((old, now) -> jobChanged(now != null ? now : old));
    }

    private void cronJobChanged(ObjectNode old, ObjectNode now) {
        if (old == null || now == null) {
            enqueue(Informer.key(now != null ? now : old));
            return;
        }
        JsonNode oldSpec = old.path("spec");
        JsonNode newSpec = now.path("spec");
        if (!oldSpec.path("schedule").equals(newSpec.path("schedule"))
                || !oldSpec.path("timeZone").equals(newSpec.path("timeZone"))) {
            CronSchedule schedule;
            try {
                schedule = CronSchedule.parse(CronJobSync.formatSchedule(now, null));
            } catch (IllegalArgumentException e) {
                recorder.eventf(now, EventRecorder.WARNING, "UnParseableCronJobSchedule",
                        "unparseable schedule for cronjob: %s", newSpec.path("schedule").asText());
                return;
            }
            requeueAfter(Informer.key(now), ScheduleTimes.untilNext(now, clock.now(), schedule));
            return;
        }
        enqueue(Informer.key(now));
    }

    private void jobChanged(ObjectNode job) {
        OwnerRefs.controllerOf(job).filter(ref -> ref.path("kind").asText().equals("CronJob")).ifPresent(ref -> {
            String key = ObjectMeta.namespace(job) + "/" + ref.path("name").asText();
            cronJobs.get(key).filter(cj -> ObjectMeta.uid(cj).equals(ref.path("uid").asText()))
                    .ifPresent(cj -> enqueue(key));
        });
    }

    /** {@code queue.AddAfter}: background, and a key waits only for its earliest time. */
    private void requeueAfter(String key, Duration delay) {
        Instant due = clock.now().plus(delay.isNegative() ? Duration.ZERO : delay);
        SimClock.Timer existing = waiting.get(key);
        if (existing != null && !existing.due().isAfter(due)) {
            return;
        }
        if (existing != null) {
            existing.cancel();
        }
        waiting.put(key, clock.scheduleBackground(Duration.between(clock.now(), due), () -> {
            waiting.remove(key);
            enqueue(key);
        }));
    }

    @Override
    protected void sync(String key) {
        Optional<ObjectNode> cronJob = cronJobs.get(key);
        if (cronJob.isEmpty()) {
            return;
        }
        List<ObjectNode> owned = new ArrayList<>();
        for (ObjectNode job : jobs.list()) {
            if (!ObjectMeta.namespace(job).equals(ObjectMeta.namespace(cronJob.get()))) {
                continue;
            }
            // Kubernetes matches the controller reference by name alone here.
            if (OwnerRefs.controllerOf(job).filter(ref -> ref.path("name").asText().equals(ObjectMeta.name(cronJob.get())))
                    .isPresent()) {
                owned.add(job);
            }
        }
        ObjectNode copy = cronJob.get().deepCopy();
        boolean update = sync.cleanupFinishedJobs(copy, owned);
        CronJobSync.Result result = sync.syncCronJob(copy, owned);
        if (update || result.updateStatus()) {
            copy.set("status", CronJobSync.normalised(copy.with("status")));
            api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.UPDATE, CRONJOBS,
                    ObjectMeta.namespace(copy), ObjectMeta.name(copy)).withSubresource("status").withBody(copy));
        }
        result.requeueAfter().ifPresent(d -> requeueAfter(key, d));
    }
}
