package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.StatusException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_0;
import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_1;

/** kubectl's Deployment, ReplicaSet, DaemonSet, StatefulSet and ReplicationController describers. */
final class WorkloadDescribers {

    private static final String POD_TEMPLATE_HASH = "pod-template-hash";

    private WorkloadDescribers() {
    }

    static void deployment(DescribeContext ctx, ObjectNode d, PrefixWriter w) {
        Optional<List<JsonNode>> events = EventsSection.about(ctx, d);
        List<JsonNode> old = new ArrayList<>();
        JsonNode newRs = null;
        boolean listed = true;
        try {
            List<JsonNode> owned = owned(Fetch.list(ctx, Fetch.REPLICA_SETS, J.str(d, "metadata", "namespace"),
                    Meta.selector(d.path("spec").path("selector")), ""), J.str(d, "metadata", "uid"));
            owned.sort(Comparator.comparing((JsonNode rs) -> J.str(rs, "metadata", "creationTimestamp"))
                    .thenComparing(rs -> J.str(rs, "metadata", "name")));
            for (JsonNode rs : owned) {
                if (newRs == null && sameTemplate(rs.path("spec").path("template"), d.path("spec").path("template"))) {
                    newRs = rs;
                }
            }
            for (JsonNode rs : owned) {
                if (rs != newRs) {
                    old.add(rs);
                }
            }
        } catch (StatusException e) {
            listed = false;
        }
        JsonNode spec = d.path("spec");
        JsonNode status = d.path("status");
        Meta.name(w, d);
        Meta.namespace(w, d);
        Meta.created(w, d);
        Meta.labels(w, d);
        Meta.annotations(w, d);
        w.write(LEVEL_0, "Selector:\t" + Meta.selector(spec.path("selector")) + "\n");
        w.write(LEVEL_0, "Replicas:\t" + J.num(spec, "replicas") + " desired | " + J.num(status, "updatedReplicas")
                + " updated | " + J.num(status, "replicas") + " total | " + J.num(status, "availableReplicas")
                + " available | " + J.num(status, "unavailableReplicas") + " unavailable\n");
        w.write(LEVEL_0, "StrategyType:\t" + J.str(spec, "strategy", "type") + "\n");
        w.write(LEVEL_0, "MinReadySeconds:\t" + J.num(spec, "minReadySeconds") + "\n");
        JsonNode ru = J.at(spec, "strategy", "rollingUpdate");
        if (ru.isObject()) {
            w.write(LEVEL_0, "RollingUpdateStrategy:\t" + J.intOrString(ru.path("maxUnavailable")) + " max unavailable, "
                    + J.intOrString(ru.path("maxSurge")) + " max surge\n");
        }
        PodTemplateSection.write(w, spec.path("template"));
        conditions(w, status);
        if (listed && (!old.isEmpty() || newRs != null)) {
            w.write(LEVEL_0, "OldReplicaSets:\t" + replicaSets(old) + "\n");
            w.write(LEVEL_0, "NewReplicaSet:\t" + replicaSets(newRs == null ? List.of() : List.of(newRs)) + "\n");
        }
        EventsSection.write(events, w, ctx.now());
    }

    /** The {@code Type Status Reason} conditions table of deployments, ReplicaSets and controllers. */
    private static void conditions(PrefixWriter w, JsonNode status) {
        List<JsonNode> conditions = J.list(status, "conditions");
        if (conditions.isEmpty()) {
            return;
        }
        w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tReason\n");
        w.write(LEVEL_1, "----\t------\t------\n");
        for (JsonNode c : conditions) {
            w.write(LEVEL_1, J.str(c, "type") + " \t" + J.str(c, "status") + "\t" + J.str(c, "reason") + "\n");
        }
    }

