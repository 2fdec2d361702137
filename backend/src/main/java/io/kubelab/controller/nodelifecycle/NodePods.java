package io.kubelab.controller.nodelifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.StatusException;
import io.kubelab.controller.Informer;
import io.kubelab.controller.Informers;
import io.kubelab.controller.PodConditions;
import io.kubelab.events.ComponentEvents;
import io.kubelab.record.EventRecorder;

import java.time.Instant;
import java.util.Optional;

/**
 * {@code MarkPodsNotReady}: the pods of a node whose kubelet went silent can no longer be trusted to serve,
 * so their Ready condition is set to False (endpoints then drop them) and each gets a {@code NodeNotReady}
 * warning. Done for every pod on a node whose Ready condition is Unknown, so pods bound there later and a
 * rebuilt controller get the same treatment.
 */
final class NodePods {

    private final ApiServer api;
    private final Informer pods;
    private final EventRecorder recorder;
    private final ComponentEvents events;

    NodePods(ApiServer api, Informer pods, EventRecorder recorder, ComponentEvents events) {
        this.api = api;
        this.pods = pods;
        this.recorder = recorder;
        this.events = events;
    }

    void markNotReadyIfUnknown(ObjectNode node, Instant at) {
        if (!NodeHealth.readyStatus(node).equals("Unknown") || NodeHealth.condition(node, NodeHealth.READY).isEmpty()) {
            return;
        }
        String nodeName = ObjectMeta.name(node);
        String now = ObjectMeta.time(at);
        for (ObjectNode pod : pods.list()) {
            if (!pod.path("spec").path("nodeName").asText("").equals(nodeName)) {
                continue;
            }
            ObjectNode updated = pod.deepCopy();
            Optional<JsonNode> ready = PodConditions.condition(updated, PodConditions.READY);
            if (ready.isEmpty() || ready.get().path("status").asText().equals("False")) {
                continue;
            }
            ((ObjectNode) ready.get()).put("status", "False").put("lastTransitionTime", now);
            try {
                api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.UPDATE, NodeLifecycleController.PODS,
                        ObjectMeta.namespace(pod), ObjectMeta.name(pod)).withSubresource("status").withBody(updated));
            } catch (StatusException e) {
                if (e.status().code() == 404) {
                    continue;
                }
                throw e;
            }
            recorder.event(pod, EventRecorder.WARNING, "NodeNotReady", "Node is not ready");
            events.emit(NodeLifecycleController.COMPONENT, null, "mark-not-ready",
                    "Pod/" + ObjectMeta.namespace(pod) + "/" + ObjectMeta.name(pod), "kube-controller-manager",
                    "kube-apiserver", "Marked pod " + ObjectMeta.name(pod) + " not Ready because its node " + nodeName
                            + " is not ready.");
        }
    }
}
