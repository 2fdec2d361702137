package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_0;
import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_1;
import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_2;
import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_3;

/** kubectl's Service, Endpoints and EndpointSlice describers. */
final class ServiceDescribers {

    static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

    private ServiceDescribers() {
    }

    /** The EndpointSlices of a service, as the service and ingress describers list them (errors ignored). */
    static List<JsonNode> slicesOf(DescribeContext ctx, String namespace, String service) {
        return Fetch.listOrEmpty(ctx, Fetch.ENDPOINT_SLICES, namespace, SERVICE_NAME_LABEL + "=" + service, "");
    }

    static void service(DescribeContext ctx, ObjectNode svc, PrefixWriter w) {
        List<JsonNode> slices = slicesOf(ctx, J.str(svc, "metadata", "namespace"), J.str(svc, "metadata", "name"));
        Optional<List<JsonNode>> events = EventsSection.about(ctx, svc);
        JsonNode spec = svc.path("spec");
        Meta.name(w, svc);
        Meta.namespace(w, svc);
        Meta.labels(w, svc);
        Meta.annotations(w, svc);
        w.write(LEVEL_0, "Selector:\t" + Meta.formatLabels(J.map(spec, "selector")) + "\n");
        w.write(LEVEL_0, "Type:\t" + J.str(spec, "type") + "\n");
        if (J.has(spec, "ipFamilyPolicy")) {
            w.write(LEVEL_0, "IP Family Policy:\t" + J.str(spec, "ipFamilyPolicy") + "\n");
        }
        List<String> families = J.strings(spec, "ipFamilies");
        w.write(LEVEL_0, "IP Families:\t" + (families.isEmpty() ? Meta.NONE : String.join(",", families)) + "\n");
        w.write(LEVEL_0, "IP:\t" + J.str(spec, "clusterIP") + "\n");
        List<String> ips = J.strings(spec, "clusterIPs");
        w.write(LEVEL_0, "IPs:\t" + (ips.isEmpty() ? Meta.NONE : String.join(",", ips)) + "\n");
        if (!J.list(spec, "externalIPs").isEmpty()) {
            w.write(LEVEL_0, "External IPs:\t" + String.join(",", J.strings(spec, "externalIPs")) + "\n");
        }
        if (!J.str(spec, "loadBalancerIP").isEmpty()) {
            w.write(LEVEL_0, "Desired LoadBalancer IP:\t" + J.str(spec, "loadBalancerIP") + "\n");
        }
        if (!J.str(spec, "externalName").isEmpty()) {
            w.write(LEVEL_0, "External Name:\t" + J.str(spec, "externalName") + "\n");
        }
        List<JsonNode> ingress = J.list(svc, "status", "loadBalancer", "ingress");
        if (!ingress.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode i : ingress) {
                if (!J.str(i, "ip").isEmpty()) {
                    parts.add(J.str(i, "ip") + (J.has(i, "ipMode") ? " (" + J.str(i, "ipMode") + ")" : ""));
                } else {
                    parts.add(J.str(i, "hostname"));
                }
            }
            w.write(LEVEL_0, "LoadBalancer Ingress:\t" + String.join(", ", parts) + "\n");
        }
        for (JsonNode port : J.list(spec, "ports")) {
            String name = J.str(port, "name");
            String shown = name.isEmpty() ? Meta.UNSET : name;
            String protocol = J.str(port, "protocol");
            w.write(LEVEL_0, "Port:\t" + shown + "\t" + J.num(port, "port") + "/" + protocol + "\n");
            w.write(LEVEL_0, "TargetPort:\t" + J.intOrString(port.path("targetPort")) + "/" + protocol + "\n");
            if (J.num(port, "nodePort") != 0) {
                w.write(LEVEL_0, "NodePort:\t" + shown + "\t" + J.num(port, "nodePort") + "/" + protocol + "\n");
            }
            w.write(LEVEL_0, "Endpoints:\t" + formatSlices(slices, name) + "\n");
        }
        w.write(LEVEL_0, "Session Affinity:\t" + J.str(spec, "sessionAffinity") + "\n");
        if (!J.str(spec, "externalTrafficPolicy").isEmpty()) {
            w.write(LEVEL_0, "External Traffic Policy:\t" + J.str(spec, "externalTrafficPolicy") + "\n");
        }
        if (J.has(spec, "internalTrafficPolicy")) {
            w.write(LEVEL_0, "Internal Traffic Policy:\t" + J.str(spec, "internalTrafficPolicy") + "\n");
        }
        if (J.num(spec, "healthCheckNodePort") != 0) {
            w.write(LEVEL_0, "HealthCheck NodePort:\t" + J.num(spec, "healthCheckNodePort") + "\n");
        }
        if (!J.list(spec, "loadBalancerSourceRanges").isEmpty()) {
            w.write(LEVEL_0, "LoadBalancer Source Ranges:\t" + String.join(",", J.strings(spec, "loadBalancerSourceRanges")) + "\n");
        }
        EventsSection.write(events, w, ctx.now());
    }

    /** {@code formatEndpointSlices} for one port name: the first three ready addresses and how many more. */
    static String formatSlices(List<JsonNode> slices, String portName) {
        if (slices.isEmpty()) {
            return Meta.NONE;
        }
        List<String> list = new ArrayList<>();
        int max = 3;
        boolean more = false;
        int count = 0;
        for (JsonNode slice : slices) {
            List<JsonNode> ports = J.list(slice, "ports");
            if (ports.isEmpty()) {
                for (JsonNode e : J.list(slice, "endpoints")) {
                    if (list.size() == max) {
                        more = true;
                    }
                    if (!ready(e)) {
                        continue;
                    }
                    if (!more) {
                        list.add(J.at(e, "addresses").path(0).asText(""));
                    }
                    count++;
                }
            } else {
                for (JsonNode port : ports) {
                    if (!J.str(port, "name").equals(portName)) {
                        continue;
                    }
                    for (JsonNode e : J.list(slice, "endpoints")) {
                        if (list.size() == max) {
                            more = true;
                        }
                        if (!ready(e)) {
                            continue;
                        }
                        if (!more) {
                            String addr = J.at(e, "addresses").path(0).asText("");
                            String host = addr.contains(":") ? "[" + addr + "]" : addr;
                            list.add(host + ":" + J.num(port, "port"));
                        }
                        count++;
                    }
                }
            }
        }
        String ret = String.join(",", list);
        return more ? ret + " + " + (count - max) + " more..." : ret;
    }

    /** A nil ready condition means unknown, which consumers take as ready. */
    private static boolean ready(JsonNode endpoint) {
        JsonNode r = J.at(endpoint, "conditions", "ready");
        return r.isMissingNode() || r.isNull() || r.asBoolean();
    }

    static void endpoints(DescribeContext ctx, ObjectNode ep, PrefixWriter w) {
        Optional<List<JsonNode>> events = EventsSection.about(ctx, ep);
        Meta.name(w, ep);
        Meta.namespace(w, ep);
        Meta.labels(w, ep);
        Meta.annotations(w, ep);
        w.write(LEVEL_0, "Subsets:\n");
        for (JsonNode subset : J.list(ep, "subsets")) {
            w.write(LEVEL_1, "Addresses:\t" + ips(J.list(subset, "addresses")) + "\n");
            w.write(LEVEL_1, "NotReadyAddresses:\t" + ips(J.list(subset, "notReadyAddresses")) + "\n");
            List<JsonNode> ports = J.list(subset, "ports");
            if (!ports.isEmpty()) {
                w.write(LEVEL_1, "Ports:\n");
                w.write(LEVEL_2, "Name\tPort\tProtocol\n");
                w.write(LEVEL_2, "----\t----\t--------\n");
                for (JsonNode p : ports) {
                    String name = J.str(p, "name");
                    w.write(LEVEL_2, (name.isEmpty() ? Meta.UNSET : name) + "\t" + J.num(p, "port") + "\t" + J.str(p, "protocol") + "\n");
                }
            }
            w.write(LEVEL_0, "\n");
        }
        EventsSection.write(events, w, ctx.now());
    }

    private static String ips(List<JsonNode> addresses) {
        List<String> out = new ArrayList<>();
        for (JsonNode a : addresses) {
            out.add(J.str(a, "ip"));
        }
        return out.isEmpty() ? Meta.NONE : String.join(",", out);
    }

    static void endpointSlice(DescribeContext ctx, ObjectNode eps, PrefixWriter w) {
        Optional<List<JsonNode>> events = EventsSection.about(ctx, eps);
        Meta.name(w, eps);
        Meta.namespace(w, eps);
        Meta.labels(w, eps);
        Meta.annotations(w, eps);
        w.write(LEVEL_0, "AddressType:\t" + J.str(eps, "addressType") + "\n");
        List<JsonNode> ports = J.list(eps, "ports");
        if (ports.isEmpty()) {
            w.write(LEVEL_0, "Ports: <unset>\n");
        } else {
            w.write(LEVEL_0, "Ports:\n");
            w.write(LEVEL_1, "Name\tPort\tProtocol\n");
            w.write(LEVEL_1, "----\t----\t--------\n");
            for (JsonNode p : ports) {
                String name = J.str(p, "name");
                w.write(LEVEL_1, (name.isEmpty() ? Meta.UNSET : name) + "\t"
                        + (J.has(p, "port") ? String.valueOf(J.num(p, "port")) : Meta.UNSET) + "\t" + J.str(p, "protocol") + "\n");
            }
        }
        List<JsonNode> endpoints = J.list(eps, "endpoints");
        if (endpoints.isEmpty()) {
            w.write(LEVEL_0, "Endpoints: <none>\n");
        } else {
            w.write(LEVEL_0, "Endpoints:\n");
            for (JsonNode e : endpoints) {
                List<String> addresses = J.strings(e, "addresses");
                w.write(LEVEL_1, "- Addresses:\t" + (addresses.isEmpty() ? Meta.NONE : String.join(", ", addresses)) + "\n");
                w.write(LEVEL_2, "Conditions:\n");
                JsonNode ready = J.at(e, "conditions", "ready");
                w.write(LEVEL_3, "Ready:\t" + (J.has(ready) ? String.valueOf(ready.asBoolean()) : Meta.UNSET) + "\n");
                w.write(LEVEL_2, "Hostname:\t" + (J.has(e, "hostname") ? J.str(e, "hostname") : Meta.UNSET) + "\n");
                if (e.path("targetRef").isObject()) {
                    w.write(LEVEL_2, "TargetRef:\t" + J.str(e, "targetRef", "kind") + "/" + J.str(e, "targetRef", "name") + "\n");
                }
                w.write(LEVEL_2, "NodeName:\t" + (J.has(e, "nodeName") ? J.str(e, "nodeName") : Meta.UNSET) + "\n");
                w.write(LEVEL_2, "Zone:\t" + (J.has(e, "zone") ? J.str(e, "zone") : Meta.UNSET) + "\n");
            }
        }
        EventsSection.write(events, w, ctx.now());
    }
}
