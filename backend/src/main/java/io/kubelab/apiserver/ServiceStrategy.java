package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.model.ResourceTypes;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Services: a cluster IP from the service CIDR, node ports for NodePort and LoadBalancer services, the
 * IPv4 single-stack family, and allocated values carried over when an update leaves them out.
 */
final class ServiceStrategy implements Strategy {

    @Override
    public void prepareForCreate(ObjectNode service, Context context) {
        service.putObject("status").putObject("loadBalancer");
        allocate(service, context, Set.of(), Set.of());
    }

    @Override
    public void prepareForUpdate(ObjectNode service, ObjectNode old, Context context) {
        ObjectNode spec = service.with("spec");
        JsonNode oldSpec = old.path("spec");
        String type = spec.path("type").asText("ClusterIP");
        dropTypeDependentFields(spec, oldSpec, type, oldSpec.path("type").asText("ClusterIP"));
        if (!type.equals("ExternalName") && spec.path("clusterIP").asText("").isEmpty()
                && oldSpec.hasNonNull("clusterIP")) {
            spec.set("clusterIP", oldSpec.get("clusterIP").deepCopy());
            spec.set("clusterIPs", oldSpec.path("clusterIPs").deepCopy());
        }
        if (needsNodePorts(type)) {
            for (JsonNode port : spec.path("ports")) {
                JsonNode before = samePort(oldSpec.path("ports"), port);
                if (port instanceof ObjectNode && before != null && port.path("nodePort").asInt(0) == 0 && before.path("nodePort").asInt(0) > 0) {
                    ((ObjectNode) port).put("nodePort", before.path("nodePort").asInt());
                }
            }
        }
        Set<String> ownIps = new HashSet<>();
        oldSpec.path("clusterIPs").forEach(ip -> ownIps.add(ip.asText()));
        Set<Integer> ownPorts = new HashSet<>();
        oldSpec.path("ports").forEach(p -> ownPorts.add(p.path("nodePort").asInt(0)));
        allocate(service, context, ownIps, ownPorts);
    }

    /**
     * The service REST's rule: fields the new type no longer needs are cleared when the user left them as
     * they were, so {@code type: ExternalName} or back to ClusterIP works without hand-editing them away.
     */
    private static void dropTypeDependentFields(ObjectNode spec, JsonNode oldSpec, String type, String oldType) {
        boolean hadClusterIp = !oldType.equals("ExternalName");
        boolean needsClusterIp = !type.equals("ExternalName");
        if (hadClusterIp && !needsClusterIp) {
            for (String field : new String[]{"clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy"}) {
                if (spec.path(field).equals(oldSpec.path(field))) {
                    spec.remove(field);
                }
            }
        }
        if (needsNodePorts(oldType) && !needsNodePorts(type)) {
            for (JsonNode port : spec.path("ports")) {
                JsonNode before = samePort(oldSpec.path("ports"), port);
                if (port instanceof ObjectNode && before != null && port.path("nodePort").equals(before.path("nodePort"))) {
                    ((ObjectNode) port).remove("nodePort");
                }
            }
        }
        if (oldType.equals("LoadBalancer") && !type.equals("LoadBalancer")) {
            for (String field : new String[]{"healthCheckNodePort", "allocateLoadBalancerNodePorts", "loadBalancerClass"}) {
                if (spec.path(field).equals(oldSpec.path(field))) {
                    spec.remove(field);
                }
            }
        }
        boolean wasExternal = needsNodePorts(oldType) || oldSpec.path("externalIPs").size() > 0;
        boolean isExternal = needsNodePorts(type) || spec.path("externalIPs").size() > 0;
        if (wasExternal && !isExternal && spec.path("externalTrafficPolicy").equals(oldSpec.path("externalTrafficPolicy"))) {
            spec.remove("externalTrafficPolicy");
        }
    }

    private static JsonNode samePort(JsonNode ports, JsonNode port) {
        for (JsonNode candidate : ports) {
            if (candidate.path("port").asInt() == port.path("port").asInt()
                    && candidate.path("protocol").asText("TCP").equals(port.path("protocol").asText("TCP"))) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean needsNodePorts(String type) {
        return type.equals("NodePort") || type.equals("LoadBalancer");
    }

    private static void allocate(ObjectNode service, Context context, Set<String> ownIps, Set<Integer> ownPorts) {
        ObjectNode spec = service.with("spec");
        String type = spec.path("type").asText("ClusterIP");
        if (type.equals("ExternalName")) {
            return;
        }
        List<ObjectNode> others = context.all(ResourceTypes.of("v1", "Service")).stream()
                .filter(s -> !sameObject(s, service)).toList();
        String clusterIp = spec.path("clusterIP").asText("");
        if (clusterIp.isEmpty()) {
            JsonNode ips = spec.path("clusterIPs");
            clusterIp = ips.isArray() && !ips.isEmpty() ? ips.get(0).asText("") : "";
        }
        if (!clusterIp.equals("None") && !ownIps.contains(clusterIp)) {
            Set<String> used = new HashSet<>();
            others.forEach(s -> used.add(s.path("spec").path("clusterIP").asText("")));
            clusterIp = ServiceAllocator.clusterIp(clusterIp, used, context.random());
        }
        spec.put("clusterIP", clusterIp);
        ArrayNode ips = spec.putArray("clusterIPs");
        ips.add(clusterIp);
        if (!spec.has("ipFamilies")) {
            spec.putArray("ipFamilies").add("IPv4");
        }
        if (!spec.has("ipFamilyPolicy")) {
            spec.put("ipFamilyPolicy", "SingleStack");
        }
        if (needsNodePorts(type)) {
            Set<Integer> used = new HashSet<>();
            others.forEach(s -> s.path("spec").path("ports").forEach(p -> used.add(p.path("nodePort").asInt(0))));
            int index = 0;
            for (JsonNode port : spec.path("ports")) {
                if (!(port instanceof ObjectNode)) {
                    index++;
                    continue; // validation reports it
                }
                int requested = port.path("nodePort").asInt(0);
                if (!ownPorts.contains(requested) || requested == 0) {
                    int chosen = ServiceAllocator.nodePort(requested, used, context.random(), index);
                    ((ObjectNode) port).put("nodePort", chosen);
                    used.add(chosen);
                }
                index++;
            }
        }
    }

    private static boolean sameObject(ObjectNode a, ObjectNode b) {
        return a.path("metadata").path("namespace").asText().equals(b.path("metadata").path("namespace").asText())
                && a.path("metadata").path("name").asText().equals(b.path("metadata").path("name").asText());
    }
}
