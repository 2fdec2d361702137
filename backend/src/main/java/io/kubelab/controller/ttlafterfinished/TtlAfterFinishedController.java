package io.kubelab.controller.ttlafterfinished;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.clock.SimClock;
import io.kubelab.controller.Controller;
import io.kubelab.controller.Informer;
import io.kubelab.controller.Informers;
import io.kubelab.events.ComponentEvents;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * kube-controller-manager's ttl-after-finished controller ({@code pkg/controller/ttlafterfinished}): a
 * finished Job with {@code ttlSecondsAfterFinished} is deleted that many seconds after its Complete or
 * Failed condition turned True, with foreground propagation and a uid precondition, as Kubernetes does.
 *
 * <p>The wait is a background timer: a job kept for an hour must not hold up {@code sim settle}.
 */
public final class TtlAfterFinishedController extends Controller {

    static final ResourceType JOBS = ResourceTypes.of("batch/v1", "Job");
    static final String COMPONENT = "kube-controller-manager/ttl-after-finished";

    private final SimClock clock;
    private final ApiServer api;
    private final Informer jobs;
    private final ComponentEvents events;

    public TtlAfterFinishedController(Informers informers, SimClock clock) {
        super("ttl-after-finished", clock);
        this.clock = clock;
        this.api = informers.api();
        this.events = informers.events();
        this.jobs = informers.of(JOBS);
        jobs.onObject((old, now) -> {
            if (now != null && !ObjectMeta.deleting(now) && needsCleanup(now)) {
                enqueue(Informer.key(now));
            }
        });
    }

    @Override
    protected void sync(String key) {
        Optional<ObjectNode> cached = jobs.get(key);
        if (cached.isEmpty() || !expired(key, cached.get())) {
            return;
        }
        // The cached TTL may be stale: check the stored job before deleting it.
        ObjectNode fresh;
        try {
            fresh = api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.GET, JOBS,
                    ObjectMeta.namespace(cached.get()), ObjectMeta.name(cached.get()))).body();
        } catch (StatusException e) {
            if (e.status().code() == 404) {
                return;
            }
            throw e;
        }
        if (!expired(key, fresh)) {
            return;
        }
        api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.DELETE, JOBS,
                ObjectMeta.namespace(fresh), ObjectMeta.name(fresh)).withOptions(RequestOptions.DEFAULT
                .withPropagationPolicy("Foreground")
                .withPreconditions(Optional.of(ObjectMeta.uid(fresh)), Optional.empty())));
        long ttl = fresh.path("spec").path("ttlSecondsAfterFinished").asLong();
        events.emit(COMPONENT, null, "delete", ObjectMeta.reference("Job", ObjectMeta.namespace(fresh),
                        ObjectMeta.name(fresh)), COMPONENT, "kube-apiserver",
                "Deleted job " + ObjectMeta.name(fresh) + " because it finished more than " + ttl
                        + "s ago (ttlSecondsAfterFinished).");
    }

    /** {@code processTTL}: whether the TTL has run out; if not, look again when it will have. */
    private boolean expired(String key, ObjectNode job) {
        if (ObjectMeta.deleting(job) || !needsCleanup(job)) {
            return false;
        }
        Optional<Instant> finished = finishTime(job);
        if (finished.isEmpty()) {
            return false;
        }
        Instant expireAt = finished.get().plusSeconds(job.path("spec").path("ttlSecondsAfterFinished").asLong());
        Duration left = Duration.between(clock.now(), expireAt);
        if (left.isNegative() || left.isZero()) {
            return true;
        }
        clock.scheduleBackground(left, () -> enqueue(key));
        return false;
    }

    /** {@code needsCleanup}: a TTL is set and the job is Complete or Failed. */
    static boolean needsCleanup(JsonNode job) {
        return job.path("spec").path("ttlSecondsAfterFinished").isNumber() && finishTime(job).isPresent();
    }

    /** {@code jobFinishTime}: when the Complete or Failed condition turned True. */
    static Optional<Instant> finishTime(JsonNode job) {
        for (JsonNode c : job.path("status").path("conditions")) {
            String type = c.path("type").asText();
            if ((type.equals("Complete") || type.equals("Failed")) && c.path("status").asText().equals("True")
                    && !c.path("lastTransitionTime").asText("").isEmpty()) {
                return Optional.of(Instant.parse(c.path("lastTransitionTime").asText()));
            }
        }
        return Optional.empty();
    }
}
