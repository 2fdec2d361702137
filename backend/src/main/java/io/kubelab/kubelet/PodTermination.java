package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.record.EventRecorder;
import io.kubelab.runtime.ContainerRuntime;
import io.kubelab.runtime.RuntimeContainer;
import io.kubelab.runtime.Sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A deleted pod on this node ({@code deletionTimestamp} set): its containers get {@code Killing}, their
 * preStop hooks and SIGTERM, SIGKILL at the end of the grace period; once they all stopped, the sandbox
 * goes, the final status is written and the pod is deleted with grace 0 and its UID as precondition. A
 * static pod's mirror pod is posted again instead.
 */
final class PodTermination {

    private final Kubelet kubelet;
    private final PodWorker worker;
    private final Prober prober;
    private final ContainerRuntime runtime;
    private final EventRecorder recorder;

    PodTermination(Kubelet kubelet, PodWorker worker, Prober prober) {
        this.kubelet = kubelet;
        this.worker = worker;
        this.prober = prober;
        this.runtime = kubelet.runtime();
        this.recorder = kubelet.recorder();
    }

    void terminate(String key, ObjectNode pod, PodState state) {
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
            worker.writeStatus(pod, state, true);
        }
        try {
            kubelet.api().handle(ApiRequest.of(kubelet.user(), ApiRequest.Verb.DELETE, NodeWatch.PODS, ObjectMeta.namespace(pod),
                    ObjectMeta.name(pod)).withOptions(RequestOptions.DEFAULT.withGracePeriod(0)
                    .withPreconditions(Optional.of(state.uid), Optional.empty())));
            kubelet.narrate("delete", pod, PodWorker.API_SERVER, "All containers of pod " + ObjectMeta.name(pod)
                    + " have stopped, so the kubelet removed the pod from the API server.");
        } catch (StatusException e) {
            if (e.status().code() != 404 && e.status().code() != 409) {
                throw e;
            }
        }
        worker.forget(key, state);
    }

    /**
     * A static pod's mirror pod was deleted: the static pod (its manifest on the node) runs on, so the
     * kubelet removes the mirror pod at once and posts a new one for the same containers.
     */
    void replaceMirror(String key, ObjectNode pod, PodState state) {
        try {
            kubelet.api().handle(ApiRequest.of(kubelet.user(), ApiRequest.Verb.DELETE, NodeWatch.PODS, ObjectMeta.namespace(pod),
                    ObjectMeta.name(pod)).withOptions(RequestOptions.DEFAULT.withGracePeriod(0)
                    .withPreconditions(Optional.of(state.uid), Optional.empty())));
        } catch (StatusException e) {
            if (e.status().code() != 404 && e.status().code() != 409) {
                throw e;
            }
        }
        ObjectNode created = kubelet.api().handle(ApiRequest.of(kubelet.user(), ApiRequest.Verb.CREATE, NodeWatch.PODS,
                ObjectMeta.namespace(pod), "").withBody(MirrorPods.fresh(pod))).body();
        state.cancelRetry();
        prober.removePod(state.uid);
        runtime.rekey(state.uid, ObjectMeta.uid(created));
        worker.states().remove(key);
        kubelet.narrate("mirror", pod, PodWorker.API_SERVER, "Pod " + ObjectMeta.name(pod) + " is a static pod from this node's "
                + "manifests: deleting its mirror pod does not stop it, so the kubelet posted a new mirror pod.");
    }

    private void kill(ObjectNode pod, Sandbox sandbox, List<RuntimeContainer> running) {
        long graceSeconds = pod.path("metadata").path("deletionGracePeriodSeconds")
                .asLong(pod.path("spec").path("terminationGracePeriodSeconds").asLong(30));
        kubelet.narrate("kill", pod, "Pod " + ObjectMeta.name(pod) + " is being deleted: the kubelet stops its "
                + "containers, giving them " + graceSeconds + "s to exit.");
        for (RuntimeContainer c : running) {
            JsonNode spec = PodWorker.containerSpec(pod, c.name());
            recorder.eventf(PodRefs.container(pod, c.name()), EventRecorder.NORMAL, KubeletEvents.KILLING,
                    KubeletEvents.STOPPING_MESSAGE, c.name());
            Duration grace = Duration.ofSeconds(graceSeconds);
            Duration hook = Hooks.preStop(runtime, pod, spec, c, recorder);
            grace = grace.minus(hook).isNegative() ? Duration.ofSeconds(2) : grace.minus(hook);
            if (hook.isZero()) {
                runtime.stopContainer(sandbox, c, grace);
            } else {
                Duration left = grace;
                kubelet.clock().schedule(hook, () -> runtime.stopContainer(sandbox, c, left));
            }
        }
    }
}
