package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.model.Quantity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** autoscaling/v2 HorizontalPodAutoscaler, as 1.32's {@code validateHorizontalPodAutoscalerSpec} checks it. */
final class AutoscalingValidation {

    private static final int MAX_PERIOD_SECONDS = 1800;
    private static final int MAX_STABILIZATION_WINDOW_SECONDS = 3600;
    private static final List<String> METRIC_TYPES = List.of("ContainerResource", "External", "Object", "Pods", "Resource");
    private static final List<String> SELECT_POLICIES = List.of("Disabled", "Max", "Min");
    private static final List<String> POLICY_TYPES = List.of("Percent", "Pods");
    private static final String SOURCE_REQUIRED = "must populate information for the given metric source";

    private AutoscalingValidation() {
    }

    /**
     * The spec. {@code minReplicasLowerBound} is 1 (HPAScaleToZero is alpha and off in 1.32) unless an update
     * starts from an object that already had zero.
     */
    static List<FieldError> spec(JsonNode spec, FieldPath path, long minReplicasLowerBound) {
        List<FieldError> errs = new ArrayList<>();
        boolean hasMin = Fields.has(spec, "minReplicas");
        long min = Fields.num(spec, "minReplicas", 0);
        long max = Fields.num(spec, "maxReplicas", 0);
        if (hasMin && min < minReplicasLowerBound) {
            errs.add(FieldError.invalid(path.child("minReplicas"), min, "must be greater than or equal to " + minReplicasLowerBound));
        }
        if (max < 1) {
            errs.add(FieldError.invalid(path.child("maxReplicas"), max, "must be greater than 0"));
        }
        if (hasMin && max < min) {
            errs.add(FieldError.invalid(path.child("maxReplicas"), max, "must be greater than or equal to `minReplicas`"));
        }
        errs.addAll(crossVersionReference(spec.path("scaleTargetRef"), path.child("scaleTargetRef")));
        List<JsonNode> metrics = Fields.list(spec, "metrics");
        boolean objectOrExternal = false;
        for (int i = 0; i < metrics.size(); i++) {
            errs.addAll(metric(metrics.get(i), path.child("metrics").index(i)));
            String type = Fields.str(metrics.get(i), "type");
            objectOrExternal |= type.equals("Object") || type.equals("External");
        }
        if (hasMin && min == 0 && !objectOrExternal) {
            errs.add(FieldError.forbidden(path.child("metrics"),
                    "must specify at least one Object or External metric to support scaling to zero replicas"));
        }
        if (Fields.has(spec, "behavior")) {
            errs.addAll(scalingRules(spec.path("behavior").path("scaleUp"), path.child("behavior", "scaleUp")));
            errs.addAll(scalingRules(spec.path("behavior").path("scaleDown"), path.child("behavior", "scaleDown")));
        }
        return errs;
    }

    private static List<FieldError> crossVersionReference(JsonNode ref, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (String f : List.of("kind", "name")) {
            String v = Fields.str(ref, f);
            if (v.isEmpty()) {
                errs.add(FieldError.required(path.child(f), ""));
            } else {
                NameRules.pathSegmentName(v).forEach(m -> errs.add(FieldError.invalid(path.child(f), v, m)));
            }
        }
        return errs;
    }

    private static List<FieldError> metric(JsonNode m, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String type = Fields.str(m, "type");
        if (type.isEmpty()) {
            errs.add(FieldError.required(path.child("type"), "must specify a metric source type"));
        }
        if (!METRIC_TYPES.contains(type)) {
            errs.add(FieldError.notSupported(path.child("type"), type, METRIC_TYPES));
        }
        Set<String> present = new LinkedHashSet<>();
        for (String source : List.of("object", "external", "pods", "resource", "containerResource")) {
            if (Fields.has(m, source)) {
                present.add(source);
                if (present.size() == 1) {
                    errs.addAll(source(source, m.path(source), path.child(source)));
                }
            }
        }
        String expected = switch (type) {
            case "Object" -> "object";
            case "Pods" -> "pods";
            case "Resource" -> "resource";
            case "External" -> "external";
            case "ContainerResource" -> "containerResource";
            default -> null;
        };
        if (expected == null) {
            errs.add(FieldError.notSupported(path.child("type"), type, METRIC_TYPES));
        } else if (!Fields.has(m, expected)) {
            errs.add(FieldError.required(path.child(expected), SOURCE_REQUIRED));
        }
        if (present.size() != 1) {
            present.remove(expected);
            // Go walks a map here, so with several extra sources their order varies; we keep field order.
            present.forEach(s -> errs.add(FieldError.forbidden(path.child(s), "must populate the given metric source only")));
        }
        return errs;
    }

