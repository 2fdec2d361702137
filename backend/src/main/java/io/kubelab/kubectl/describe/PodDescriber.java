package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_0;
import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_1;

/** kubectl's {@code PodDescriber}. */
final class PodDescriber {

    private static final String MIRROR_POD = "kubernetes.io/config.mirror";

    private PodDescriber() {
    }

    static void describe(DescribeContext ctx, JsonNode pod, PrefixWriter w) {
        Optional<List<JsonNode>> events = Optional.empty();
        if (ctx.showEvents()) {
            // A reference without its kind; a mirror pod's events name the static pod's uid.
            String uid = J.str(pod, "metadata", "annotations", MIRROR_POD);
            if (uid.isEmpty()) {
                uid = J.str(pod, "metadata", "uid");
            }
            events = EventsSection.search(ctx, J.str(pod, "metadata", "namespace"), J.str(pod, "metadata", "name"), "", uid);
        }
        JsonNode spec = pod.path("spec");
        JsonNode status = pod.path("status");
        Meta.name(w, pod);
        Meta.namespace(w, pod);
        if (J.has(spec, "priority")) {
            w.write(LEVEL_0, "Priority:\t" + J.num(spec, "priority") + "\n");
        }
        if (!J.str(spec, "priorityClassName").isEmpty()) {
            w.write(LEVEL_0, "Priority Class Name:\t" + J.str(spec, "priorityClassName") + "\n");
        }
        if (!J.str(spec, "runtimeClassName").isEmpty()) {
            w.write(LEVEL_0, "Runtime Class Name:\t" + J.str(spec, "runtimeClassName") + "\n");
        }
        if (!J.str(spec, "serviceAccountName").isEmpty()) {
            w.write(LEVEL_0, "Service Account:\t" + J.str(spec, "serviceAccountName") + "\n");
        }
        if (J.str(spec, "nodeName").isEmpty()) {
            w.write(LEVEL_0, "Node:\t<none>\n");
        } else {
            w.write(LEVEL_0, "Node:\t" + J.str(spec, "nodeName") + "/" + J.str(status, "hostIP") + "\n");
        }
        if (J.has(status, "startTime")) {
            w.write(LEVEL_0, "Start Time:\t" + Ages.date(J.str(status, "startTime")) + "\n");
        }
        Meta.labels(w, pod);
        Meta.annotations(w, pod);
        String phase = J.str(status, "phase");
        if (J.has(pod, "metadata", "deletionTimestamp") && !phase.equals("Failed") && !phase.equals("Succeeded")) {
            w.write(LEVEL_0, "Status:\tTerminating (lasts " + Ages.since(J.str(pod, "metadata", "deletionTimestamp"), ctx.now()) + ")\n");
            w.write(LEVEL_0, "Termination Grace Period:\t" + J.num(pod, "metadata", "deletionGracePeriodSeconds") + "s\n");
        } else {
            w.write(LEVEL_0, "Status:\t" + phase + "\n");
        }
        if (!J.str(status, "reason").isEmpty()) {
            w.write(LEVEL_0, "Reason:\t" + J.str(status, "reason") + "\n");
        }
        if (!J.str(status, "message").isEmpty()) {
            w.write(LEVEL_0, "Message:\t" + J.str(status, "message") + "\n");
        }
        JsonNode seccomp = J.at(spec, "securityContext", "seccompProfile");
        if (seccomp.isObject()) {
            w.write(LEVEL_0, "SeccompProfile:\t" + J.str(seccomp, "type") + "\n");
            if (J.str(seccomp, "type").equals("Localhost")) {
                w.write(LEVEL_0, "LocalhostProfile:\t" + J.str(seccomp, "localhostProfile") + "\n");
            }
        }
        w.write(LEVEL_0, "IP:\t" + J.str(status, "podIP") + "\n");
        List<JsonNode> ips = J.list(status, "podIPs");
        if (ips.isEmpty()) {
            w.write(LEVEL_0, "IPs:\t<none>\n");
        } else {
            w.write(LEVEL_0, "IPs:\n");
            for (JsonNode ip : ips) {
                w.write(LEVEL_1, "IP:\t" + J.str(ip, "ip") + "\n");
            }
        }
        Meta.controlledBy(w, pod);
        if (!J.str(status, "nominatedNodeName").isEmpty()) {
            w.write(LEVEL_0, "NominatedNodeName:\t" + J.str(status, "nominatedNodeName") + "\n");
        }
        if (spec.path("resources").isObject()) {
            w.write(LEVEL_0, "Resources:\n");
            ContainersSection.resources(w, spec.path("resources"), LEVEL_1);
        }
        Function<JsonNode, String> resolver = e -> FieldPaths.value(pod, e.path("valueFrom").path("fieldRef"));
        if (!J.list(spec, "initContainers").isEmpty()) {
            ContainersSection.write(w, "Init Containers", J.list(spec, "initContainers"),
                    J.list(status, "initContainerStatuses"), resolver, "");
        }
        ContainersSection.write(w, "Containers", J.list(spec, "containers"), J.list(status, "containerStatuses"), resolver, "");
        if (!J.list(spec, "ephemeralContainers").isEmpty()) {
            ContainersSection.write(w, "Ephemeral Containers", J.list(spec, "ephemeralContainers"),
                    J.list(status, "ephemeralContainerStatuses"), resolver, "");
        }
        List<JsonNode> conditions = J.list(status, "conditions");
        List<JsonNode> gates = J.list(spec, "readinessGates");
        if (!gates.isEmpty()) {
            w.write(LEVEL_0, "Readiness Gates:\n  Type\tStatus\n");
            for (JsonNode g : gates) {
                String value = Meta.NONE;
                for (JsonNode c : conditions) {
                    if (J.str(c, "type").equals(J.str(g, "conditionType"))) {
                        value = J.str(c, "status");
                        break;
                    }
                }
                w.write(LEVEL_1, J.str(g, "conditionType") + " \t" + value + " \n");
            }
        }
        if (!conditions.isEmpty()) {
            w.write(LEVEL_0, "Conditions:\n  Type\tStatus\n");
            for (JsonNode c : conditions) {
                w.write(LEVEL_1, J.str(c, "type") + " \t" + J.str(c, "status") + " \n");
            }
        }
        VolumeSources.volumes(w, J.list(spec, "volumes"), "");
        w.write(LEVEL_0, "QoS Class:\t" + qosClass(pod) + "\n");
        Meta.labelsMultiline(w, "Node-Selectors", J.map(spec, "nodeSelector"));
        Meta.tolerations(w, "", "Tolerations", J.list(spec, "tolerations"));
        PodTemplateSection.topologySpread(w, J.list(spec, "topologySpreadConstraints"), "");
        EventsSection.write(events, w, ctx.now());
    }

