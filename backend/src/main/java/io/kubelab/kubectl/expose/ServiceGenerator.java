package io.kubelab.kubectl.expose;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.create.Typed;

import java.util.List;
import java.util.Map;

/**
 * The Service {@code kubectl expose} builds: the selector, one port per given or introspected port
 * ({@code port-N} names when there are several), each protocol from {@code --protocol} or the object,
 * the same target port for all ({@code --target-port}) or each port's own number.
 */
final class ServiceGenerator {

    /** What the flags and the exposed object say. */
    record Params(String name, String namespace, Map<String, String> labels, Map<String, String> selector,
                  List<String> ports, String protocol, Map<String, String> protocols, String targetPort,
                  String externalIp, String type, String loadBalancerIp, String sessionAffinity, String clusterIp) {
    }

    private ServiceGenerator() {
    }

    static ObjectNode service(Params p) throws KubectlException {
        ObjectNode service = Typed.object("v1", "Service", p.name(), p.namespace());
        if (!p.labels().isEmpty()) {
            ObjectNode labels = ((ObjectNode) service.get("metadata")).putObject("labels");
            p.labels().forEach(labels::put);
        }
        ObjectNode spec = service.putObject("spec");
        if (!p.ports().isEmpty()) {
            ArrayNode ports = spec.putArray("ports");
            for (int i = 0; i < p.ports().size(); i++) {
                String portText = p.ports().get(i);
                int port;
                try {
                    port = Integer.parseInt(portText);
                } catch (NumberFormatException e) {
                    throw KubectlException.error("strconv.Atoi: parsing \"" + portText + "\": invalid syntax");
                }
                ObjectNode entry = ports.addObject();
                if (p.ports().size() > 1) {
                    entry.put("name", "port-" + (i + 1));
                }
                String protocol = p.protocol();
                if (protocol.isEmpty()) {
                    protocol = p.protocols().getOrDefault(portText, "TCP");
                }
                entry.put("protocol", protocol);
                entry.put("port", port);
                if (p.targetPort().isEmpty()) {
                    entry.put("targetPort", port);
                } else if (isInt(p.targetPort())) {
                    entry.put("targetPort", Integer.parseInt(p.targetPort()));
                } else {
                    entry.put("targetPort", p.targetPort());
                }
            }
        }
        ObjectNode selector = spec.putObject("selector");
        p.selector().forEach(selector::put);
        if (p.clusterIp().equals("None")) {
            spec.put("clusterIP", "None");
        } else if (!p.clusterIp().isEmpty()) {
            spec.put("clusterIP", p.clusterIp());
        }
        if (!p.type().isEmpty()) {
            spec.put("type", p.type());
        }
        if (!p.externalIp().isEmpty()) {
            spec.putArray("externalIPs").add(p.externalIp());
        }
        switch (p.sessionAffinity()) {
            case "" -> {
            }
            case "ClientIP", "None" -> spec.put("sessionAffinity", p.sessionAffinity());
            default -> throw KubectlException.error("unknown session affinity: " + p.sessionAffinity());
        }
        if (p.type().equals("LoadBalancer") && !p.loadBalancerIp().isEmpty()) {
            spec.put("loadBalancerIP", p.loadBalancerIp());
        }
        service.putObject("status").putObject("loadBalancer");
        return service;
    }

    private static boolean isInt(String s) {
        try {
            Integer.parseInt(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
