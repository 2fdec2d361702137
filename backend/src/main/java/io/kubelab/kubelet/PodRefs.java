package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectReferences;

/** The references the kubelet's events point at: a container is {@code spec.containers{name}} of its pod. */
final class PodRefs {

    private PodRefs() {
    }

    static ObjectNode container(ObjectNode pod, String name) {
        String list = "containers";
        for (JsonNode c : pod.path("spec").path("initContainers")) {
            if (c.path("name").asText().equals(name)) {
                list = "initContainers";
            }
        }
        return ObjectReferences.withFieldPath(pod, "spec." + list + "{" + name + "}").orElseThrow();
    }

    static ObjectNode pod(ObjectNode pod) {
        return ObjectReferences.of(pod).orElseThrow();
    }

    static String object(ObjectNode pod) {
        return "Pod/" + pod.path("metadata").path("namespace").asText() + "/" + pod.path("metadata").path("name").asText();
    }

    /** {@code format.Pod}: {@code name_namespace(uid)}. */
    static String format(ObjectNode pod) {
        JsonNode m = pod.path("metadata");
        return m.path("name").asText() + "_" + m.path("namespace").asText() + "(" + m.path("uid").asText() + ")";
    }
}
