package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.runtime.ContainerRuntime;
import io.kubelab.runtime.RuntimeContainer;
import io.kubelab.runtime.Sandbox;
import io.kubelab.runtime.image.ContainerStart;
import io.kubelab.runtime.image.Image;
import io.kubelab.runtime.image.ImageCatalogue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Taking over pods the API says are running when this node's runtime object has no sandbox for them
 * without having lost one: the bootstrap's system pods, and every pod of a sandbox that was parked and
 * woke, or moved to another server. Their containers carry on from {@code startedAt} with the same ids,
 * restart counts and last states; nothing is pulled, created or announced.
 */
final class Adoption {

    private static final java.util.regex.Pattern BACK_OFF = java.util.regex.Pattern.compile("^back-off (\\S+) ");

    private final Kubelet kubelet;
    private final ContainerStarter starter;
    private final Prober prober;

    Adoption(Kubelet kubelet, ContainerStarter starter, Prober prober) {
        this.kubelet = kubelet;
        this.starter = starter;
        this.prober = prober;
    }

    /** The API says the pod has a sandbox (it got an IP and could start containers), and this runtime never went down. */
    static boolean adoptable(ObjectNode pod, ContainerRuntime runtime) {
        if (runtime.rebooted() || pod.path("status").path("podIP").asText("").isEmpty()) {
            return false;
        }
        for (JsonNode c : pod.path("status").path("conditions")) {
            if (c.path("type").asText().equals("PodReadyToStartContainers")) {
                return c.path("status").asText().equals("True");
            }
        }
        return false;
    }

    void adopt(String key, ObjectNode pod, PodState podState, PodWorker worker) {
        ContainerRuntime runtime = kubelet.runtime();
        JsonNode status = pod.path("status");
        Sandbox sandbox = runtime.adoptSandbox(ObjectMeta.uid(pod), ObjectMeta.namespace(pod), ObjectMeta.name(pod),
                pod.path("spec").path("hostNetwork").asBoolean(false), status.path("podIP").asText());
        rememberLastStates(pod, sandbox, runtime, kubelet.clock().now());
        for (String list : List.of("initContainerStatuses", "containerStatuses")) {
            for (JsonNode cs : status.path(list)) {
                String name = cs.path("name").asText();
                JsonNode spec = PodWorker.containerSpec(pod, name);
                JsonNode state = cs.path("state");
                String id = id(cs.path("containerID").asText());
                int attempt = cs.path("restartCount").asInt();
                if (!cs.path("imageID").asText("").isEmpty() && !spec.isMissingNode()) {
                    // The node pulled it before: it is still in its image store.
                    image(runtime, spec.path("image").asText());
                }
                JsonNode last = cs.path("lastState").path("terminated");
                String waitingReason = state.path("waiting").path("reason").asText("");
                if (waitingReason.equals(KubeletEvents.CRASH_LOOP_BACK_OFF) && !last.isMissingNode()) {
                    // Crash-looping: the instance that exited last is current, and the back-off carries on.
                    runtime.rememberExited(sandbox, name, id(last.path("containerID").asText()), attempt,
                            cs.path("image").asText(), cs.path("imageID").asText(), time(last.path("startedAt")),
                            time(last.path("finishedAt")), last.path("exitCode").asInt(), last.path("reason").asText());
                    String message = state.path("waiting").path("message").asText("");
                    java.util.regex.Matcher m = BACK_OFF.matcher(message);
                    if (m.find()) {
                        worker.seedBackoff(podState.uid, name, io.kubelab.clock.GoDuration.parse(m.group(1)),
                                time(last.path("finishedAt")));
                    }
                    podState.waiting.put(name, new PodState.Waiting(waitingReason, message));
                } else if (state.has("terminated")) {
                    JsonNode t = state.path("terminated");
                    runtime.rememberExited(sandbox, name, id, attempt, cs.path("image").asText(),
                            cs.path("imageID").asText(), time(t.path("startedAt")), time(t.path("finishedAt")),
                            t.path("exitCode").asInt(), t.path("reason").asText());
                } else if (state.has("running")) {
                    Optional<Image> image = image(runtime, spec.path("image").asText());
                    ContainerStart start;
                    try {
                        start = starter.configure(pod, sandbox, spec);
                    } catch (ConfigError e) {
                        // What it was started with is no longer there; it keeps running all the same.
                        start = new ContainerStart(List.of(), List.of(), java.util.Map.of(), "", ObjectMeta.name(pod),
                                sandbox.ip(), ContainerConfig.memoryLimit(spec), ContainerStart.Files.NONE, kubelet.network(pod, sandbox.ip()));
                    }
                    RuntimeContainer c = runtime.adoptContainer(sandbox, name, image, id, cs.path("image").asText(),
                            cs.path("imageID").asText(), attempt, time(state.path("running").path("startedAt")), start);
                    if (list.equals("containerStatuses")) {
                        prober.watch(key, pod, spec, c, cs.path("ready").asBoolean(false));
                    }
                }
            }
        }
    }

    /** The last states the API remembers, so a new or adopted sandbox still reports them. */
    static void rememberLastStates(ObjectNode pod, Sandbox sandbox, ContainerRuntime runtime, Instant now) {
        for (String list : List.of("initContainerStatuses", "containerStatuses")) {
            for (JsonNode cs : pod.path("status").path(list)) {
                JsonNode t = cs.path("lastState").path("terminated");
                JsonNode current = cs.path("state").path("running");
                if (!current.isMissingNode() && runtime.rebooted()) {
                    // The node went down under it: the instance that ran is gone with an unknown end.
                    runtime.rememberPrevious(sandbox, cs.path("name").asText(), id(cs.path("containerID").asText()),
                            cs.path("restartCount").asInt(), cs.path("image").asText(), cs.path("imageID").asText(),
                            time(current.path("startedAt")), now, 255, "Unknown");
                } else if (!t.isMissingNode()) {
                    runtime.rememberPrevious(sandbox, cs.path("name").asText(), id(t.path("containerID").asText()),
                            Math.max(0, cs.path("restartCount").asInt() - 1), cs.path("image").asText(),
                            cs.path("imageID").asText(), time(t.path("startedAt")), time(t.path("finishedAt")),
                            t.path("exitCode").asInt(), t.path("reason").asText());
                }
            }
        }
    }

    private static Optional<Image> image(ContainerRuntime runtime, String name) {
        Optional<Image> present = runtime.image(name);
        if (present.isPresent()) {
            return present;
        }
        if (runtime.resolve(name) instanceof ImageCatalogue.Pulled pulled) {
            runtime.adoptImage(name, pulled.image());
            return Optional.of(pulled.image());
        }
        return Optional.empty();
    }

    private static String id(String containerId) {
        int at = containerId.indexOf("://");
        return at < 0 ? containerId : containerId.substring(at + 3);
    }

    private static Instant time(JsonNode text) {
        try {
            return Instant.parse(text.asText());
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }
}
