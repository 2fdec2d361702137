package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.record.EventRecorder;
import io.kubelab.runtime.ContainerRuntime;
import io.kubelab.runtime.Sandbox;

import java.time.Duration;
import java.time.Instant;
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
    private final ContainerRuntime runtime;
    private final ImagePuller puller;
    private final Prober prober;
    private final Map<String, PodState> states = new HashMap<>();
    private final PodTermination termination;
    private final PodActions actions;
    /** The volume manager's retry of a failed mount ({@code exponentialbackoff}: 500 ms doubling to 2m2s). */
    private final Backoff mountBackoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(122));

    PodWorker(Kubelet kubelet, ImagePuller puller, Prober prober, ContainerStarter starter) {
        this.kubelet = kubelet;
        this.api = kubelet.api();
        this.user = kubelet.user();
        this.clock = kubelet.clock();
        this.recorder = kubelet.recorder();
        this.runtime = kubelet.runtime();
        this.puller = puller;
        this.prober = prober;
        this.termination = new PodTermination(kubelet, this, prober);
        this.actions = new PodActions(kubelet, prober, starter);
    }

    /** The kubelet restarted: what it remembered is gone. */
    void reset() {
        states.values().forEach(PodState::cancelRetry);
        states.clear();
    }

    Optional<PodState> state(String key) {
        return Optional.ofNullable(states.get(key));
    }

    /**
     * Whether someone else changed a pod's status (the node lifecycle controller marking it not Ready):
     * the status manager then writes its own view back, as 1.32's does when the API and its cache differ.
     */
    boolean statusDrifted(String key, ObjectNode pod) {
        PodState state = states.get(key);
        return state != null && state.reported != null && !state.reported.equals(pod.path("status"))
                && !pod.path("status").equals(state.stored);
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
            termination.replaceMirror(key, pod, state);
            return;
        }
        if (ObjectMeta.deleting(pod)) {
            termination.terminate(key, pod, state);
            return;
        }
        String phase = pod.path("status").path("phase").asText("");
        if (phase.equals("Succeeded") || phase.equals("Failed")) {
            finish(key, state);
            return;
        }
        Optional<Sandbox> sandbox = runtime.sandbox(uid);
        if (sandbox.isEmpty() && !pod.path("status").has("startTime") && !MirrorPods.isMirror(pod)
                && PodAdmission.reject(kubelet, pod, state)) {
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
        if (actions.runInitContainers(key, pod, sandbox.get(), state)) {
            actions.runContainers(key, pod, sandbox.get(), state);
            actions.runSidecars(key, pod, sandbox.get(), state);
        }
        if (PodActions.restarting(sandbox.get(), state)) {
            // Within one SyncPod in Kubernetes: the stopped container is not reported before its successor.
            return;
        }
        ObjectNode status = writeStatus(pod, state, false);
        String now = status.path("phase").asText();
        if (now.equals("Succeeded") || now.equals("Failed")) {
            finish(key, state);
        }
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

    void seedBackoff(String uid, String container, Duration delay, Instant finishedAt) {
        actions.seedBackoff(uid, container, delay, finishedAt);
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
    void forget(String key, PodState state) {
        state.cancelRetry();
        prober.removePod(state.uid);
        puller.forgetPod(state.uid);
        actions.forget(state.uid);
        runtime.removePodSandbox(state.uid);
        states.remove(key);
    }

    ObjectNode writeStatus(ObjectNode pod, PodState state, boolean terminal) {
        Optional<Sandbox> sandbox = runtime.sandbox(state.uid);
        ObjectNode status = PodStatuses.build(pod, sandbox, state, kubelet.probes(), runtime.flavor(), kubelet.hostIp(),
                clock.now(), terminal);
        boolean unchangedSinceOurWrite = status.equals(state.reported) && state.stored != null
                && state.stored.equals(pod.path("status"));
        state.reported = status;
        if (status.equals(pod.path("status")) || unchangedSinceOurWrite) {
            // Nothing new to say, including when the API server stored our last status in its own normal form.
            return status;
        }
        // The pod's own fields shared, not copied: the API server copies a body before it reads or changes it.
        ObjectNode body = pod.objectNode();
        pod.properties().forEach(field -> body.set(field.getKey(), field.getValue()));
        body.set("status", status);
        try {
            state.stored = api.handle(ApiRequest.of(user, ApiRequest.Verb.UPDATE, NodeWatch.PODS,
                    ObjectMeta.namespace(pod), ObjectMeta.name(pod)).withSubresource("status").withBody(body)).body()
                    .path("status");
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
