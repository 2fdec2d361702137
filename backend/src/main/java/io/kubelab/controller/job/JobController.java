package io.kubelab.controller.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.clock.GoDuration;
import io.kubelab.clock.SimClock;
import io.kubelab.controller.Controller;
import io.kubelab.controller.Informer;
import io.kubelab.controller.Informers;
import io.kubelab.controller.OwnerRefs;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * kube-controller-manager's Job controller ({@code pkg/controller/job}): runs a job's pods until enough
 * succeed or it fails, and counts them in the job's status through the {@code batch.kubernetes.io/job-tracking}
 * finalizer on each pod. Everything it decides comes from the job's status and its pods, so it can be
 * rebuilt from the store at any time.
 *
 * <p>Job events (create, spec change, delete) sync at once; pod events and status writes sync after the
 * 1-second batch period, as {@code syncJobBatchPeriod} does.
 */
public final class JobController extends Controller {

    static final ResourceType JOBS = ResourceTypes.of("batch/v1", "Job");
    static final Duration SYNC_BATCH = Duration.ofSeconds(1);
    private static final String ORPHAN = "pod:";

    private final SimClock clock;
    private final Informer jobs;
    private final Informer pods;
    private final PodControl control;
    private final JobSync sync;

    public JobController(Informers informers, SimClock clock) {
        super("job", clock);
        this.clock = clock;
        this.jobs = informers.of(JOBS);
        this.pods = informers.of(PodControl.PODS);
        this.control = new PodControl(informers.api(), informers.recorder("job-controller"), informers.events());
        this.sync = new JobSync(informers.api(), clock, control, this);
        jobs.onObject(this::jobChanged);
        pods.onObject(this::podChanged);
    }

    private void jobChanged(ObjectNode old, ObjectNode now) {
        if (now == null) {
            enqueue(Informer.key(old));
            cleanupPodFinalizers(old);
            return;
        }
        String key = Informer.key(now);
        if (old == null || old.path("metadata").path("generation").asLong()
                != now.path("metadata").path("generation").asLong()) {
            enqueue(key);
        } else {
            enqueueAfter(key, SYNC_BATCH);
        }
        if (JobConditions.finished(now)) {
            cleanupPodFinalizers(now);
        }
        // A new or changed deadline on a started job: look again when it passes.
        JsonNode deadline = now.path("spec").path("activeDeadlineSeconds");
        String startTime = now.path("status").path("startTime").asText("");
        if (old != null && deadline.isNumber() && !startTime.isEmpty()
                && !deadline.equals(old.path("spec").path("activeDeadlineSeconds"))) {
            Duration passed = Duration.between(Instant.parse(startTime), clock.now());
            requeueForDeadline(key, Duration.ofSeconds(deadline.asLong()).minus(passed));
        }
    }

    private void podChanged(ObjectNode old, ObjectNode now) {
        ObjectNode pod = now != null ? now : old;
        Optional<JsonNode> ref = OwnerRefs.controllerOf(pod);
        if (ref.isEmpty()) {
            if (JobPods.hasFinalizer(pod) && now != null) {
                enqueue(ORPHAN + Informer.key(pod));
            }
            return;
        }
        Optional<ObjectNode> job = resolve(ObjectMeta.namespace(pod), ref.get());
        if (job.isEmpty() || (now == null && JobConditions.finished(job.get()))) {
            if (JobPods.hasFinalizer(pod) && now != null) {
                enqueue(ORPHAN + Informer.key(pod));
            }
            return;
        }
        enqueueAfter(Informer.key(job.get()), SYNC_BATCH);
    }

    /** {@code resolveControllerRef}: the Job the reference names, if it still is the same object. */
    private Optional<ObjectNode> resolve(String namespace, JsonNode ref) {
        if (!ref.path("kind").asText().equals("Job")) {
            return Optional.empty();
        }
        return jobs.get(namespace + "/" + ref.path("name").asText())
                .filter(j -> ObjectMeta.uid(j).equals(ref.path("uid").asText()));
    }

    /** A finished or deleted job's pods may still carry the finalizer; the orphan path removes it. */
    private void cleanupPodFinalizers(ObjectNode job) {
        for (ObjectNode pod : pods.list()) {
            if (ObjectMeta.namespace(pod).equals(ObjectMeta.namespace(job)) && OwnerRefs.ownedBy(pod, job)
                    && JobPods.hasFinalizer(pod)) {
                enqueue(ORPHAN + Informer.key(pod));
            }
        }
    }

    /** The deadline is a background timer: time passing fails the job, but settling need not wait for it. */
    void requeueForDeadline(String key, Duration delay) {
        clock.scheduleBackground(delay.isNegative() ? Duration.ZERO : delay, () -> enqueue(key));
    }

    /** {@code enqueueSyncJobWithDelay}: a pod back-off is work that time alone finishes, so settling waits. */
    void requeueForBackoff(String key, Duration delay) {
        enqueueAfter(key, delay.compareTo(SYNC_BATCH) < 0 ? SYNC_BATCH : delay);
    }

    @Override
    protected void sync(String key) {
        if (key.startsWith(ORPHAN)) {
            syncOrphanPod(key.substring(ORPHAN.length()));
            return;
        }
        Optional<ObjectNode> job = jobs.get(key);
        if (job.isEmpty() || JobConditions.finished(job.get())) {
            return;
        }
        String namespace = ObjectMeta.namespace(job.get());
        List<JsonNode> owned = new ArrayList<>();
        for (ObjectNode pod : pods.list()) {
            if (ObjectMeta.namespace(pod).equals(namespace) && OwnerRefs.ownedBy(pod, job.get())) {
                owned.add(pod);
            }
        }
        sync.syncJob(job.get().deepCopy(), owned);
    }

    /** {@code syncOrphanPod}: the finalizer comes off a pod whose job is gone or finished. */
    private void syncOrphanPod(String key) {
        Optional<ObjectNode> pod = pods.get(key);
        if (pod.isEmpty() || !JobPods.hasFinalizer(pod.get())) {
            return;
        }
        Optional<JsonNode> ref = OwnerRefs.controllerOf(pod.get());
        if (ref.isPresent()) {
            if (!ref.get().path("kind").asText().equals("Job")
                    || !ref.get().path("apiVersion").asText().equals("batch/v1")) {
                return;
            }
            Optional<ObjectNode> job = resolve(ObjectMeta.namespace(pod.get()), ref.get());
            if (job.isPresent() && !JobConditions.finished(job.get())) {
                return;
            }
        }
        control.removeFinalizer(pod.get());
    }

    static String describe(Duration d) {
        return GoDuration.format(d);
    }
}
