package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.model.NodeSelectors;
import io.kubelab.model.Quantity;
import io.kubelab.record.EventRecorder;

import java.util.List;
import java.util.Optional;

/**
 * The kubelet's admission of a pod it has not run yet ({@code lifecycle.NewPredicateAdmitHandler}): the
 * pod must fit the node's allocatable CPU, memory and pod count next to the pods already admitted, and its
 * {@code nodeSelector} must match the node's labels. A pod bound past the scheduler ({@code nodeName} set
 * by hand) can fail here: phase Failed, reason {@code OutOfcpu}, message {@code Pod was rejected: Node
 * didn't have enough resource: cpu, requested: 3000, used: 850, capacity: 2000}.
 */
final class PodAdmission {

    record Rejection(String reason, String message) {
    }

    private PodAdmission() {
    }

    static Optional<Rejection> check(ObjectNode pod, JsonNode node, List<ObjectNode> admitted) {
        if (!NodeSelectors.matchesNodeSelector(pod.path("spec"), node)) {
            return Optional.of(new Rejection("NodeAffinity",
                    "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector"));
        }
        JsonNode allocatable = node.path("status").path("allocatable");
        long pods = allocatable.path("pods").asLong(110);
        if (admitted.size() + 1 > pods) {
            return Optional.of(insufficient("pods", 1, admitted.size(), pods));
        }
        for (String resource : List.of("cpu", "memory")) {
            long capacity = amount(allocatable.path(resource).asText("0"), resource);
            long requested = request(pod, resource);
            if (requested == 0) {
                continue;
            }
            long used = 0;
            for (ObjectNode other : admitted) {
                used += request(other, resource);
            }
            if (requested + used > capacity) {
                return Optional.of(insufficient(resource, requested, used, capacity));
            }
        }
        return Optional.empty();
    }

    /** Admission of a pod no kubelet has handled: a pod that does not fit is Failed at once, with an event. */
    static boolean reject(Kubelet kubelet, ObjectNode pod, PodState state) {
        Optional<ObjectNode> node = kubelet.api().peek(NodeReporter.NODES, "", kubelet.nodeName());
        if (node.isEmpty()) {
            return false;
        }
        List<ObjectNode> admitted = new java.util.ArrayList<>();
        for (ObjectNode other : kubelet.watch().pods()) {
            String phase = other.path("status").path("phase").asText("");
            if (!ObjectMeta.uid(other).equals(state.uid) && other.path("status").has("startTime")
                    && !phase.equals("Succeeded") && !phase.equals("Failed")) {
                admitted.add(other);
            }
        }
        Optional<PodAdmission.Rejection> rejection = check(pod, node.get(), admitted);
        if (rejection.isEmpty()) {
            return false;
        }
        kubelet.recorder().event(PodRefs.pod(pod), EventRecorder.WARNING, rejection.get().reason(), rejection.get().message());
        ObjectNode status = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        status.put("message", "Pod was rejected: " + rejection.get().message());
        status.put("phase", "Failed");
        status.put("reason", rejection.get().reason());
        status.put("startTime", ObjectMeta.time(kubelet.clock().now()));
        if (pod.path("status").has("qosClass")) {
            status.set("qosClass", pod.path("status").path("qosClass"));
        }
        ObjectNode body = pod.deepCopy();
        body.set("status", status);
        kubelet.api().handle(ApiRequest.of(kubelet.user(), ApiRequest.Verb.UPDATE, NodeWatch.PODS, ObjectMeta.namespace(pod),
                ObjectMeta.name(pod)).withSubresource("status").withBody(body));
        state.finished = true;
        kubelet.narrate("reject", pod, PodWorker.API_SERVER, "The kubelet rejected pod " + ObjectMeta.name(pod) + ": "
                + rejection.get().message() + ".");
        return true;
    }

    private static Rejection insufficient(String resource, long requested, long used, long capacity) {
        return new Rejection("OutOf" + resource, String.format(
                "Node didn't have enough resource: %s, requested: %d, used: %d, capacity: %d", resource, requested, used,
                capacity));
    }

    /** The pod's effective request: the larger of its containers' sum and its largest init container. */
    static long request(JsonNode pod, String resource) {
        long sum = 0;
        for (JsonNode c : pod.path("spec").path("containers")) {
            sum += containerRequest(c, resource);
        }
        for (JsonNode c : pod.path("spec").path("initContainers")) {
            sum = Math.max(sum, containerRequest(c, resource));
        }
        JsonNode overhead = pod.path("spec").path("overhead").path(resource);
        if (!overhead.isMissingNode()) {
            sum += amount(overhead.asText(), resource);
        }
        return sum;
    }

    private static long containerRequest(JsonNode c, String resource) {
        JsonNode value = c.path("resources").path("requests").path(resource);
        return value.isMissingNode() ? 0 : amount(value.asText(), resource);
    }

    /** CPU in millicores, memory in bytes, as the kubelet compares them. */
    private static long amount(String text, String resource) {
        try {
            Quantity q = Quantity.parse(text);
            return resource.equals("cpu") ? q.milliValue() : q.value();
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }
}
