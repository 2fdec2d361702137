package io.kubelab.apiserver.defaults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static io.kubelab.apiserver.defaults.Fields.defaultPointer;
import static io.kubelab.apiserver.defaults.Fields.defaultString;
import static io.kubelab.apiserver.defaults.Fields.each;
import static io.kubelab.apiserver.defaults.Fields.object;

/** Service networking: Service (core/v1), Endpoints (core/v1), EndpointSlice (discovery.k8s.io/v1). */
final class ServiceDefaults {

    /** {@code v1.DefaultClientIPServiceAffinitySeconds}: three hours. */
    static final int CLIENT_IP_TIMEOUT_SECONDS = 10800;

    private ServiceDefaults() {
    }

    /** {@code SetDefaults_Service}. */
    static void service(ObjectNode svc) {
        ObjectNode spec = Fields.ensureObject(svc, "spec");
        defaultString(spec, "sessionAffinity", "None");
        String affinity = spec.get("sessionAffinity").asText();
        if (affinity.equals("None")) {
            spec.remove("sessionAffinityConfig");
        } else if (affinity.equals("ClientIP")) {
            ObjectNode clientIp = object(object(spec, "sessionAffinityConfig"), "clientIP");
            if (clientIp == null || Fields.isNil(clientIp, "timeoutSeconds")) {
                // Go replaces the whole config, not just the missing timeout.
                spec.putObject("sessionAffinityConfig").putObject("clientIP")
                        .put("timeoutSeconds", CLIENT_IP_TIMEOUT_SECONDS);
            }
        }
        defaultString(spec, "type", "ClusterIP");
        String type = spec.get("type").asText();
        each(spec, "ports", port -> {
            defaultString(port, "protocol", "TCP");
            JsonNode target = port.get("targetPort");
            boolean unset = target == null || target.isNull() || (target.isNumber() && target.asLong() == 0)
                    || (target.isTextual() && target.asText().isEmpty());
            if (unset) {
                port.put("targetPort", port.path("port").asInt(0));
            }
        });
        boolean externallyAccessible = type.equals("LoadBalancer") || type.equals("NodePort")
                || (type.equals("ClusterIP") && !Fields.isEmpty(spec, "externalIPs"));
        if (externallyAccessible) {
            defaultString(spec, "externalTrafficPolicy", "Cluster");
        }
        if (type.equals("NodePort") || type.equals("LoadBalancer") || type.equals("ClusterIP")) {
            defaultPointer(spec, "internalTrafficPolicy", "Cluster");
        }
        if (type.equals("LoadBalancer")) {
            defaultPointer(spec, "allocateLoadBalancerNodePorts", true);
            // LoadBalancerIPMode is on by default in 1.32: ingress points with an IP get ipMode VIP.
            each(object(object(svc, "status"), "loadBalancer"), "ingress", ing -> {
                if (!Fields.isEmptyString(ing, "ip")) {
                    defaultPointer(ing, "ipMode", "VIP");
                }
            });
        }
    }

    /** {@code SetDefaults_Endpoints}. */
    static void endpoints(ObjectNode ep) {
        each(ep, "subsets", subset -> each(subset, "ports", port -> defaultString(port, "protocol", "TCP")));
    }

    /** discovery/v1 {@code SetDefaults_EndpointPort}: name and protocol are pointers, so "" is kept and shown. */
    static void endpointSlice(ObjectNode slice) {
        each(slice, "ports", port -> {
            defaultPointer(port, "name", "");
            defaultPointer(port, "protocol", "TCP");
        });
    }
}
