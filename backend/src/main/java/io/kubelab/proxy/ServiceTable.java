package io.kubelab.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What kube-proxy programs, computed from Services and EndpointSlices alone (pkg/proxy's ServicePortMap and
 * EndpointsMap): every service port with an IP, and its endpoints sorted by {@code ip:port} as
 * endpointslicecache returns them.
 */
public final class ServiceTable {

    private static final int DEFAULT_STICKY_SECONDS = 10800;

    /** Service ports by name, in name order (kube-proxy iterates a map; we keep output stable). */
    private final Map<String, ServicePort> ports = new TreeMap<>();
    private final Map<String, List<ProxyEndpoint>> endpoints = new LinkedHashMap<>();

    public static ServiceTable build(Collection<ObjectNode> services, Collection<ObjectNode> slices, String nodeName) {
        ServiceTable table = new ServiceTable();
        Map<String, ObjectNode> byName = new LinkedHashMap<>();
        for (ObjectNode service : services) {
            byName.put(namespace(service) + "/" + service.path("metadata").path("name").asText(), service);
            table.addService(service);
        }
        Map<String, Map<String, ProxyEndpoint>> found = new TreeMap<>();
        for (ObjectNode slice : slices) {
            String service = slice.path("metadata").path("labels").path("kubernetes.io/service-name").asText("");
            if (service.isEmpty() || !slice.path("addressType").asText().equals("IPv4")
                    || !byName.containsKey(namespace(slice) + "/" + service)) {
                continue;
            }
            for (JsonNode port : slice.path("ports")) {
                String portName = port.path("name").asText("");
                String key = namespace(slice) + "/" + service + (portName.isEmpty() ? "" : ":" + portName);
                ServicePort servicePort = table.ports.get(key);
                if (servicePort == null || !port.has("port")
                        || !servicePort.protocol().equals(port.path("protocol").asText("TCP").toLowerCase())) {
                    continue;
                }
                for (JsonNode endpoint : slice.path("endpoints")) {
                    JsonNode conditions = endpoint.path("conditions");
                    boolean ready = conditions.path("ready").asBoolean(true);
                    boolean serving = conditions.has("serving") && !conditions.get("serving").isNull()
                            ? conditions.get("serving").asBoolean() : ready;
                    boolean terminating = conditions.path("terminating").asBoolean(false);
                    String node = endpoint.path("nodeName").asText("");
                    if (endpoint.path("addresses").isEmpty()) {
                        continue;
                    }
                    ProxyEndpoint e = new ProxyEndpoint(endpoint.path("addresses").get(0).asText(),
                            port.path("port").asInt(), ready, serving, terminating, node,
                            !node.isEmpty() && node.equals(nodeName));
                    found.computeIfAbsent(key, k -> new TreeMap<>()).putIfAbsent(e.toString(), e);
                }
            }
        }
        for (String key : table.ports.keySet()) {
            table.endpoints.put(key, List.copyOf(found.getOrDefault(key, Map.of()).values()));
        }
        return table;
    }

    private void addService(ObjectNode service) {
        JsonNode spec = service.path("spec");
        String clusterIp = spec.path("clusterIP").asText("");
        if (clusterIp.isEmpty() || clusterIp.equals("None") || spec.path("type").asText().equals("ExternalName")) {
            return;
        }
        String base = namespace(service) + "/" + service.path("metadata").path("name").asText();
        int sticky = spec.path("sessionAffinity").asText("None").equals("ClientIP")
                ? spec.path("sessionAffinityConfig").path("clientIP").path("timeoutSeconds").asInt(DEFAULT_STICKY_SECONDS)
                : 0;
        List<String> lbIps = new ArrayList<>();
        for (JsonNode ingress : service.path("status").path("loadBalancer").path("ingress")) {
            if (!ingress.path("ip").asText("").isEmpty() && !ingress.path("ipMode").asText("VIP").equals("Proxy")) {
                lbIps.add(ingress.path("ip").asText());
            }
        }
        for (JsonNode port : spec.path("ports")) {
            String name = port.path("name").asText("");
            String key = base + (name.isEmpty() ? "" : ":" + name);
            ports.put(key, new ServicePort(key, port.path("protocol").asText("TCP").toLowerCase(), clusterIp,
                    port.path("port").asInt(), port.path("nodePort").asInt(0), strings(spec.path("externalIPs")),
                    List.copyOf(lbIps), strings(spec.path("loadBalancerSourceRanges")), sticky,
                    spec.path("internalTrafficPolicy").asText("Cluster").equals("Local"),
                    spec.path("externalTrafficPolicy").asText("Cluster").equals("Local"),
                    spec.path("healthCheckNodePort").asInt(0)));
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return List.copyOf(out);
    }

    private static String namespace(JsonNode object) {
        return object.path("metadata").path("namespace").asText("");
    }

    public Collection<ServicePort> ports() {
        return ports.values();
    }

    public List<ProxyEndpoint> endpoints(ServicePort port) {
        return endpoints.getOrDefault(port.name(), List.of());
    }

    public int endpointCount() {
        return endpoints.values().stream().mapToInt(List::size).sum();
    }
}
