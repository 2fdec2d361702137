package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.clock.GoDuration;
import io.kubelab.clock.SimClock;
import io.kubelab.record.EventRecorder;
import io.kubelab.runtime.ContainerRuntime;
import io.kubelab.runtime.ImageNames;
import io.kubelab.runtime.RuntimeContainer;
import io.kubelab.runtime.Sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * kuberuntime's {@code computePodActions} and the container part of {@code SyncPod} for a pod that has
 * its sandbox: init containers in order, sidecars, the containers with their restart policy and the
 * crash-loop back-off ({@code doBackOff}), and the kills a failed probe or a changed image call for.
 */
final class PodActions {

    private final Kubelet kubelet;
    private final Prober prober;
    private final ContainerStarter starter;
    private final ContainerRuntime runtime;
    private final EventRecorder recorder;
    private final SimClock clock;
    private final Backoff crashBackoff = new Backoff(PodWorker.CRASH_BACKOFF_INITIAL, PodWorker.CRASH_BACKOFF_MAX);

    PodActions(Kubelet kubelet, Prober prober, ContainerStarter starter) {
        this.kubelet = kubelet;
        this.prober = prober;
        this.starter = starter;
        this.runtime = kubelet.runtime();
        this.recorder = kubelet.recorder();
        this.clock = kubelet.clock();
    }

    void forget(String uid) {
        crashBackoff.forget(uid + "/");
    }

