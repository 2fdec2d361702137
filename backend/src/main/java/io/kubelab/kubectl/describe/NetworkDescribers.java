package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.StatusException;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_0;
import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_1;
import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_2;

/** kubectl's Ingress, IngressClass and NetworkPolicy describers. */
final class NetworkDescribers {

    /** Go's {@code time.Time.String()} in UTC, which the NetworkPolicy describer prints its creation time with. */
    private static final DateTimeFormatter GO_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private NetworkDescribers() {
    }

    static void ingress(DescribeContext ctx, ObjectNode ing, PrefixWriter w) {
        Optional<List<JsonNode>> events = EventsSection.about(ctx, ing);
        String ns = J.str(ing, "metadata", "namespace");
        JsonNode spec = ing.path("spec");
        Meta.name(w, ing);
        Meta.labels(w, ing);
        Meta.namespace(w, ing);
        TreeSet<String> addresses = new TreeSet<>();
        for (JsonNode i : J.list(ing, "status", "loadBalancer", "ingress")) {
            if (!J.str(i, "ip").isEmpty()) {
                addresses.add(J.str(i, "ip"));
            } else if (!J.str(i, "hostname").isEmpty()) {
                addresses.add(J.str(i, "hostname"));
            }
        }
        w.write(LEVEL_0, "Address:\t" + String.join(",", addresses) + "\n");
        w.write(LEVEL_0, "Ingress Class:\t" + (J.has(spec, "ingressClassName") ? J.str(spec, "ingressClassName") : Meta.NONE) + "\n");
        String defaultBackend = spec.path("defaultBackend").isObject() ? backend(ctx, ns, spec.path("defaultBackend")) : "<default>";
        w.write(LEVEL_0, "Default backend:\t" + defaultBackend + "\n");
        List<JsonNode> tls = J.list(spec, "tls");
        if (!tls.isEmpty()) {
            w.write(LEVEL_0, "TLS:\n");
            for (JsonNode t : tls) {
                String hosts = String.join(",", J.strings(t, "hosts"));
                if (J.str(t, "secretName").isEmpty()) {
                    w.write(LEVEL_1, "SNI routes " + hosts + "\n");
                } else {
                    w.write(LEVEL_1, J.str(t, "secretName") + " terminates " + hosts + "\n");
                }
            }
        }
        w.write(LEVEL_0, "Rules:\n  Host\tPath\tBackends\n");
        w.write(LEVEL_1, "----\t----\t--------\n");
        int count = 0;
        for (JsonNode rule : J.list(spec, "rules")) {
            if (!rule.path("http").isObject()) {
                continue;
            }
            count++;
            String host = J.str(rule, "host");
            w.write(LEVEL_1, (host.isEmpty() ? "*" : host) + "\t\n");
            for (JsonNode path : J.list(rule, "http", "paths")) {
                w.write(LEVEL_2, "\t" + J.str(path, "path") + " \t" + backend(ctx, ns, path.path("backend")) + "\n");
            }
        }
        if (count == 0) {
            w.write(LEVEL_1, "*\t*\t" + defaultBackend + "\n");
        }
        Meta.annotations(w, ing);
        EventsSection.write(events, w, ctx.now());
    }

    /** {@code describeBackendV1}: {@code svc:80 (10.244.1.2:80)}, or the resource a backend names. */
    private static String backend(DescribeContext ctx, String ns, JsonNode backend) {
        if (backend.path("service").isObject()) {
            JsonNode svcRef = backend.path("service");
            long number = J.num(svcRef, "port", "number");
            String sb = J.str(svcRef, "name") + ":" + (number != 0 ? String.valueOf(number) : J.str(svcRef, "port", "name"));
            List<JsonNode> slices = ServiceDescribers.slicesOf(ctx, ns, J.str(svcRef, "name"));
            JsonNode service;
            try {
                service = Fetch.get(ctx, Fetch.SERVICES, ns, J.str(svcRef, "name"));
            } catch (StatusException e) {
                return sb + " (<error: " + e.getMessage() + ">)";
            }
            String spName = "";
            for (JsonNode sp : J.list(service, "spec", "ports")) {
                if (number != 0 && number == J.num(sp, "port")) {
                    spName = J.str(sp, "name");
                } else if (!J.str(svcRef, "port", "name").isEmpty() && J.str(svcRef, "port", "name").equals(J.str(sp, "name"))) {
                    spName = J.str(sp, "name");
                }
            }
            return sb + " (" + ServiceDescribers.formatSlices(slices, spName) + ")";
        }
        if (backend.path("resource").isObject()) {
            JsonNode r = backend.path("resource");
            return "APIGroup: " + (J.has(r, "apiGroup") ? J.str(r, "apiGroup") : Meta.NONE) + ", Kind: " + J.str(r, "kind")
                    + ", Name: " + J.str(r, "name");
        }
        return "";
    }

