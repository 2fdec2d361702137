package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.HpaConversion;
import io.kubelab.kubectl.go.GoText;

import java.util.List;
import java.util.Optional;

import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_0;
import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_1;
import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_2;
import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_3;

/** kubectl's HorizontalPodAutoscaler (autoscaling/v2), PodDisruptionBudget and PriorityClass describers. */
final class PolicyDescribers {

    private static final String UNKNOWN = "<unknown>";

    private PolicyDescribers() {
    }

    static void horizontalPodAutoscaler(DescribeContext ctx, ObjectNode fetched, PrefixWriter w) {
        // kubectl's describer reads the autoscaler through autoscaling/v2 whichever version named it.
        ObjectNode hpa = fetched.path("apiVersion").asText().equals(HpaConversion.V1) ? HpaConversion.toV2(fetched)
                : fetched;
        Optional<List<JsonNode>> events = EventsSection.about(ctx, hpa);
        JsonNode spec = hpa.path("spec");
        JsonNode status = hpa.path("status");
        List<JsonNode> current = J.list(status, "currentMetrics");
        Meta.name(w, hpa);
        Meta.namespace(w, hpa);
        Meta.labels(w, hpa);
        Meta.annotations(w, hpa);
        Meta.created(w, hpa);
        w.write(LEVEL_0, "Reference:\t" + J.str(spec, "scaleTargetRef", "kind") + "/" + J.str(spec, "scaleTargetRef", "name") + "\n");
        w.write(LEVEL_0, "Metrics:\t( current / target )\n");
        List<JsonNode> metrics = J.list(spec, "metrics");
        for (int i = 0; i < metrics.size(); i++) {
            JsonNode m = metrics.get(i);
            JsonNode cur = i < current.size() ? current.get(i) : null;
            switch (J.str(m, "type")) {
                case "External" -> {
                    JsonNode target = J.at(m, "external", "target");
                    String name = GoText.quote(J.str(m, "external", "metric", "name"));
                    if (J.has(target, "averageValue")) {
                        String c = cur != null && J.has(cur, "external", "current", "averageValue")
                                ? q(J.at(cur, "external", "current", "averageValue")) : UNKNOWN;
                        w.write(LEVEL_1, name + " (target average value):\t" + c + " / " + q(target.path("averageValue")) + "\n");
                    } else {
                        String c = cur != null && cur.path("external").isObject() ? q(J.at(cur, "external", "current", "value")) : UNKNOWN;
                        w.write(LEVEL_1, name + " (target value):\t" + c + " / " + q(target.path("value")) + "\n");
                    }
                }
                case "Pods" -> {
                    String c = cur != null && cur.path("pods").isObject() ? q(J.at(cur, "pods", "current", "averageValue")) : UNKNOWN;
                    w.write(LEVEL_1, GoText.quote(J.str(m, "pods", "metric", "name")) + " on pods:\t" + c + " / "
                            + q(J.at(m, "pods", "target", "averageValue")) + "\n");
                }
                case "Object" -> {
                    JsonNode o = m.path("object");
                    w.write(LEVEL_1, "\"" + J.str(o, "metric", "name") + "\" on " + J.str(o, "describedObject", "kind") + "/"
                            + J.str(o, "describedObject", "name") + " ");
                    boolean average = J.str(o, "target", "type").equals("AverageValue");
                    String field = average ? "averageValue" : "value";
                    String c = cur != null && cur.path("object").isObject() ? q(J.at(cur, "object", "current", field)) : UNKNOWN;
                    w.write(LEVEL_0, (average ? "(target average value):\t" : "(target value):\t") + c + " / "
                            + q(J.at(o, "target", field)) + "\n");
                }
                case "Resource" -> resource(w, m.path("resource"), cur == null ? null : cur.path("resource"),
                        "resource " + J.str(m, "resource", "name") + " on pods");
                case "ContainerResource" -> resource(w, m.path("containerResource"), cur == null ? null : cur.path("containerResource"),
                        "resource " + J.str(m, "containerResource", "name") + " of container \""
                                + J.str(m, "containerResource", "container") + "\" on pods");
                default -> w.write(LEVEL_1, "<unknown metric type " + GoText.quote(J.str(m, "type")) + ">\n");
            }
        }
        w.write(LEVEL_0, "Min replicas:\t" + (J.has(spec, "minReplicas") ? String.valueOf(J.num(spec, "minReplicas")) : Meta.UNSET) + "\n");
        w.write(LEVEL_0, "Max replicas:\t" + J.num(spec, "maxReplicas") + "\n");
        if (spec.path("behavior").isObject()) {
            w.write(LEVEL_0, "Behavior:\n");
            direction(w, "Scale Up", J.at(spec, "behavior", "scaleUp"));
            direction(w, "Scale Down", J.at(spec, "behavior", "scaleDown"));
        }
        w.write(LEVEL_0, J.str(spec, "scaleTargetRef", "kind") + " pods:\t");
        w.write(LEVEL_0, J.num(status, "currentReplicas") + " current / " + J.num(status, "desiredReplicas") + " desired\n");
        List<JsonNode> conditions = J.list(status, "conditions");
        if (!conditions.isEmpty()) {
            w.write(LEVEL_0, "Conditions:\n");
            w.write(LEVEL_1, "Type\tStatus\tReason\tMessage\n");
            w.write(LEVEL_1, "----\t------\t------\t-------\n");
            for (JsonNode c : conditions) {
                w.write(LEVEL_1, J.str(c, "type") + "\t" + J.str(c, "status") + "\t" + J.str(c, "reason") + "\t" + J.str(c, "message") + "\n");
            }
        }
        EventsSection.write(events, w, ctx.now());
    }