    private static List<FieldError> source(String kind, JsonNode src, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        JsonNode target = src.path("target");
        FieldPath tp = path.child("target");
        boolean value = Fields.has(target, "value");
        boolean average = Fields.has(target, "averageValue");
        boolean utilization = Fields.has(target, "averageUtilization");
        switch (kind) {
            case "object" -> {
                errs.addAll(crossVersionReference(src.path("describedObject"), path.child("describedObject")));
                errs.addAll(metricIdentifier(src.path("metric"), path.child("metric")));
                errs.addAll(target(target, tp));
                if (!value && !average) {
                    errs.add(FieldError.required(tp.child("averageValue"), "must set either a target value or averageValue"));
                }
            }
            case "external" -> {
                errs.addAll(metricIdentifier(src.path("metric"), path.child("metric")));
                errs.addAll(target(target, tp));
                if (!value && !average) {
                    errs.add(FieldError.required(tp.child("averageValue"), "must set either a target value for metric or a per-pod target"));
                }
                if (value && average) {
                    errs.add(FieldError.forbidden(tp.child("value"), "may not set both a target value for metric and a per-pod target"));
                }
            }
            case "pods" -> {
                errs.addAll(metricIdentifier(src.path("metric"), path.child("metric")));
                errs.addAll(target(target, tp));
                if (!average) {
                    errs.add(FieldError.required(tp.child("averageValue"), "must specify a positive target averageValue"));
                }
            }
            default -> {
                String name = Fields.str(src, "name");
                if (name.isEmpty()) {
                    errs.add(FieldError.required(path.child("name"), "must specify a resource name"));
                }
                if (kind.equals("containerResource")) {
                    String container = Fields.str(src, "container");
                    if (container.isEmpty()) {
                        errs.add(FieldError.required(path.child("container"), "must specify a container"));
                    } else {
                        errs.addAll(Common.dns1123Label(container, path.child("container")));
                    }
                }
                errs.addAll(target(target, tp));
                if (!utilization && !average) {
                    errs.add(FieldError.required(tp.child("averageUtilization"), "must set either a target raw value or a target utilization"));
                }
                if (utilization && average) {
                    errs.add(FieldError.forbidden(tp.child("averageValue"), "may not set both a target raw value and a target utilization"));
                }
            }
        }
        return errs;
    }

    private static List<FieldError> target(JsonNode target, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String type = Fields.str(target, "type");
        if (type.isEmpty()) {
            errs.add(FieldError.required(path.child("type"), "must specify a metric target type"));
        }
        if (!type.equals("Utilization") && !type.equals("Value") && !type.equals("AverageValue")) {
            errs.add(FieldError.invalid(path.child("type"), type, "must be either Utilization, Value, or AverageValue"));
        }
        for (String f : List.of("value", "averageValue")) {
            if (Fields.has(target, f) && signum(Fields.str(target, f)) != 1) {
                errs.add(new FieldError(ErrorType.INVALID, path.child(f), quantity(Fields.str(target, f)), "must be positive"));
            }
        }
        if (Fields.has(target, "averageUtilization") && Fields.num(target, "averageUtilization", 0) < 1) {
            errs.add(FieldError.invalid(path.child("averageUtilization"), Fields.num(target, "averageUtilization", 0), "must be greater than 0"));
        }
        return errs;
    }

    private static List<FieldError> metricIdentifier(JsonNode id, FieldPath path) {
        String name = Fields.str(id, "name");
        if (name.isEmpty()) {
            return List.of(FieldError.required(path.child("name"), "must specify a metric name"));
        }
        return NameRules.pathSegmentName(name).stream().map(m -> FieldError.invalid(path.child("name"), name, m)).toList();
    }

    private static List<FieldError> scalingRules(JsonNode rules, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (rules.isMissingNode() || rules.isNull()) {
            return errs;
        }
        if (Fields.has(rules, "stabilizationWindowSeconds")) {
            long w = Fields.num(rules, "stabilizationWindowSeconds", 0);
            if (w < 0) {
                errs.add(FieldError.invalid(path.child("stabilizationWindowSeconds"), w, "must be greater than or equal to zero"));
            }
            if (w > MAX_STABILIZATION_WINDOW_SECONDS) {
                errs.add(FieldError.invalid(path.child("stabilizationWindowSeconds"), w,
                        "must be less than or equal to " + MAX_STABILIZATION_WINDOW_SECONDS));
            }
        }
        if (Fields.has(rules, "selectPolicy") && !SELECT_POLICIES.contains(Fields.str(rules, "selectPolicy"))) {
            errs.add(FieldError.notSupported(path.child("selectPolicy"), Fields.str(rules, "selectPolicy"), SELECT_POLICIES));
        }
        List<JsonNode> policies = Fields.list(rules, "policies");
        if (policies.isEmpty()) {
            errs.add(FieldError.required(path.child("policies"), "must specify at least one Policy"));
        }
        for (int i = 0; i < policies.size(); i++) {
            JsonNode p = policies.get(i);
            FieldPath idx = path.child("policies").index(i);
            String type = Fields.str(p, "type");
            if (!POLICY_TYPES.contains(type)) {
                errs.add(FieldError.notSupported(idx.child("type"), type, POLICY_TYPES));
            }
            long value = Fields.num(p, "value", 0);
            if (value <= 0) {
                errs.add(FieldError.invalid(idx.child("value"), value, "must be greater than zero"));
            }
            long period = Fields.num(p, "periodSeconds", 0);
            if (period <= 0) {
                errs.add(FieldError.invalid(idx.child("periodSeconds"), period, "must be greater than zero"));
            }
            if (period > MAX_PERIOD_SECONDS) {
                errs.add(FieldError.invalid(idx.child("periodSeconds"), period, "must be less than or equal to " + MAX_PERIOD_SECONDS));
            }
        }
        return errs;
    }

    private static int signum(String text) {
        try {
            return Quantity.parse(text).amount().signum();
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /**
     * A {@code resource.Quantity} as {@code %#v} prints it (its String method has a pointer receiver, so the
     * error shows the struct). The int64Amount is our best reading of the parsed text.
     */
    static GoValue quantity(String text) {
        Quantity q;
        try {
            q = Quantity.parse(text);
        } catch (IllegalArgumentException e) {
            return GoValue.of(text);
        }
        BigDecimal a = q.amount();
        String format = switch (q.format()) {
            case BINARY_SI -> "BinarySI";
            case DECIMAL_EXPONENT -> "DecimalExponent";
            default -> "DecimalSI";
        };
        return GoValue.literal("resource.Quantity{i:resource.int64Amount{value:" + a.unscaledValue() + ", scale:" + (-a.scale())
                + "}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:" + GoValue.of(q.original().orElse("")).text()
                + ", Format:\"" + format + "\"}");
    }
}