    static void ingressClass(DescribeContext ctx, ObjectNode ic, PrefixWriter w) {
        Optional<List<JsonNode>> events = EventsSection.about(ctx, ic);
        Meta.name(w, ic);
        Meta.labels(w, ic);
        Meta.annotations(w, ic);
        w.write(LEVEL_0, "Controller:\t" + J.str(ic, "spec", "controller") + "\n");
        JsonNode p = J.at(ic, "spec", "parameters");
        if (p.isObject()) {
            w.write(LEVEL_0, "Parameters:\n");
            if (J.has(p, "apiGroup")) {
                w.write(LEVEL_1, "APIGroup:\t" + J.str(p, "apiGroup") + "\n");
            }
            w.write(LEVEL_1, "Kind:\t" + J.str(p, "kind") + "\n");
            w.write(LEVEL_1, "Name:\t" + J.str(p, "name") + "\n");
        }
        EventsSection.write(events, w, ctx.now());
    }

    static void networkPolicy(DescribeContext ctx, ObjectNode np, PrefixWriter w) {
        JsonNode spec = np.path("spec");
        Meta.name(w, np);
        Meta.namespace(w, np);
        Instant created = Ages.parse(J.str(np, "metadata", "creationTimestamp"));
        w.write(LEVEL_0, "Created on:\t" + (created == null ? "0001-01-01 00:00:00 +0000 UTC" : GO_TIME.format(created)) + "\n");
        Meta.labels(w, np);
        Meta.annotations(w, np);
        w.write(LEVEL_0, "Spec:\n");
        w.write(LEVEL_1, "PodSelector: ");
        JsonNode podSelector = spec.path("podSelector");
        if (J.map(podSelector, "matchLabels").isEmpty() && J.list(podSelector, "matchExpressions").isEmpty()) {
            w.write(LEVEL_2, "<none> (Allowing the specific traffic to all pods in this namespace)\n");
        } else {
            w.write(LEVEL_2, Meta.formatSelector(podSelector) + "\n");
        }
        List<String> types = J.strings(spec, "policyTypes");
        if (types.contains("Ingress")) {
            w.write(LEVEL_1, "Allowing ingress traffic:\n");
            rules(w, J.list(spec, "ingress"), "from", "From", "source", "ingress");
        } else {
            w.write(LEVEL_1, "Not affecting ingress traffic\n");
        }
        if (types.contains("Egress")) {
            w.write(LEVEL_1, "Allowing egress traffic:\n");
            rules(w, J.list(spec, "egress"), "to", "To", "destination", "egress");
        } else {
            w.write(LEVEL_1, "Not affecting egress traffic\n");
        }
        w.write(LEVEL_1, "Policy Types: " + (types.isEmpty() ? Meta.NONE : String.join(", ", types)) + "\n");
    }

    /** {@code printNetworkPolicySpecIngressFrom} and {@code ...EgressTo}, which differ only in their words. */
    private static void rules(PrefixWriter w, List<JsonNode> rules, String peersField, String peerWord, String restricted,
                              String direction) {
        String indent = "    ";
        if (rules.isEmpty()) {
            w.write(LEVEL_0, indent + "<none> (Selected pods are isolated for " + direction + " connectivity)\n");
            return;
        }
        for (int i = 0; i < rules.size(); i++) {
            JsonNode rule = rules.get(i);
            List<JsonNode> ports = J.list(rule, "ports");
            if (ports.isEmpty()) {
                w.write(LEVEL_0, indent + "To Port: <any> (traffic allowed to all ports)\n");
            } else {
                for (JsonNode port : ports) {
                    String proto = J.has(port, "protocol") ? J.str(port, "protocol") : "TCP";
                    String p = J.has(port, "port") ? port.path("port").asText() : "%!s(<nil>)";
                    if (!J.has(port, "endPort")) {
                        w.write(LEVEL_0, indent + "To Port: " + p + "/" + proto + "\n");
                    } else {
                        w.write(LEVEL_0, indent + "To Port Range: " + p + "-" + J.num(port, "endPort") + "/" + proto + "\n");
                    }
                }
            }
            List<JsonNode> peers = J.list(rule, peersField);
            if (peers.isEmpty()) {
                w.write(LEVEL_0, indent + peerWord + ": <any> (traffic not restricted by " + restricted + ")\n");
            } else {
                for (JsonNode peer : peers) {
                    w.write(LEVEL_0, indent + peerWord + ":\n");
                    boolean pods = peer.path("podSelector").isObject();
                    boolean namespaces = peer.path("namespaceSelector").isObject();
                    if (pods && namespaces) {
                        w.write(LEVEL_1, indent + "NamespaceSelector: " + Meta.formatSelector(peer.path("namespaceSelector")) + "\n");
                        w.write(LEVEL_1, indent + "PodSelector: " + Meta.formatSelector(peer.path("podSelector")) + "\n");
                    } else if (pods) {
                        w.write(LEVEL_1, indent + "PodSelector: " + Meta.formatSelector(peer.path("podSelector")) + "\n");
                    } else if (namespaces) {
                        w.write(LEVEL_1, indent + "NamespaceSelector: " + Meta.formatSelector(peer.path("namespaceSelector")) + "\n");
                    } else if (peer.path("ipBlock").isObject()) {
                        w.write(LEVEL_1, indent + "IPBlock:\n");
                        w.write(LEVEL_2, indent + "CIDR: " + J.str(peer, "ipBlock", "cidr") + "\n");
                        w.write(LEVEL_2, indent + "Except: " + String.join(", ", J.strings(peer, "ipBlock", "except")) + "\n");
                    }
                }
            }
            if (i != rules.size() - 1) {
                w.write(LEVEL_0, indent + "----------\n");
            }
        }
    }
}
