package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.record.EventRecorder;
import io.kubelab.runtime.ContainerRuntime;
import io.kubelab.runtime.RuntimeContainer;
import io.kubelab.runtime.image.Network;
import io.kubelab.runtime.image.Process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A container's lifecycle hooks. {@code preStop} runs before SIGTERM: exec and HTTP hooks answer at once in
 * the simulation; a {@code sleep} hook holds SIGTERM back for its seconds. {@code postStart} runs right
 * after the start; when it fails the container is killed.
 */
final class Hooks {

    private Hooks() {
    }

    /** Whether the container's postStart hook (if any) succeeded. */
    static boolean postStart(ContainerRuntime runtime, ObjectNode pod, JsonNode spec, RuntimeContainer c) {
        JsonNode hook = spec.path("lifecycle").path("postStart");
        return hook.isMissingNode() || succeeded(runtime, pod, spec, c, hook);
    }

    private static boolean succeeded(ContainerRuntime runtime, ObjectNode pod, JsonNode spec, RuntimeContainer c,
                                     JsonNode hook) {
        String uid = pod.path("metadata").path("uid").asText();
        if (hook.has("exec")) {
            List<String> argv = new ArrayList<>();
            hook.path("exec").path("command").forEach(a -> argv.add(a.asText()));
            Optional<Process.ExecResult> result = runtime.exec(uid, c.name(), argv);
            return result.isPresent() && result.get().exitCode() == 0;
        }
        if (hook.has("httpGet")) {
            int port = Prober.port(spec, hook.path("httpGet").path("port"));
            String path = hook.path("httpGet").path("path").asText("/");
            Optional<Process.Served> served = runtime.http(uid, port, new Network.HttpRequest("GET", "", path,
                    List.of("User-Agent: kube-lifecycle/1.32"), "", "", "kube-lifecycle/1.32"));
            return served.isPresent() && served.get().reply().status() < 400;
        }
        return true;
    }

    /** Runs the preStop hook; returns how long it holds SIGTERM back. */
    static Duration preStop(ContainerRuntime runtime, ObjectNode pod, JsonNode spec, RuntimeContainer c,
                        EventRecorder recorder) {
        JsonNode hook = spec.path("lifecycle").path("preStop");
        if (hook.isMissingNode()) {
            return Duration.ZERO;
        }
        if (hook.has("sleep")) {
            return Duration.ofSeconds(hook.path("sleep").path("seconds").asLong(0));
        }
        boolean failed = !succeeded(runtime, pod, spec, c, hook);
        if (failed) {
            recorder.event(PodRefs.container(pod, c.name()), EventRecorder.WARNING, KubeletEvents.FAILED_PRE_STOP_HOOK,
                    "PreStopHook failed");
        }
        return Duration.ZERO;
    }
}
