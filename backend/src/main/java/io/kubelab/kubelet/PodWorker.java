package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.GoDuration;
import io.kubelab.clock.SimClock;
import io.kubelab.events.ComponentEvents;
import io.kubelab.record.EventRecorder;
import io.kubelab.runtime.ContainerRuntime;
import io.kubelab.runtime.ImageNames;
import io.kubelab.runtime.RuntimeContainer;
import io.kubelab.runtime.Sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kubelet's pod workers and {@code kuberuntime_manager.SyncPod} in one level-triggered sync per pod:
 * from the pod in the API and the runtime's sandbox it works out what to do next (create the sandbox,
 * run init containers in order, start or restart containers with the crash-loop back-off, kill what a
 * liveness probe failed, terminate a deleted pod) and writes the pod's status.
 */
final class PodWorker {

    static final Duration CRASH_BACKOFF_INITIAL = Duration.ofSeconds(10);
    static final Duration CRASH_BACKOFF_MAX = Duration.ofMinutes(5);
    /** The pod worker's requeue after a failed sync ({@code workerBackOffPeriod}). */
    static final Duration WORKER_BACKOFF = Duration.ofSeconds(10);
    /** How soon after ErrImagePull the kubelet syncs again and reports ImagePullBackOff (its status relist). */
    static final Duration RELIST = Duration.ofSeconds(1);
    static final String API_SERVER = "kube-apiserver";

