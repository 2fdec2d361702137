package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.StatusException;
import io.kubelab.model.Quantity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_0;
import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_1;

/** kubectl's {@code NodeDescriber}: conditions, capacity, system info, the node's pods and what they request. */
final class NodeDescriber {

    private static final String ROLE_PREFIX = "node-role.kubernetes.io/";
    private static final String ROLE_LABEL = "kubernetes.io/role";
    private static final String NODE_LEASE_NAMESPACE = "kube-node-lease";
    private static final String FORBIDDEN = "Forbidden";

    private NodeDescriber() {
    }

    static void describe(DescribeContext ctx, ObjectNode node, PrefixWriter w) {
        String name = J.str(node, "metadata", "name");
        List<JsonNode> pods = null;
        try {
            pods = Fetch.list(ctx, Fetch.PODS, "", "",
                    "spec.nodeName=" + name + ",status.phase!=Succeeded,status.phase!=Failed");
        } catch (StatusException e) {
            if (!FORBIDDEN.equals(e.status().reason())) {
                throw e;
            }
        }
        Optional<List<JsonNode>> events = Optional.empty();
        if (ctx.showEvents()) {
            // Controllers name a node by its uid, the kubelet by its name: kubectl asks for both.
            List<JsonNode> all = new ArrayList<>(EventsSection.search(ctx, "", name, "Node", J.str(node, "metadata", "uid"))
                    .orElse(List.of()));
            all.addAll(EventsSection.search(ctx, "", name, "Node", name).orElse(List.of()));
            events = Optional.of(all);
        }
        JsonNode spec = node.path("spec");
        JsonNode status = node.path("status");
        Meta.name(w, node);
        TreeSet<String> roles = new TreeSet<>();
        J.map(node, "metadata", "labels").forEach((k, v) -> {
            if (k.startsWith(ROLE_PREFIX) && k.length() > ROLE_PREFIX.length()) {
                roles.add(k.substring(ROLE_PREFIX.length()));
            } else if (k.equals(ROLE_LABEL) && !v.isEmpty()) {
                roles.add(v);
            }
        });
        w.write(LEVEL_0, "Roles:\t" + (roles.isEmpty() ? Meta.NONE : String.join(",", roles)) + "\n");
        Meta.labels(w, node);
        Meta.annotations(w, node);
        Meta.created(w, node);
        Meta.taints(w, "Taints", J.list(spec, "taints"));
        w.write(LEVEL_0, "Unschedulable:\t" + J.bool(spec, "unschedulable") + "\n");
        lease(ctx, name, w);
        List<JsonNode> conditions = J.list(status, "conditions");
        if (!conditions.isEmpty()) {
            w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
            w.write(LEVEL_1, "----\t------\t-----------------\t------------------\t------\t-------\n");
            for (JsonNode c : conditions) {
                w.write(LEVEL_1, J.str(c, "type") + " \t" + J.str(c, "status") + " \t"
                        + Ages.date(J.str(c, "lastHeartbeatTime")) + " \t" + Ages.date(J.str(c, "lastTransitionTime")) + " \t"
                        + J.str(c, "reason") + " \t" + J.str(c, "message") + "\n");
            }
        }
        w.write(LEVEL_0, "Addresses:\n");
        for (JsonNode a : J.list(status, "addresses")) {
            w.write(LEVEL_1, J.str(a, "type") + ":\t" + J.str(a, "address") + "\n");
        }
        resourceList(w, "Capacity:\n", J.map(status, "capacity"));
        resourceList(w, "Allocatable:\n", J.map(status, "allocatable"));
        JsonNode info = status.path("nodeInfo");
        w.write(LEVEL_0, "System Info:\n");
        w.write(LEVEL_0, "  Machine ID:\t" + J.str(info, "machineID") + "\n");
        w.write(LEVEL_0, "  System UUID:\t" + J.str(info, "systemUUID") + "\n");
        w.write(LEVEL_0, "  Boot ID:\t" + J.str(info, "bootID") + "\n");
        w.write(LEVEL_0, "  Kernel Version:\t" + J.str(info, "kernelVersion") + "\n");
        w.write(LEVEL_0, "  OS Image:\t" + J.str(info, "osImage") + "\n");
        w.write(LEVEL_0, "  Operating System:\t" + J.str(info, "operatingSystem") + "\n");
        w.write(LEVEL_0, "  Architecture:\t" + J.str(info, "architecture") + "\n");
        w.write(LEVEL_0, "  Container Runtime Version:\t" + J.str(info, "containerRuntimeVersion") + "\n");
        w.write(LEVEL_0, "  Kubelet Version:\t" + J.str(info, "kubeletVersion") + "\n");
        w.write(LEVEL_0, "  Kube-Proxy Version:\t" + J.str(info, "kubeProxyVersion") + "\n");
        if (!J.str(spec, "podCIDR").isEmpty()) {
            w.write(LEVEL_0, "PodCIDR:\t" + J.str(spec, "podCIDR") + "\n");
        }
        if (!J.list(spec, "podCIDRs").isEmpty()) {
            w.write(LEVEL_0, "PodCIDRs:\t" + String.join(",", J.strings(spec, "podCIDRs")) + "\n");
        }
        if (!J.str(spec, "providerID").isEmpty()) {
            w.write(LEVEL_0, "ProviderID:\t" + J.str(spec, "providerID") + "\n");
        }
        if (pods != null) {
            NodeResources.write(w, pods, node, ctx.now());
        } else {
            w.write(LEVEL_0, "Pods:\tnot authorized\n");
        }
        EventsSection.write(events, w, ctx.now());
    }

    private static void lease(DescribeContext ctx, String name, PrefixWriter w) {
        JsonNode lease;
        try {
            lease = Fetch.get(ctx, Fetch.LEASES, NODE_LEASE_NAMESPACE, name);
        } catch (StatusException e) {
            w.write(LEVEL_0, "Lease:\tFailed to get lease: " + e.getMessage() + "\n");
            return;
        }
        JsonNode spec = lease.path("spec");
        w.write(LEVEL_0, "Lease:\n");
        w.write(LEVEL_1, "HolderIdentity:\t" + (J.has(spec, "holderIdentity") ? J.str(spec, "holderIdentity") : Meta.UNSET) + "\n");
        w.write(LEVEL_1, "AcquireTime:\t" + (J.has(spec, "acquireTime") ? Ages.date(J.str(spec, "acquireTime")) : Meta.UNSET) + "\n");
        w.write(LEVEL_1, "RenewTime:\t" + (J.has(spec, "renewTime") ? Ages.date(J.str(spec, "renewTime")) : Meta.UNSET) + "\n");
    }

    private static void resourceList(PrefixWriter w, String title, Map<String, String> list) {
        if (list.isEmpty()) {
            return;
        }
        w.write(LEVEL_0, title);
        for (Map.Entry<String, String> e : new TreeMap<>(list).entrySet()) {
            w.write(LEVEL_0, "  " + e.getKey() + ":\t" + Quantities.text(e.getValue()) + "\n");
        }
    }

    static Quantity quantity(Map<String, String> list, String name) {
        String v = list.get(name);
        return v == null ? Quantities.ZERO : Quantity.parse(v);
    }
}
