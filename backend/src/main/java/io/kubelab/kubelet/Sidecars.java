package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.runtime.RuntimeContainer;
import io.kubelab.runtime.Sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Sidecar containers (restartable init containers, {@code restartPolicy: Always} on an init container). */
final class Sidecars {

    private Sidecars() {
    }

    static boolean isSidecar(JsonNode initContainer) {
        return initContainer.path("restartPolicy").asText("").equals("Always");
    }

    static List<JsonNode> of(JsonNode pod) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode c : pod.path("spec").path("initContainers")) {
            if (isSidecar(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Every regular container exited and none will run again: a Job's pod is done, its sidecars go. */
    static boolean mainDone(ObjectNode pod, Sandbox sandbox) {
        String policy = pod.path("spec").path("restartPolicy").asText("Always");
        if (policy.equals("Always")) {
            return false;
        }
        for (JsonNode c : pod.path("spec").path("containers")) {
            Optional<RuntimeContainer> rc = sandbox.container(c.path("name").asText());
            if (rc.isEmpty() || !rc.get().exited() || (policy.equals("OnFailure") && rc.get().exitCode() != 0)) {
                return false;
            }
        }
        return true;
    }
}