    private final Kubelet kubelet;
    private final ApiServer api;
    private final UserInfo user;
    private final SimClock clock;
    private final EventRecorder recorder;
    private final ComponentEvents events;
    private final ContainerRuntime runtime;
    private final ImagePuller puller;
    private final Prober prober;
    private final ContainerStarter starter;
    private final Backoff crashBackoff = new Backoff(CRASH_BACKOFF_INITIAL, CRASH_BACKOFF_MAX);
    private final Map<String, PodState> states = new HashMap<>();
    /** The volume manager's retry of a failed mount ({@code exponentialbackoff}: 500 ms doubling to 2m2s). */
    private final Backoff mountBackoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(122));

    PodWorker(Kubelet kubelet, ImagePuller puller, Prober prober, ContainerStarter starter) {
        this.kubelet = kubelet;
        this.api = kubelet.api();
        this.user = kubelet.user();
        this.clock = kubelet.clock();
        this.recorder = kubelet.recorder();
        this.events = kubelet.events();
        this.runtime = kubelet.runtime();
        this.puller = puller;
        this.prober = prober;
        this.starter = starter;
    }

    /** The kubelet restarted: what it remembered is gone. */
    void reset() {
        states.values().forEach(PodState::cancelRetry);
        states.clear();
    }

    Optional<PodState> state(String key) {
        return Optional.ofNullable(states.get(key));
    }

    Map<String, PodState> states() {
        return states;
    }

    void sync(String key) {
        Optional<ObjectNode> found = kubelet.watch().pod(key);
        PodState state = states.get(key);
        if (found.isEmpty()) {
            if (state != null) {
                forget(key, state);
            }
            return;
        }
        ObjectNode pod = found.get();
        String uid = ObjectMeta.uid(pod);
        if (state != null && !state.uid.equals(uid)) {
            forget(key, state);
            state = null;
        }
        if (state == null) {
            state = new PodState(uid);
            states.put(key, state);
        }
        if (ObjectMeta.deleting(pod) && MirrorPods.isMirror(pod)) {
            replaceMirror(key, pod, state);
            return;
        }
        if (ObjectMeta.deleting(pod)) {
            terminate(key, pod, state);
            return;
        }
        String phase = pod.path("status").path("phase").asText("");
        if (phase.equals("Succeeded") || phase.equals("Failed")) {
            finish(key, state);
            return;
        }
        Optional<Sandbox> sandbox = runtime.sandbox(uid);
        if (sandbox.isEmpty() && !pod.path("status").has("startTime") && !MirrorPods.isMirror(pod) && reject(pod, state)) {
            return;
        }
        if (sandbox.isEmpty()) {
            if (Adoption.adoptable(pod, runtime)) {
                kubelet.adoption().adopt(key, pod, state, this);
                sandbox = runtime.sandbox(uid);
            } else if (mounted(key, pod, state)) {
                sandbox = createSandbox(pod, state);
            }
            if (sandbox.isEmpty()) {
                writeStatus(pod, state, false);
                return;
            }
        }
        if (runInitContainers(key, pod, sandbox.get(), state)) {
            runContainers(key, pod, sandbox.get(), state);
            runSidecars(key, pod, sandbox.get(), state);
        }
        if (restarting(sandbox.get(), state)) {
            // Within one SyncPod in Kubernetes: the stopped container is not reported before its successor.
            return;
        }
        ObjectNode status = writeStatus(pod, state, false);
        String now = status.path("phase").asText();
        if (now.equals("Succeeded") || now.equals("Failed")) {
            finish(key, state);
        }
    }

    /** A container stopped to be restarted has exited and its successor is not there yet (its image is pulling). */
    private static boolean restarting(Sandbox sandbox, PodState state) {
        for (String name : state.redefined) {
            if (sandbox.container(name).filter(RuntimeContainer::exited).isPresent() && !state.waiting.containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    /** Admission of a pod no kubelet has handled: a pod that does not fit is Failed at once, with an event. */
    private boolean reject(ObjectNode pod, PodState state) {
        Optional<ObjectNode> node = api.peek(NodeReporter.NODES, "", kubelet.nodeName());
        if (node.isEmpty()) {
            return false;
        }
        List<ObjectNode> admitted = new ArrayList<>();
        for (ObjectNode other : kubelet.watch().pods()) {
            String phase = other.path("status").path("phase").asText("");
            if (!ObjectMeta.uid(other).equals(state.uid) && other.path("status").has("startTime")
                    && !phase.equals("Succeeded") && !phase.equals("Failed")) {
                admitted.add(other);
            }
        }
        Optional<PodAdmission.Rejection> rejection = PodAdmission.check(pod, node.get(), admitted);
        if (rejection.isEmpty()) {
            return false;
        }
        recorder.event(PodRefs.pod(pod), EventRecorder.WARNING, rejection.get().reason(), rejection.get().message());
        ObjectNode status = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        status.put("message", "Pod was rejected: " + rejection.get().message());
        status.put("phase", "Failed");
        status.put("reason", rejection.get().reason());
        status.put("startTime", ObjectMeta.time(clock.now()));
        if (pod.path("status").has("qosClass")) {
            status.set("qosClass", pod.path("status").path("qosClass"));
        }
        ObjectNode body = pod.deepCopy();
        body.set("status", status);
        api.handle(ApiRequest.of(user, ApiRequest.Verb.UPDATE, NodeWatch.PODS, ObjectMeta.namespace(pod),
                ObjectMeta.name(pod)).withSubresource("status").withBody(body));
        state.finished = true;
        kubelet.narrate("reject", pod, API_SERVER, "The kubelet rejected pod " + ObjectMeta.name(pod) + ": "
                + rejection.get().message() + ".");
        return true;
    }

    /** The pod's volumes mount, or a {@code FailedMount} event and a retry (500 ms doubling to 2m2s). */
    private boolean mounted(String key, ObjectNode pod, PodState state) {
        try {
            VolumeFiles.mount(kubelet.config(), pod);
            mountBackoff.forget(state.uid);
            return true;
        } catch (ConfigError e) {
            recorder.event(PodRefs.pod(pod), EventRecorder.WARNING, KubeletEvents.FAILED_MOUNT, e.getMessage());
            mountBackoff.next(state.uid, clock.now(), clock.now());
            state.waitsFor = e.namespace() + "/" + e.object();
            retry(key, state, mountBackoff.get(state.uid), false);
            kubelet.narrate("mount-failed", pod, "The kubelet cannot mount a volume of pod " + ObjectMeta.name(pod)
                    + ": " + e.getMessage() + ".");
            return false;
        }
    }

    private Optional<Sandbox> createSandbox(ObjectNode pod, PodState state) {
        boolean hostNetwork = pod.path("spec").path("hostNetwork").asBoolean(false);
        if (runtime.rebooted() && !pod.path("status").path("podIP").asText("").isEmpty()) {
            recorder.event(PodRefs.pod(pod), EventRecorder.NORMAL, KubeletEvents.SANDBOX_CHANGED,
                    KubeletEvents.SANDBOX_CHANGED_MESSAGE);
        }
        kubelet.narrate("create-sandbox", pod, "Pod " + ObjectMeta.name(pod) + " is bound to this node: the kubelet asks "
                + "the container runtime for its sandbox and network.");
        Optional<Sandbox> sandbox = runtime.runPodSandbox(ObjectMeta.uid(pod), ObjectMeta.namespace(pod),
                ObjectMeta.name(pod), hostNetwork);
        if (sandbox.isEmpty()) {
            recorder.event(PodRefs.pod(pod), EventRecorder.WARNING, KubeletEvents.FAILED_CREATE_POD_SANDBOX,
                    "Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox: "
                            + "plugin type=\"host-local\" failed (add): failed to allocate for range 0: no IP addresses available in range set");
            retry(ObjectMeta.namespace(pod) + "/" + ObjectMeta.name(pod), state, WORKER_BACKOFF, false);
            return sandbox;
        }
        Adoption.rememberLastStates(pod, sandbox.get(), runtime, clock.now());
        return sandbox;
    }

    /**
     * Init containers one at a time, in order; true once all have succeeded. A sidecar (an init container
     * with {@code restartPolicy: Always}) only has to have started for the next one to go; it keeps running.
     */
    private boolean runInitContainers(String key, ObjectNode pod, Sandbox sandbox, PodState state) {
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
    private void runSidecars(String key, ObjectNode pod, Sandbox sandbox, PodState state) {
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
                    runtime.stopContainer(sandbox, c.get(), grace(pod, sidecars.get(i)));
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

    private void runContainers(String key, ObjectNode pod, Sandbox sandbox, PodState state) {
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
        runtime.stopContainer(sandbox, c, grace(pod, spec));
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
            retry(key, state, Duration.between(clock.now(), exited.finishedAt().plus(delay)), false);
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

    private void retry(String key, PodState state, Duration delay, boolean work) {
        kubelet.retry(key, state, delay, work);
    }

    /** A ConfigMap or Secret a waiting pod needs appeared or changed: its retry becomes work, due now. */
    void referenced(String namespace, String name) {
        states.forEach((key, state) -> {
            if ((namespace + "/" + name).equals(state.waitsFor)) {
                state.waitsFor = null;
                retry(key, state, Duration.ZERO, true);
            }
        });
    }

    static Duration grace(ObjectNode pod, JsonNode spec) {
        JsonNode probeGrace = spec.path("livenessProbe").path("terminationGracePeriodSeconds");
        return Duration.ofSeconds(probeGrace.isNumber() ? probeGrace.asLong()
                : pod.path("spec").path("terminationGracePeriodSeconds").asLong(30));
    }

    // ---- termination ---------------------------------------------------------------------------------

    private void terminate(String key, ObjectNode pod, PodState state) {
        Optional<Sandbox> sandbox = runtime.sandbox(state.uid);
        if (sandbox.isPresent()) {
            List<RuntimeContainer> running = new ArrayList<>();
            sandbox.get().containers().forEach(c -> {
                if (c.running()) {
                    running.add(c);
                }
            });
            if (!running.isEmpty()) {
                if (!state.killing) {
                    state.killing = true;
                    state.cancelRetry();
                    kill(pod, sandbox.get(), running);
                }
                return;
            }
        }
        state.waiting.clear();
        state.cancelRetry();
        if (sandbox.isPresent()) {
            // The final status; a pod that never had a sandbox here (or whose end was already reported,
            // while a finalizer holds it) keeps the status it has.
            runtime.stopPodSandbox(state.uid);
            writeStatus(pod, state, true);
        }
        try {
            api.handle(ApiRequest.of(user, ApiRequest.Verb.DELETE, NodeWatch.PODS, ObjectMeta.namespace(pod),
                    ObjectMeta.name(pod)).withOptions(RequestOptions.DEFAULT.withGracePeriod(0)
                    .withPreconditions(Optional.of(state.uid), Optional.empty())));
            kubelet.narrate("delete", pod, API_SERVER, "All containers of pod " + ObjectMeta.name(pod)
                    + " have stopped, so the kubelet removed the pod from the API server.");
        } catch (StatusException e) {
            if (e.status().code() != 404 && e.status().code() != 409) {
                throw e;
            }
        }
        forget(key, state);
    }

    /**
     * A static pod's mirror pod was deleted: the static pod (its manifest on the node) runs on, so the
     * kubelet removes the mirror pod at once and posts a new one for the same containers.
     */
    private void replaceMirror(String key, ObjectNode pod, PodState state) {
        try {
            api.handle(ApiRequest.of(user, ApiRequest.Verb.DELETE, NodeWatch.PODS, ObjectMeta.namespace(pod),
                    ObjectMeta.name(pod)).withOptions(RequestOptions.DEFAULT.withGracePeriod(0)
                    .withPreconditions(Optional.of(state.uid), Optional.empty())));
        } catch (StatusException e) {
            if (e.status().code() != 404 && e.status().code() != 409) {
                throw e;
            }
        }
        ObjectNode created = api.handle(ApiRequest.of(user, ApiRequest.Verb.CREATE, NodeWatch.PODS,
                ObjectMeta.namespace(pod), "").withBody(MirrorPods.fresh(pod))).body();
        state.cancelRetry();
        prober.removePod(state.uid);
        runtime.rekey(state.uid, ObjectMeta.uid(created));
        states.remove(key);
        kubelet.narrate("mirror", pod, API_SERVER, "Pod " + ObjectMeta.name(pod) + " is a static pod from this node's "
                + "manifests: deleting its mirror pod does not stop it, so the kubelet posted a new mirror pod.");
    }

    private void kill(ObjectNode pod, Sandbox sandbox, List<RuntimeContainer> running) {
        long graceSeconds = pod.path("metadata").path("deletionGracePeriodSeconds")
                .asLong(pod.path("spec").path("terminationGracePeriodSeconds").asLong(30));
        kubelet.narrate("kill", pod, "Pod " + ObjectMeta.name(pod) + " is being deleted: the kubelet stops its "
                + "containers, giving them " + graceSeconds + "s to exit.");
        for (RuntimeContainer c : running) {
            JsonNode spec = containerSpec(pod, c.name());
            recorder.eventf(PodRefs.container(pod, c.name()), EventRecorder.NORMAL, KubeletEvents.KILLING,
                    KubeletEvents.STOPPING_MESSAGE, c.name());
            Duration grace = Duration.ofSeconds(graceSeconds);
            Duration hook = Hooks.preStop(runtime, pod, spec, c, recorder);
            grace = grace.minus(hook).isNegative() ? Duration.ofSeconds(2) : grace.minus(hook);
            if (hook.isZero()) {
                runtime.stopContainer(sandbox, c, grace);
            } else {
                Duration left = grace;
                clock.schedule(hook, () -> runtime.stopContainer(sandbox, c, left));
            }
        }
    }

    static JsonNode containerSpec(ObjectNode pod, String name) {
        for (String list : List.of("initContainers", "containers")) {
            for (JsonNode c : pod.path("spec").path(list)) {
                if (c.path("name").asText().equals(name)) {
                    return c;
                }
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /**
     * A pod that reached Succeeded or Failed: its sandbox is stopped (PodReadyToStartContainers turns
     * False), its status stays. A pod found finished with no sandbox here (after a wake) is left as it is.
     */
    private void finish(String key, PodState state) {
        if (state.finished) {
            return;
        }
        state.finished = true;
        state.cancelRetry();
        prober.removePod(state.uid);
        Optional<Sandbox> sandbox = runtime.sandbox(state.uid);
        if (sandbox.isPresent() && sandbox.get().ready()) {
            runtime.stopPodSandbox(state.uid);
            kubelet.watch().pod(key).ifPresent(fresh -> writeStatus(fresh, state, false));
        }
    }

    /** The pod is gone from the API (or replaced by a namesake): everything of it on the node goes too. */
    private void forget(String key, PodState state) {
        state.cancelRetry();
        prober.removePod(state.uid);
        puller.forgetPod(state.uid);
        crashBackoff.forget(state.uid + "/");
        runtime.removePodSandbox(state.uid);
        states.remove(key);
    }

    ObjectNode writeStatus(ObjectNode pod, PodState state, boolean terminal) {
        Optional<Sandbox> sandbox = runtime.sandbox(state.uid);
        ObjectNode status = PodStatuses.build(pod, sandbox, state, kubelet.probes(), runtime.flavor(), kubelet.hostIp(),
                clock.now(), terminal);
        if (status.equals(pod.path("status"))) {
            return status;
        }
        ObjectNode body = pod.deepCopy();
        body.set("status", status);
        try {
            api.handle(ApiRequest.of(user, ApiRequest.Verb.UPDATE, NodeWatch.PODS, ObjectMeta.namespace(pod),
                    ObjectMeta.name(pod)).withSubresource("status").withBody(body));
            String before = pod.path("status").path("phase").asText("");
            if (!before.equals(status.path("phase").asText())) {
                kubelet.narrate("status", pod, API_SERVER, "Reported pod " + ObjectMeta.name(pod) + " as "
                        + status.path("phase").asText() + " to the API server.");
            }
        } catch (StatusException e) {
            if (e.status().code() != 404) {
                throw e;
            }
        }
        return status;
    }

    Instant now() {
        return clock.now();
    }
}
