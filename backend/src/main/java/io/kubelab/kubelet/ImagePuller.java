package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.clock.GoDuration;
import io.kubelab.clock.SimClock;
import io.kubelab.record.EventRecorder;
import io.kubelab.runtime.ContainerRuntime;
import io.kubelab.runtime.ImageNames;
import io.kubelab.runtime.image.Image;
import io.kubelab.runtime.image.ImageCatalogue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The kubelet's image manager ({@code pkg/kubelet/images}): the pull policy, the per pod-and-image back-off
 * (10 s doubling to 5 min), and the serial puller (kubelet's default {@code serializeImagePulls: true}):
 * one pull at a time per node, queued pulls waiting their turn ("including waiting"); a pod asking for an
 * image already being pulled waits for that pull.
 */
final class ImagePuller {

    sealed interface Result permits Ready, Pulling, Failed {
    }

    record Ready(Image image) implements Result {
    }

    record Pulling() implements Result {
    }

    /** {@code reason} is the container's waiting reason, {@code message} its waiting message. */
    record Failed(String reason, String message) implements Result {
    }

    private record Waiter(String key, String podKey, Instant requestedAt) {
    }

    private record Outcome(Image image, Duration pulled, Duration total, String error) {
    }

    private static final class Job {
        final List<Waiter> waiters = new ArrayList<>();
    }

    static final Duration BACKOFF_INITIAL = Duration.ofSeconds(10);
    static final Duration BACKOFF_MAX = Duration.ofMinutes(5);

    private final ContainerRuntime runtime;
    private final SimClock clock;
    private final EventRecorder recorder;
    private final RandomGenerator random;
    private final Consumer<String> wake;
    private final Backoff backoff = new Backoff(BACKOFF_INITIAL, BACKOFF_MAX);
    private final Map<String, Job> inFlight = new HashMap<>();
    private final Map<String, Outcome> outcomes = new HashMap<>();
    private Instant busyUntil = Instant.MIN;

    ImagePuller(ContainerRuntime runtime, SimClock clock, EventRecorder recorder, RandomGenerator random,
                Consumer<String> wake) {
        this.runtime = runtime;
        this.clock = clock;
        this.recorder = recorder;
        this.random = random;
        this.wake = wake;
    }

    /** {@code EnsureImageExists} for one container of {@code pod}; {@code ref} is the container's event reference. */
    Result ensure(ObjectNode pod, String podKey, JsonNode container, ObjectNode ref) {
        String image = container.path("image").asText();
        String uid = pod.path("metadata").path("uid").asText();
        String key = uid + "_" + image;
        Outcome outcome = outcomes.remove(key);
        if (outcome != null) {
            if (outcome.error == null) {
                recorder.eventf(ref, EventRecorder.NORMAL, KubeletEvents.PULLED, KubeletEvents.PULLED_MESSAGE, image,
                        GoDuration.format(outcome.pulled), GoDuration.format(outcome.total), outcome.image.sizeBytes());
                return new Ready(outcome.image);
            }
            recorder.eventf(ref, EventRecorder.WARNING, KubeletEvents.FAILED, KubeletEvents.PULL_FAILED_MESSAGE, image,
                    outcome.error);
            backoff.next(key, clock.now(), clock.now());
            return new Failed(KubeletEvents.ERR_IMAGE_PULL, outcome.error);
        }
        for (Job job : inFlight.values()) {
            if (job.waiters.stream().anyMatch(w -> w.key.equals(key))) {
                return new Pulling();
            }
        }
        var present = runtime.image(image);
        ImageCatalogue.Pull resolved = null;
        if (present.isEmpty()) {
            resolved = runtime.resolve(image);
            if (resolved instanceof ImageCatalogue.InvalidName invalid) {
                recorder.event(ref, EventRecorder.WARNING, KubeletEvents.INSPECT_FAILED, invalid.message());
                return new Failed(KubeletEvents.INVALID_IMAGE_NAME, invalid.message());
            }
        }
        String policy = pullPolicy(container);
        boolean pull = policy.equals("Always") || (policy.equals("IfNotPresent") && present.isEmpty());
        if (!pull) {
            if (present.isPresent()) {
                recorder.eventf(ref, EventRecorder.NORMAL, KubeletEvents.PULLED, KubeletEvents.PRESENT_MESSAGE, image);
                return new Ready(present.get());
            }
            String message = String.format(KubeletEvents.NEVER_PULL_MESSAGE, image);
            recorder.event(ref, EventRecorder.WARNING, KubeletEvents.ERR_IMAGE_NEVER_PULL, message);
            return new Failed(KubeletEvents.ERR_IMAGE_NEVER_PULL, message);
        }
        if (backoff.inBackOffSinceUpdate(key, clock.now())) {
            String message = String.format(KubeletEvents.BACK_OFF_PULL_MESSAGE, image);
            recorder.event(ref, EventRecorder.NORMAL, KubeletEvents.BACK_OFF, message);
            return new Failed(KubeletEvents.IMAGE_PULL_BACK_OFF, message);
        }
        recorder.eventf(ref, EventRecorder.NORMAL, KubeletEvents.PULLING, KubeletEvents.PULLING_MESSAGE, image);
        if (resolved == null) {
            resolved = runtime.resolve(image);
        }
        start(image, resolved, present.isPresent(), new Waiter(key, podKey, clock.now()),
                "Pod/" + pod.path("metadata").path("namespace").asText() + "/" + pod.path("metadata").path("name").asText());
        return new Pulling();
    }

    /** When the pull back-off of {@code image} for pod {@code uid} ends. */
    Instant backOffEnds(String uid, String image) {
        return clock.now().plus(backoff.get(uid + "_" + image));
    }

    void forgetPod(String uid) {
        backoff.forget(uid + "_");
        outcomes.keySet().removeIf(k -> k.startsWith(uid + "_"));
        inFlight.values().forEach(job -> job.waiters.removeIf(w -> w.key.startsWith(uid + "_")));
    }

    /** The API defaults it; a pod written without it gets Kubernetes' rule. */
    static String pullPolicy(JsonNode container) {
        String policy = container.path("imagePullPolicy").asText("");
        if (!policy.isEmpty()) {
            return policy;
        }
        String image = container.path("image").asText();
        return ImageNames.normalise(image).endsWith(":latest") && !image.contains("@") ? "Always" : "IfNotPresent";
    }

    private void start(String image, ImageCatalogue.Pull resolved, boolean present, Waiter waiter, String podRef) {
        String id = ImageNames.normalise(image);
        Job running = inFlight.get(id);
        if (running != null) {
            running.waiters.add(waiter);
            return;
        }
        Job job = new Job();
        job.waiters.add(waiter);
        inFlight.put(id, job);
        Duration took;
        if (resolved instanceof ImageCatalogue.Pulled pulled) {
            // A present image pulled again (policy Always) only fetches its manifest.
            took = present ? Duration.ofMillis(300 + random.nextInt(600)) : pulled.image().pullTime();
        } else {
            took = Duration.ofMillis(500 + random.nextInt(1000));
        }
        took = took.truncatedTo(ChronoUnit.MILLIS);
        Instant begin = busyUntil.isAfter(clock.now()) ? busyUntil : clock.now();
        Instant end = begin.plus(took);
        busyUntil = end;
        Duration pullTime = took;
        clock.scheduleAt(end, () -> finish(id, image, resolved, pullTime, podRef));
    }

    private void finish(String id, String image, ImageCatalogue.Pull resolved, Duration took, String podRef) {
        Job job = inFlight.remove(id);
        if (job == null) {
            return;
        }
        Image pulled = resolved instanceof ImageCatalogue.Pulled p ? p.image() : null;
        if (pulled != null) {
            runtime.storeImage(image, pulled, podRef);
        }
        for (Waiter w : job.waiters) {
            Duration total = Duration.between(w.requestedAt, clock.now()).truncatedTo(ChronoUnit.MILLIS);
            String error = resolved instanceof ImageCatalogue.PullFailed f ? f.message() : null;
            outcomes.put(w.key, new Outcome(pulled, w.requestedAt.plus(took).isAfter(clock.now()) ? total : took,
                    total, error));
            wake.accept(w.podKey);
        }
    }
}
