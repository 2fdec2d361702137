package io.kubelab.dns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.controller.Informer;
import io.kubelab.controller.Informers;
import io.kubelab.model.ResourceTypes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * CoreDNS with kubeadm's Corefile ({@code kubernetes cluster.local in-addr.arpa ip6.arpa { pods insecure }}):
 * answers from Services and EndpointSlices as they are now. Service names give the cluster IP, headless
 * services their ready endpoints, {@code hostname.service} a StatefulSet pod, {@code a-b-c-d.ns.pod} a pod IP,
 * ExternalName services a CNAME. The sandbox has no upstream resolver: other names are NXDOMAIN.
 */
public final class CoreDns {

    public static final String DOMAIN = "cluster.local";
    public static final String SERVICE_IP = "10.96.0.10";
    /** resolv.conf's {@code options ndots:5} in a ClusterFirst pod. */
    static final int NDOTS = 5;

    private final Informer services;
    private final Informer slices;

    public CoreDns(Informers informers) {
        this.services = informers.of(ResourceTypes.of("v1", "Service"));
        this.slices = informers.of(ResourceTypes.of("discovery.k8s.io/v1", "EndpointSlice"));
    }

    /** The search path a ClusterFirst pod in {@code namespace} gets in its resolv.conf. */
    public static List<String> searchPath(String namespace) {
        return List.of(namespace + ".svc." + DOMAIN, "svc." + DOMAIN, DOMAIN);
    }

    /** Resolves {@code name} as the resolver of a pod in {@code namespace} would: search path first when short. */
    public DnsAnswer resolve(String name, String namespace) {
        String query = name.toLowerCase(Locale.ROOT);
        if (query.endsWith(".")) {
            return lookup(query.substring(0, query.length() - 1));
        }
        List<String> candidates = new ArrayList<>();
        long dots = query.chars().filter(c -> c == '.').count();
        if (dots >= NDOTS) {
            candidates.add(query);
        }
        for (String domain : searchPath(namespace)) {
            candidates.add(query + "." + domain);
        }
        if (dots < NDOTS) {
            candidates.add(query);
        }
        DnsAnswer last = new DnsAnswer(query, "", List.of());
        for (String candidate : candidates) {
            last = lookup(candidate);
            if (last.found()) {
                return last;
            }
        }
        return last;
    }

    /** One fully qualified name, no search path. */
    public DnsAnswer lookup(String fqdn) {
        String suffix = "." + DOMAIN;
        if (!fqdn.endsWith(suffix)) {
            return new DnsAnswer(fqdn, "", List.of());
        }
        String[] labels = fqdn.substring(0, fqdn.length() - suffix.length()).split("\\.");
        if (labels.length == 3 && labels[2].equals("svc")) {
            return service(fqdn, labels[1], labels[0]);
        }
        if (labels.length == 4 && labels[3].equals("svc")) {
            return endpoint(fqdn, labels[2], labels[1], labels[0]);
        }
        if (labels.length == 3 && labels[2].equals("pod")) {
            return dashedIp(labels[0]).map(ip -> new DnsAnswer(fqdn, "", List.of(ip)))
                    .orElse(new DnsAnswer(fqdn, "", List.of()));
        }
        return new DnsAnswer(fqdn, "", List.of());
    }

    private DnsAnswer service(String fqdn, String namespace, String name) {
        Optional<ObjectNode> service = services.get(namespace + "/" + name);
        if (service.isEmpty()) {
            return new DnsAnswer(fqdn, "", List.of());
        }
        JsonNode spec = service.get().path("spec");
        if (spec.path("type").asText().equals("ExternalName")) {
            return new DnsAnswer(fqdn, spec.path("externalName").asText(), List.of());
        }
        String clusterIp = spec.path("clusterIP").asText("");
        if (!clusterIp.isEmpty() && !clusterIp.equals("None")) {
            return new DnsAnswer(fqdn, "", List.of(clusterIp));
        }
        Set<String> ips = new LinkedHashSet<>();
        for (JsonNode endpoint : endpoints(namespace, name)) {
            ips.add(endpoint.path("addresses").path(0).asText());
        }
        return new DnsAnswer(fqdn, "", List.copyOf(ips));
    }

    private DnsAnswer endpoint(String fqdn, String namespace, String service, String host) {
        Optional<String> dashed = dashedIp(host);
        for (JsonNode endpoint : endpoints(namespace, service)) {
            String ip = endpoint.path("addresses").path(0).asText();
            if (host.equals(endpoint.path("hostname").asText()) || dashed.map(ip::equals).orElse(false)) {
                return new DnsAnswer(fqdn, "", List.of(ip));
            }
        }
        return new DnsAnswer(fqdn, "", List.of());
    }

    /** The ready endpoints of a service, over all its slices. */
    private List<JsonNode> endpoints(String namespace, String service) {
        List<JsonNode> out = new ArrayList<>();
        for (ObjectNode slice : slices.list()) {
            if (slice.path("metadata").path("namespace").asText().equals(namespace)
                    && slice.path("metadata").path("labels").path("kubernetes.io/service-name").asText().equals(service)) {
                for (JsonNode endpoint : slice.path("endpoints")) {
                    if (endpoint.path("conditions").path("ready").asBoolean(true)
                            && !endpoint.path("addresses").isEmpty()) {
                        out.add(endpoint);
                    }
                }
            }
        }
        return out;
    }

    private static Optional<String> dashedIp(String label) {
        String[] parts = label.split("-");
        if (parts.length != 4) {
            return Optional.empty();
        }
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
                return Optional.empty();
            }
        }
        return Optional.of(String.join(".", parts));
    }
}