    /** A container stopped to be restarted has exited and its successor is not there yet (its image is pulling). */
    static boolean restarting(Sandbox sandbox, PodState state) {
        for (String name : state.redefined) {
            if (sandbox.container(name).filter(RuntimeContainer::exited).isPresent() && !state.waiting.containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Init containers one at a time, in order; true once all have succeeded. A sidecar (an init container
     * with {@code restartPolicy: Always}) only has to have started for the next one to go; it keeps running.
     */
    boolean runInitContainers(String key, ObjectNode pod, Sandbox sandbox, PodState state) {
        String policy = pod.path("spec").path("restartPolicy").asText("Always");
        for (JsonNode spec : pod.path("spec").path("initContainers")) {
            String name = spec.path("name").asText();
            Optional<RuntimeContainer> current = sandbox.container(name);
            if (Sidecars.isSidecar(spec)) {
                if (current.isPresent() && current.get().running()) {
                    prober.watch(key, pod, spec, current.get(), readyInApi(pod, current.get()));
                    if (kubelet.probes().started(spec, current.get())) {
                        continue;
                    }
                    return false;
                }
                if (current.isPresent() && (current.get().exited() || sandbox.previous(name).isPresent())) {
                    continue;
                }
                if (starter.start(key, pod, sandbox, spec, state, false) == ContainerStarter.Outcome.STARTED
                        && kubelet.probes().started(spec, sandbox.container(name).orElseThrow())) {
                    continue;
                }
                return false;
            }
            if (current.isPresent() && current.get().running()) {
                return false;
            }
            if (current.isPresent() && current.get().exited()) {
                if (current.get().exitCode() == 0) {
                    continue;
                }
                if (policy.equals("Never") || backingOff(key, pod, spec, current.get(), state)) {
                    return false;
                }
            }
            starter.start(key, pod, sandbox, spec, state, true);
            return false;
        }
        return true;
    }

    /**
     * Sidecars once the pod is initialised: restarted with the crash-loop back-off whatever the pod's
     * restart policy, and stopped (last first) once every regular container has finished for good.
     */
    void runSidecars(String key, ObjectNode pod, Sandbox sandbox, PodState state) {
        List<JsonNode> sidecars = Sidecars.of(pod);
        if (sidecars.isEmpty()) {
            return;
        }
        if (Sidecars.mainDone(pod, sandbox)) {
            for (int i = sidecars.size() - 1; i >= 0; i--) {
                String name = sidecars.get(i).path("name").asText();
                Optional<RuntimeContainer> c = sandbox.container(name);
                if (c.isPresent() && c.get().running() && !c.get().stopping()) {
                    recorder.eventf(PodRefs.container(pod, name), EventRecorder.NORMAL, KubeletEvents.KILLING,
                            KubeletEvents.STOPPING_MESSAGE, name);
                    kubelet.narrate("kill", pod, "Every container of pod " + ObjectMeta.name(pod)
                            + " has finished, so the kubelet stops its sidecar " + name + ".");
                    runtime.stopContainer(sandbox, c.get(), PodWorker.grace(pod, sidecars.get(i)));
                }
            }
            return;
        }
        for (JsonNode spec : sidecars) {
            Optional<RuntimeContainer> c = sandbox.container(spec.path("name").asText());
            if (c.isPresent() && c.get().running()) {
                prober.watch(key, pod, spec, c.get(), readyInApi(pod, c.get()));
                condemnIfUnhealthy(pod, sandbox, spec, c.get(), state);
            } else if (c.isPresent() && c.get().exited() && !backingOff(key, pod, spec, c.get(), state)) {
                starter.start(key, pod, sandbox, spec, state, false);
            }
        }
    }

    void runContainers(String key, ObjectNode pod, Sandbox sandbox, PodState state) {
        String policy = pod.path("spec").path("restartPolicy").asText("Always");
        for (JsonNode spec : pod.path("spec").path("containers")) {
            Optional<RuntimeContainer> current = sandbox.container(spec.path("name").asText());
            if (current.isPresent() && current.get().running()) {
                prober.watch(key, pod, spec, current.get(), readyInApi(pod, current.get()));
                condemnIfUnhealthy(pod, sandbox, spec, current.get(), state);
                continue;
            }
            if (current.isPresent() && current.get().exited()) {
                if (state.redefined.contains(spec.path("name").asText())) {
                    // Killed to be restarted (SyncPod starts it again at once): the back-off looks at the
                    // instance that exited before this one, as kuberuntime's doBackOff finds it.
                    Optional<RuntimeContainer> before = sandbox.previous(spec.path("name").asText());
                    if (before.isPresent() && before.get().exited() && backingOff(key, pod, spec, before.get(), state)) {
                        continue;
                    }
                } else {
                    boolean restart = policy.equals("Always")
                            || (policy.equals("OnFailure") && current.get().exitCode() != 0);
                    if (!restart || backingOff(key, pod, spec, current.get(), state)) {
                        continue;
                    }
                }
            }
            ContainerStarter.Outcome outcome = starter.start(key, pod, sandbox, spec, state, false);
            if (outcome == ContainerStarter.Outcome.STARTED) {
                state.redefined.remove(spec.path("name").asText());
            }
            if (outcome == ContainerStarter.Outcome.PULLING) {
                return;
            }
        }
    }

    /** Whether the API already shows this very instance ready (a restarted kubelet picks up where it was). */
    private boolean readyInApi(ObjectNode pod, RuntimeContainer c) {
        for (String list : List.of("initContainerStatuses", "containerStatuses")) {
            for (JsonNode cs : pod.path("status").path(list)) {
                if (cs.path("containerID").asText().equals(runtime.flavor().containerId(c.id()))) {
                    return cs.path("ready").asBoolean(false);
                }
            }
        }
        return false;
    }

    /** A liveness or startup probe that failed for good: the container is killed, and restarted once it is gone. */
    private void condemnIfUnhealthy(ObjectNode pod, Sandbox sandbox, JsonNode spec, RuntimeContainer c, PodState state) {
        String name = spec.path("name").asText();
        String message;
        String why;
        if (!ImageNames.normalise(spec.path("image").asText()).equals(c.imageRef())
                && !spec.path("image").asText().equals(c.imageRef())) {
            // The spec's image changed (kubectl set image on a pod): restarted whatever the restart policy.
            message = String.format(KubeletEvents.DEFINITION_CHANGED_MESSAGE, name);
            why = "its image changed to " + spec.path("image").asText();
            state.redefined.add(name);
        } else if (prober.result(c.id(), Prober.Kind.LIVENESS).filter(ok -> !ok).isPresent()) {
            message = String.format(KubeletEvents.LIVENESS_KILL_MESSAGE, name);
            why = "it failed its liveness probe";
        } else if (prober.result(c.id(), Prober.Kind.STARTUP).filter(ok -> !ok).isPresent()) {
            message = String.format(KubeletEvents.STARTUP_KILL_MESSAGE, name);
            why = "it failed its startup probe";
        } else {
            return;
        }
        if (message != null && !message.contains("definition")) {
            if (pod.path("spec").path("restartPolicy").asText("Always").equals("Never")) {
                message = message.replace(KubeletEvents.WILL_BE_RESTARTED, "");
                why = why + ", and restartPolicy Never keeps it stopped";
            } else {
                state.redefined.add(name);
            }
        }
        if (state.condemned.putIfAbsent(c.id(), Boolean.TRUE) != null) {
            return;
        }
        recorder.event(PodRefs.container(pod, name), EventRecorder.NORMAL, KubeletEvents.KILLING, message);
        kubelet.narrate("kill", pod, "The kubelet stops container " + name + ": " + why + ".");
        runtime.stopContainer(sandbox, c, PodWorker.grace(pod, spec));
    }

    /** {@code doBackOff}: whether the exited container must wait before it restarts (CrashLoopBackOff). */
    private boolean backingOff(String key, ObjectNode pod, JsonNode spec, RuntimeContainer exited, PodState state) {
        String name = spec.path("name").asText();
        String backoffKey = state.uid + "/" + name;
        if (crashBackoff.inBackOffSince(backoffKey, exited.finishedAt(), clock.now())) {
            Duration delay = crashBackoff.get(backoffKey);
            PodState.Waiting waiting = new PodState.Waiting(KubeletEvents.CRASH_LOOP_BACK_OFF,
                    String.format(KubeletEvents.CRASH_LOOP_MESSAGE, GoDuration.format(delay), name, PodRefs.format(pod)));
            // One event per back-off window: our syncs are driven by changes, not by a periodic resync.
            if (!waiting.equals(state.waiting.get(name))) {
                recorder.eventf(PodRefs.container(pod, name), EventRecorder.WARNING, KubeletEvents.BACK_OFF,
                        KubeletEvents.BACK_OFF_RESTART_MESSAGE, name, PodRefs.format(pod));
            }
            state.waiting.put(name, waiting);
            kubelet.retry(key, state, Duration.between(clock.now(), exited.finishedAt().plus(delay)), false);
            kubelet.narrate("back-off", pod, "Container " + name + " keeps failing, so the kubelet waits "
                    + GoDuration.format(delay) + " before starting it again (CrashLoopBackOff).");
            return true;
        }
        crashBackoff.next(backoffKey, exited.finishedAt(), clock.now());
        return false;
    }

    void seedBackoff(String uid, String container, Duration delay, Instant finishedAt) {
        crashBackoff.seed(uid + "/" + container, delay, finishedAt);
    }
}