    /** {@code qos.GetPodQOS}: the class the status records, else computed from the containers' resources. */
    static String qosClass(JsonNode pod) {
        String recorded = J.str(pod, "status", "qosClass");
        if (!recorded.isEmpty()) {
            return recorded;
        }
        boolean any = false;
        boolean guaranteed = true;
        for (String list : new String[]{"containers", "initContainers"}) {
            for (JsonNode c : J.list(pod, "spec", list)) {
                var requests = J.map(c, "resources", "requests");
                var limits = J.map(c, "resources", "limits");
                for (String r : new String[]{"cpu", "memory"}) {
                    boolean req = requests.containsKey(r) && !Quantities.parse(c.path("resources").path("requests").path(r)).isZero();
                    boolean lim = limits.containsKey(r) && !Quantities.parse(c.path("resources").path("limits").path(r)).isZero();
                    any |= req || lim;
                    if (!lim) {
                        guaranteed = false;
                    } else if (req && Quantities.parse(c.path("resources").path("requests").path(r))
                            .compareTo(Quantities.parse(c.path("resources").path("limits").path(r))) != 0) {
                        guaranteed = false;
                    }
                }
            }
        }
        if (!any) {
            return "BestEffort";
        }
        return guaranteed ? "Guaranteed" : "Burstable";
    }
}
