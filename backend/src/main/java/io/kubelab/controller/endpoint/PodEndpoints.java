package io.kubelab.controller.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.controller.Informer;
import io.kubelab.controller.PodConditions;
import io.kubelab.model.Labels;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the Endpoints and EndpointSlice controllers ask of a pod and a service (staging endpointslice/util
 * and pkg/controller/util/endpoint): which pods count, their address, the port a service port names.
 */
public final class PodEndpoints {

    private PodEndpoints() {
    }

    /** Kubernetes' {@code v1.EndpointsLastChangeTriggerTime}. */
    public static final String TRIGGER_TIME = "endpoints.kubernetes.io/last-change-trigger-time";
    /** {@code v1.IsHeadlessService}. */
    public static final String HEADLESS = "service.kubernetes.io/headless";

    /** The Ready condition's last transition: what the trigger-time tracker calls the pod's change time. */
    public static Optional<String> readyTransition(JsonNode pod) {
        return PodConditions.condition(pod, PodConditions.READY).filter(c -> c.hasNonNull("lastTransitionTime"))
                .map(c -> c.path("lastTransitionTime").asText());
    }

    /** {@code ShouldPodBeInEndpoints}: not terminal, has an IP, and not terminating unless those count. */
    public static boolean shouldBeInEndpoints(JsonNode pod, boolean includeTerminating) {
        if (PodConditions.terminal(pod)) {
            return false;
        }
        if (pod.path("status").path("podIP").asText("").isEmpty() && pod.path("status").path("podIPs").isEmpty()) {
            return false;
        }
        return includeTerminating || !ObjectMeta.deleting(pod);
    }

    /** {@code ShouldSetHostname}: the pod names a hostname and this service as its subdomain. */
    public static boolean shouldSetHostname(JsonNode pod, JsonNode service) {
        return !pod.path("spec").path("hostname").asText("").isEmpty()
                && pod.path("spec").path("subdomain").asText("").equals(ObjectMeta.name(service))
                && ObjectMeta.namespace(pod).equals(ObjectMeta.namespace(service));
    }

    /** The pod's IPv4 address (our services are single-stack IPv4), if it has one. */
    public static Optional<String> ipv4(JsonNode pod) {
        for (JsonNode ip : pod.path("status").path("podIPs")) {
            if (ip.path("ip").asText("").contains(".")) {
                return Optional.of(ip.path("ip").asText());
            }
        }
        String ip = pod.path("status").path("podIP").asText("");
        return ip.contains(".") ? Optional.of(ip) : Optional.empty();
    }

    /**
     * {@code podutil.FindPort}: a numeric targetPort as is; a named one is the container port of that name
     * and the service port's protocol, in the containers or the restartable (sidecar) init containers.
     */
    public static OptionalInt findPort(JsonNode pod, JsonNode servicePort) {
        JsonNode target = servicePort.path("targetPort");
        String protocol = servicePort.path("protocol").asText("TCP");
        if (target.isMissingNode() || target.isNull()) {
            return OptionalInt.of(servicePort.path("port").asInt());
        }
        if (!target.isTextual()) {
            return OptionalInt.of(target.asInt());
        }
        String name = target.asText();
        for (JsonNode container : pod.path("spec").path("containers")) {
            OptionalInt found = portNamed(container, name, protocol);
            if (found.isPresent()) {
                return found;
            }
        }
        for (JsonNode container : pod.path("spec").path("initContainers")) {
            if (container.path("restartPolicy").asText("").equals("Always")) {
                OptionalInt found = portNamed(container, name, protocol);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return OptionalInt.empty();
    }

    private static OptionalInt portNamed(JsonNode container, String name, String protocol) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText("").equals(name) && port.path("protocol").asText("TCP").equals(protocol)) {
                return OptionalInt.of(port.path("containerPort").asInt());
            }
        }
        return OptionalInt.empty();
    }

    /** The service's selector, or empty when it has none (a nil selector selects nothing, not everything). */
    public static Optional<Map<String, String>> selector(JsonNode service) {
        JsonNode selector = service.path("spec").path("selector");
        if (!selector.isObject() || selector.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> out = new TreeMap<>();
        selector.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return Optional.of(out);
    }

    public static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** {@code !IsServiceIPSet}: a headless service ({@code clusterIP: None}) or one without an IP. */
    public static boolean headless(JsonNode service) {
        String ip = service.path("spec").path("clusterIP").asText("");
        return ip.isEmpty() || ip.equals("None");
    }

    /** The pods of {@code namespace} the service's selector picks, by name. */
    public static TreeMap<String, ObjectNode> podsFor(Informer pods, JsonNode service, Map<String, String> selector) {
        TreeMap<String, ObjectNode> out = new TreeMap<>();
        String namespace = ObjectMeta.namespace(service);
        for (ObjectNode pod : pods.list()) {
            if (ObjectMeta.namespace(pod).equals(namespace) && matches(selector, Labels.of(pod))) {
                out.put(ObjectMeta.name(pod), pod);
            }
        }
        return out;
    }

    /**
     * The services a pod change concerns: those whose selector matches the old or the new labels
     * (a pod leaving a selector must leave its endpoints too).
     */
    public static Set<String> servicesFor(Informer services, ObjectNode oldPod, ObjectNode newPod) {
        Set<String> keys = new LinkedHashSet<>();
        for (ObjectNode pod : new ObjectNode[]{oldPod, newPod}) {
            if (pod == null) {
                continue;
            }
            Map<String, String> labels = Labels.of(pod);
            for (ObjectNode service : services.list()) {
                if (ObjectMeta.namespace(service).equals(ObjectMeta.namespace(pod))
                        && selector(service).map(s -> matches(s, labels)).orElse(false)) {
                    keys.add(Informer.key(service));
                }
            }
        }
        return keys;
    }
}