    private static List<JsonNode> owned(List<JsonNode> items, String uid) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode item : items) {
            for (JsonNode ref : J.list(item, "metadata", "ownerReferences")) {
                if (ref.path("controller").asBoolean(false) && J.str(ref, "uid").equals(uid)) {
                    out.add(item);
                    break;
                }
            }
        }
        return out;
    }

    /** {@code equalIgnoreHash}: templates equal once the pod-template-hash label is dropped from both. */
    private static boolean sameTemplate(JsonNode a, JsonNode b) {
        return withoutHash(a).equals(withoutHash(b));
    }

    private static JsonNode withoutHash(JsonNode template) {
        JsonNode labels = template.path("metadata").path("labels");
        if (!labels.has(POD_TEMPLATE_HASH)) {
            return template;
        }
        ObjectNode copy = template.deepCopy();
        ObjectNode l = (ObjectNode) copy.path("metadata").path("labels");
        l.remove(POD_TEMPLATE_HASH);
        if (l.isEmpty()) {
            ((ObjectNode) copy.path("metadata")).remove("labels");
        }
        return copy;
    }

    private static String replicaSets(List<JsonNode> sets) {
        List<String> parts = new ArrayList<>();
        for (JsonNode rs : sets) {
            parts.add(J.str(rs, "metadata", "name") + " (" + J.num(rs, "status", "replicas") + "/"
                    + J.num(rs, "spec", "replicas") + " replicas created)");
        }
        return parts.isEmpty() ? Meta.NONE : String.join(", ", parts);
    }

    /** {@code getPodStatusForController}: the phases of the pods the controller owns among those selected. */
    private static long[] podStatus(DescribeContext ctx, JsonNode controller, String selector) {
        long[] counts = new long[4];
        List<JsonNode> pods = Fetch.list(ctx, Fetch.PODS, J.str(controller, "metadata", "namespace"), selector, "");
        for (JsonNode pod : owned(pods, J.str(controller, "metadata", "uid"))) {
            switch (J.str(pod, "status", "phase")) {
                case "Running" -> counts[0]++;
                case "Pending" -> counts[1]++;
                case "Succeeded" -> counts[2]++;
                case "Failed" -> counts[3]++;
                default -> { }
            }
        }
        return counts;
    }

    private static String podsStatus(long[] c) {
        return c[0] + " Running / " + c[1] + " Waiting / " + c[2] + " Succeeded / " + c[3] + " Failed";
    }

    static void replicaSet(DescribeContext ctx, ObjectNode rs, PrefixWriter w) {
        String selector = Meta.selector(rs.path("spec").path("selector"));
        String pods;
        try {
            pods = podsStatus(podStatus(ctx, rs, selector));
        } catch (StatusException e) {
            pods = "error in fetching pods: " + e.getMessage();
        }
        Optional<List<JsonNode>> events = EventsSection.about(ctx, rs);
        Meta.name(w, rs);
        Meta.namespace(w, rs);
        w.write(LEVEL_0, "Selector:\t" + Meta.formatSelector(rs.path("spec").path("selector")) + "\n");
        Meta.labels(w, rs);
        Meta.annotations(w, rs);
        Meta.controlledBy(w, rs);
        w.write(LEVEL_0, "Replicas:\t" + J.num(rs, "status", "replicas") + " current / " + J.num(rs, "spec", "replicas")
                + " desired\n");
        w.write(LEVEL_0, "Pods Status:\t");
        w.write(LEVEL_0, pods + "\n");
        PodTemplateSection.write(w, rs.path("spec").path("template"));
        conditions(w, rs.path("status"));
        EventsSection.write(events, w, ctx.now());
    }

    static void replicationController(DescribeContext ctx, ObjectNode rc, PrefixWriter w) {
        String selector = Meta.formatLabels(J.map(rc, "spec", "selector"));
        long[] counts = podStatus(ctx, rc, selector.equals(Meta.NONE) ? "" : selector);
        Optional<List<JsonNode>> events = EventsSection.about(ctx, rc);
        Meta.name(w, rc);
        Meta.namespace(w, rc);
        w.write(LEVEL_0, "Selector:\t" + selector + "\n");
        Meta.labels(w, rc);
        Meta.annotations(w, rc);
        w.write(LEVEL_0, "Replicas:\t" + J.num(rc, "status", "replicas") + " current / " + J.num(rc, "spec", "replicas")
                + " desired\n");
        w.write(LEVEL_0, "Pods Status:\t" + podsStatus(counts) + "\n");
        PodTemplateSection.write(w, rc.path("spec").path("template"));
        conditions(w, rc.path("status"));
        EventsSection.write(events, w, ctx.now());
    }

    static void daemonSet(DescribeContext ctx, ObjectNode ds, PrefixWriter w) {
        String selector = Meta.selector(ds.path("spec").path("selector"));
        long[] counts = podStatus(ctx, ds, selector);
        Optional<List<JsonNode>> events = EventsSection.about(ctx, ds);
        JsonNode status = ds.path("status");
        Meta.name(w, ds);
        w.write(LEVEL_0, "Selector:\t" + selector + "\n");
        w.write(LEVEL_0, "Node-Selector:\t" + Meta.formatLabels(J.map(ds, "spec", "template", "spec", "nodeSelector")) + "\n");
        Meta.labels(w, ds);
        Meta.annotations(w, ds);
        w.write(LEVEL_0, "Desired Number of Nodes Scheduled: " + J.num(status, "desiredNumberScheduled") + "\n");
        w.write(LEVEL_0, "Current Number of Nodes Scheduled: " + J.num(status, "currentNumberScheduled") + "\n");
        w.write(LEVEL_0, "Number of Nodes Scheduled with Up-to-date Pods: " + J.num(status, "updatedNumberScheduled") + "\n");
        w.write(LEVEL_0, "Number of Nodes Scheduled with Available Pods: " + J.num(status, "numberAvailable") + "\n");
        w.write(LEVEL_0, "Number of Nodes Misscheduled: " + J.num(status, "numberMisscheduled") + "\n");
        w.write(LEVEL_0, "Pods Status:\t" + podsStatus(counts) + "\n");
        PodTemplateSection.write(w, ds.path("spec").path("template"));
        EventsSection.write(events, w, ctx.now());
    }

    static void statefulSet(DescribeContext ctx, ObjectNode ss, PrefixWriter w) {
        String selector = Meta.selector(ss.path("spec").path("selector"));
        long[] counts = podStatus(ctx, ss, selector);
        Optional<List<JsonNode>> events = EventsSection.about(ctx, ss);
        JsonNode spec = ss.path("spec");
        Meta.name(w, ss);
        Meta.namespace(w, ss);
        Meta.created(w, ss);
        w.write(LEVEL_0, "Selector:\t" + selector + "\n");
        Meta.labels(w, ss);
        Meta.annotations(w, ss);
        w.write(LEVEL_0, "Replicas:\t" + J.num(spec, "replicas") + " desired | " + J.num(ss, "status", "replicas") + " total\n");
        w.write(LEVEL_0, "Update Strategy:\t" + J.str(spec, "updateStrategy", "type") + "\n");
        JsonNode ru = J.at(spec, "updateStrategy", "rollingUpdate");
        if (ru.isObject() && J.has(ru, "partition")) {
            w.write(LEVEL_1, "Partition:\t" + J.num(ru, "partition") + "\n");
            if (J.has(ru, "maxUnavailable")) {
                w.write(LEVEL_1, "MaxUnavailable:\t" + J.intOrString(ru.path("maxUnavailable")) + "\n");
            }
        }
        w.write(LEVEL_0, "Pods Status:\t" + podsStatus(counts) + "\n");
        PodTemplateSection.write(w, spec.path("template"));
        List<JsonNode> claims = J.list(spec, "volumeClaimTemplates");
        if (claims.isEmpty()) {
            w.write(LEVEL_0, "Volume Claims:\t<none>\n");
        } else {
            w.write(LEVEL_0, "Volume Claims:\n");
            for (JsonNode pvc : claims) {
                w.write(LEVEL_1, "Name:\t" + J.str(pvc, "metadata", "name") + "\n");
                w.write(LEVEL_1, "StorageClass:\t" + StorageDescribers.claimClass(pvc) + "\n");
                Meta.labelsMultilineWithIndent(w, "  ", "Labels", "\t", J.map(pvc, "metadata", "labels"));
                Meta.labelsMultilineWithIndent(w, "  ", "Annotations", "\t", J.map(pvc, "metadata", "annotations"));
                JsonNode storage = J.at(pvc, "spec", "resources", "requests", "storage");
                w.write(LEVEL_1, "Capacity:\t" + (J.has(storage) ? Quantities.text(storage.asText()) : "<default>") + "\n");
                w.write(LEVEL_1, "Access Modes:\t" + J.goSlice(J.strings(pvc, "spec", "accessModes")) + "\n");
            }
        }
        EventsSection.write(events, w, ctx.now());
    }
}
