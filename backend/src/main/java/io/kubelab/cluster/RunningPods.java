package io.kubelab.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The status a kubelet reports for a pod whose containers all run and are ready: what the bootstrap's
 * system pods show, as if the cluster had come up just before the student arrived.
 */
final class RunningPods {

    private RunningPods() {
    }

    static ObjectNode status(ObjectNode pod, String hostIp, String podIp, String time,
                             io.kubelab.runtime.RuntimeFlavor runtime) {
        ObjectNode status = pod.with("status");
        status.put("phase", "Running");
        ArrayNode conditions = status.putArray("conditions");
        for (String type : new String[]{"PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady",
                "PodScheduled"}) {
            ObjectNode condition = conditions.addObject();
            condition.putNull("lastProbeTime");
            condition.put("lastTransitionTime", time).put("status", "True").put("type", type);
        }
        status.put("hostIP", hostIp);
        status.putArray("hostIPs").addObject().put("ip", hostIp);
        status.put("podIP", podIp);
        status.putArray("podIPs").addObject().put("ip", podIp);
        status.put("startTime", time);
        ArrayNode containers = status.putArray("containerStatuses");
        for (JsonNode container : pod.path("spec").path("containers")) {
            String name = container.path("name").asText();
            String image = container.path("image").asText();
            ObjectNode cs = containers.addObject();
            cs.put("containerID", runtime.containerId(Hashes.hex(pod.path("metadata").path("name").asText() + name, 64)));
            cs.put("image", image);
            cs.put("imageID", image.replaceFirst(":[^:/]*$", "") + "@sha256:" + Hashes.hex(image, 64));
            cs.putObject("lastState");
            cs.put("name", name).put("ready", true).put("restartCount", 0).put("started", true);
            cs.putObject("state").putObject("running").put("startedAt", time);
            io.kubelab.kubelet.PodStatuses.volumeMounts(container, cs);
        }
        // The kubelet's order (Go's PodStatus field order): qosClass after the container statuses.
        JsonNode qos = status.remove("qosClass");
        if (qos != null) {
            status.set("qosClass", qos);
        }
        return status;
    }
}
