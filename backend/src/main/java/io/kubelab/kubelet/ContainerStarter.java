package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.record.EventRecorder;
import io.kubelab.runtime.ContainerRuntime;
import io.kubelab.runtime.RuntimeContainer;
import io.kubelab.runtime.Sandbox;
import io.kubelab.runtime.image.ContainerStart;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code kuberuntime_container.startContainer}: ensure the image, build the container's configuration,
 * create it, start it. A failure leaves the container waiting with the kubelet's reason and message and a
 * {@code Failed} event ({@code Error: ErrImagePull}, {@code Error: configmap "x" not found}).
 */
final class ContainerStarter {

    enum Outcome { STARTED, PULLING, FAILED }

    /**
     * How long a restartPolicy Always container's own steps count as work: its start-up (a crash right
     * away shows in {@code sim settle}) but not a far-off exit ({@code sleep 3600}). Containers of pods that
     * run to completion (a Job's) and init containers are waited for to the end.
     */
    static final Duration STARTUP_HORIZON = Duration.ofMinutes(1);
    static final Duration TO_COMPLETION = Duration.ofDays(36_500);

    private final Kubelet kubelet;
    private final ImagePuller puller;
    private final Prober prober;
    private final ContainerConfig config;

    ContainerStarter(Kubelet kubelet, ImagePuller puller, Prober prober, ContainerConfig config) {
        this.kubelet = kubelet;
        this.puller = puller;
        this.prober = prober;
        this.config = config;
    }

    Outcome start(String key, ObjectNode pod, Sandbox sandbox, JsonNode spec, PodState state, boolean init) {
        String name = spec.path("name").asText();
        ObjectNode ref = PodRefs.container(pod, name);
        EventRecorder recorder = kubelet.recorder();
        ImagePuller.Result image = puller.ensure(pod, key, spec, ref);
        if (image instanceof ImagePuller.Pulling) {
            kubelet.narrate("pull", pod, "The kubelet waits for image " + spec.path("image").asText()
                    + " of container " + name + ", which the container runtime pulls.");
            return Outcome.PULLING;
        }
        if (image instanceof ImagePuller.Failed failed) {
            recorder.eventf(ref, EventRecorder.WARNING, KubeletEvents.FAILED, KubeletEvents.ERROR_MESSAGE, failed.reason());
            state.waiting.put(name, new PodState.Waiting(failed.reason(), failed.message()));
            switch (failed.reason()) {
                case KubeletEvents.ERR_IMAGE_PULL -> kubelet.retry(key, state, PodWorker.RELIST, true);
                case KubeletEvents.IMAGE_PULL_BACK_OFF -> kubelet.retry(key, state,
                        Duration.between(kubelet.clock().now(), puller.backOffEnds(state.uid, spec.path("image").asText())), false);
                default -> kubelet.retry(key, state, PodWorker.WORKER_BACKOFF, false);
            }
            kubelet.narrate("image-failed", pod, "Container " + name + " cannot start: " + failed.reason() + ".");
            return Outcome.FAILED;
        }
        ImagePuller.Ready ready = (ImagePuller.Ready) image;
        ContainerStart start;
        try {
            start = configure(pod, sandbox, spec);
        } catch (ConfigError e) {
            recorder.eventf(ref, EventRecorder.WARNING, KubeletEvents.FAILED, KubeletEvents.ERROR_MESSAGE, e.getMessage());
            state.waiting.put(name, new PodState.Waiting(KubeletEvents.CREATE_CONTAINER_CONFIG_ERROR, e.getMessage()));
            state.waitsFor = e.namespace() + "/" + e.object();
            kubelet.retry(key, state, PodWorker.WORKER_BACKOFF, false);
            kubelet.narrate("config-error", pod, "Container " + name + " cannot start: " + e.getMessage() + ".");
            return Outcome.FAILED;
        }
        ContainerRuntime runtime = kubelet.runtime();
        int restart = sandbox.container(name).or(() -> sandbox.previous(name)).map(rc -> rc.attempt() + 1).orElse(0);
        kubelet.narrate("start", pod, "The kubelet asks the container runtime to create and start container " + name
                + " of pod " + ObjectMeta.name(pod) + (restart > 0 ? " (restart " + restart + ")." : "."));
        RuntimeContainer c = runtime.createContainer(sandbox, name, ready.image());
        recorder.eventf(ref, EventRecorder.NORMAL, KubeletEvents.CREATED, KubeletEvents.CREATED_MESSAGE, name);
        boolean toCompletion = init || !pod.path("spec").path("restartPolicy").asText("Always").equals("Always");
        runtime.startContainer(sandbox, c, ready.image(), start, toCompletion ? TO_COMPLETION : STARTUP_HORIZON);
        recorder.eventf(ref, EventRecorder.NORMAL, KubeletEvents.STARTED, KubeletEvents.STARTED_MESSAGE, name);
        state.waiting.remove(name);
        if (!Hooks.postStart(runtime, pod, spec, c)) {
            // The hook's output is left out of the event, so that secrets do not leak into it.
            recorder.event(ref, EventRecorder.WARNING, KubeletEvents.FAILED_POST_START_HOOK, "PostStartHook failed");
            recorder.event(ref, EventRecorder.NORMAL, KubeletEvents.KILLING, KubeletEvents.FAILED_POST_START_HOOK);
            kubelet.narrate("kill", pod, "The postStart hook of container " + name + " failed, so the kubelet stops it.");
            runtime.stopContainer(sandbox, c, PodWorker.grace(pod, spec));
            return Outcome.FAILED;
        }
        if (!init) {
            prober.watch(key, pod, spec, c, false);
        }
        return Outcome.STARTED;
    }

    /** The container's command line, environment and files as the kubelet hands them to the runtime. */
    ContainerStart configure(ObjectNode pod, Sandbox sandbox, JsonNode spec) throws ConfigError {
        Map<String, String> env = config.environment(pod, spec, sandbox.ip(), kubelet.hostIp());
        VolumeFiles files = config.files(pod, spec, sandbox.ip(), kubelet.hostIp());
        List<String> command = ContainerConfig.expandAll(spec.path("command"), env);
        List<String> args = ContainerConfig.expandAll(spec.path("args"), env);
        String hostname = sandbox.hostNetwork() ? kubelet.nodeName()
                : pod.path("spec").path("hostname").asText(ObjectMeta.name(pod));
        return new ContainerStart(command, args, env, spec.path("workingDir").asText(""), hostname, sandbox.ip(),
                ContainerConfig.memoryLimit(spec), files, kubelet.network(pod, sandbox.ip()));
    }
}