    private static void resource(PrefixWriter w, JsonNode spec, JsonNode cur, String label) {
        w.write(LEVEL_1, label);
        JsonNode target = spec.path("target");
        boolean present = cur != null && cur.isObject();
        if (J.has(target, "averageValue")) {
            String c = present ? q(J.at(cur, "current", "averageValue")) : UNKNOWN;
            w.write(LEVEL_0, ":\t" + c + " / " + q(target.path("averageValue")) + "\n");
        } else {
            String c = present && J.has(cur, "current", "averageUtilization")
                    ? J.num(cur, "current", "averageUtilization") + "% (" + q(J.at(cur, "current", "averageValue")) + ")" : UNKNOWN;
            String t = J.has(target, "averageUtilization") ? J.num(target, "averageUtilization") + "%" : "<auto>";
            w.write(LEVEL_1, "(as a percentage of request):\t" + c + " / " + t + "\n");
        }
    }

    private static String q(JsonNode quantity) {
        return J.has(quantity) ? Quantities.text(quantity.asText()) : "0";
    }

    private static void direction(PrefixWriter w, String name, JsonNode rules) {
        if (!rules.isObject()) {
            return;
        }
        w.write(LEVEL_1, name + ":\n");
        if (J.has(rules, "stabilizationWindowSeconds")) {
            w.write(LEVEL_2, "Stabilization Window: " + J.num(rules, "stabilizationWindowSeconds") + " seconds\n");
        }
        List<JsonNode> policies = J.list(rules, "policies");
        if (!policies.isEmpty()) {
            w.write(LEVEL_2, "Select Policy: " + (J.has(rules, "selectPolicy") ? J.str(rules, "selectPolicy") : "Max") + "\n");
            w.write(LEVEL_2, "Policies:\n");
            for (JsonNode p : policies) {
                w.write(LEVEL_3, "- Type: " + J.str(p, "type") + "\tValue: " + J.num(p, "value") + "\tPeriod: "
                        + J.num(p, "periodSeconds") + " seconds\n");
            }
        }
    }

    static void podDisruptionBudget(DescribeContext ctx, ObjectNode pdb, PrefixWriter w) {
        Optional<List<JsonNode>> events = EventsSection.about(ctx, pdb);
        JsonNode spec = pdb.path("spec");
        JsonNode status = pdb.path("status");
        Meta.name(w, pdb);
        Meta.namespace(w, pdb);
        if (J.has(spec, "minAvailable")) {
            w.write(LEVEL_0, "Min available:\t" + spec.path("minAvailable").asText() + "\n");
        } else if (J.has(spec, "maxUnavailable")) {
            w.write(LEVEL_0, "Max unavailable:\t" + spec.path("maxUnavailable").asText() + "\n");
        }
        w.write(LEVEL_0, "Selector:\t" + (spec.path("selector").isObject() ? Meta.formatSelector(spec.path("selector")) : Meta.UNSET) + "\n");
        w.write(LEVEL_0, "Status:\n");
        w.write(LEVEL_2, "Allowed disruptions:\t" + J.num(status, "disruptionsAllowed") + "\n");
        w.write(LEVEL_2, "Current:\t" + J.num(status, "currentHealthy") + "\n");
        w.write(LEVEL_2, "Desired:\t" + J.num(status, "desiredHealthy") + "\n");
        w.write(LEVEL_2, "Total:\t" + J.num(status, "expectedPods") + "\n");
        EventsSection.write(events, w, ctx.now());
    }

    static void priorityClass(DescribeContext ctx, ObjectNode pc, PrefixWriter w) {
        Optional<List<JsonNode>> events = EventsSection.about(ctx, pc);
        Meta.name(w, pc);
        w.write(LEVEL_0, "Value:\t" + J.num(pc, "value") + "\n");
        w.write(LEVEL_0, "GlobalDefault:\t" + J.bool(pc, "globalDefault") + "\n");
        w.write(LEVEL_0, "PreemptionPolicy:\t" + J.str(pc, "preemptionPolicy") + "\n");
        w.write(LEVEL_0, "Description:\t" + J.str(pc, "description") + "\n");
        w.write(LEVEL_0, "Annotations:\t" + Meta.formatLabels(J.map(pc, "metadata", "annotations")) + "\n");
        EventsSection.write(events, w, ctx.now());
    }
}
