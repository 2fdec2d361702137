package io.kubelab.controller.endpointslice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.controller.PodConditions;
import io.kubelab.controller.endpoint.PodEndpoints;
import io.kubelab.controller.endpoint.PortHash;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/** {@code podToEndpoint} and {@code getEndpointPorts}: one pod as an EndpointSlice endpoint, and its ports. */
final class SliceEndpoints {

    static final String ZONE_LABEL = "topology.kubernetes.io/zone";

    private SliceEndpoints() {
    }

    /** Fields in discovery/v1 {@code Endpoint} order: addresses, conditions, hostname, targetRef, nodeName, zone. */
    static ObjectNode endpoint(ObjectNode pod, ObjectNode node, ObjectNode service, String ip) {
        boolean serving = PodConditions.ready(pod);
        boolean terminating = ObjectMeta.deleting(pod);
        // For compatibility, "ready" is never true for a terminating pod unless publishNotReadyAddresses.
        boolean ready = service.path("spec").path("publishNotReadyAddresses").asBoolean(false) || (serving && !terminating);
        ObjectNode endpoint = JsonNodeFactory.instance.objectNode();
        endpoint.putArray("addresses").add(ip);
        endpoint.putObject("conditions").put("ready", ready).put("serving", serving).put("terminating", terminating);
        if (PodEndpoints.shouldSetHostname(pod, service)) {
            endpoint.put("hostname", pod.path("spec").path("hostname").asText());
        }
        endpoint.putObject("targetRef").put("kind", "Pod").put("namespace", ObjectMeta.namespace(pod))
                .put("name", ObjectMeta.name(pod)).put("uid", ObjectMeta.uid(pod));
        String nodeName = pod.path("spec").path("nodeName").asText("");
        if (!nodeName.isEmpty()) {
            endpoint.put("nodeName", nodeName);
        }
        if (node != null && !node.path("metadata").path("labels").path(ZONE_LABEL).asText("").isEmpty()) {
            endpoint.put("zone", node.path("metadata").path("labels").path(ZONE_LABEL).asText());
        }
        return endpoint;
    }

    /** The ports a pod offers for the service, in the hash order Kubernetes sorts them into. */
    static ArrayNode ports(ObjectNode service, ObjectNode pod) {
        List<ObjectNode> ports = new ArrayList<>();
        JsonNode servicePorts = service.path("spec").path("ports");
        for (JsonNode servicePort : servicePorts) {
            OptionalInt number = PodEndpoints.findPort(pod, servicePort);
            if (number.isEmpty()) {
                continue;
            }
            // Name is a pointer to the service port's name, so an unnamed port shows as name "".
            ObjectNode port = JsonNodeFactory.instance.objectNode();
            port.put("name", servicePort.path("name").asText(""));
            port.put("port", number.getAsInt());
            port.put("protocol", servicePort.path("protocol").asText("TCP"));
            if (servicePort.hasNonNull("appProtocol")) {
                port.put("appProtocol", servicePort.path("appProtocol").asText());
            }
            ports.add(port);
        }
        ports.sort(Comparator.comparing(PortHash::slicePort));
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        ports.forEach(out::add);
        return out;
    }

    /** {@code NewPortMapKey}: the same ports in any order are the same key. */
    static String portKey(JsonNode ports) {
        List<String> hashes = new ArrayList<>();
        for (JsonNode port : ports) {
            hashes.add(PortHash.slicePort(port));
        }
        hashes.sort(Comparator.naturalOrder());
        return String.join(",", hashes);
    }

    /** What identifies an endpoint across syncs ({@code hashEndpoint}): its pod, addresses and hostname. */
    static String identity(JsonNode endpoint) {
        return endpoint.path("targetRef").path("uid").asText() + "|" + endpoint.path("addresses") + "|"
                + endpoint.path("hostname").asText("");
    }

    /** {@code EndpointsEqualBeyondHash}: node, zone, conditions and pod reference unchanged. */
    static boolean equalBeyondHash(JsonNode a, JsonNode b) {
        return a.path("nodeName").equals(b.path("nodeName")) && a.path("zone").equals(b.path("zone"))
                && a.path("conditions").equals(b.path("conditions"))
                && a.path("targetRef").path("uid").equals(b.path("targetRef").path("uid"))
                && a.path("targetRef").path("name").equals(b.path("targetRef").path("name"));
    }
}
