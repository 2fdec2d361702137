package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** apps/v1: Deployment, ReplicaSet, DaemonSet, StatefulSet ({@code pkg/apis/apps/validation}). */
final class AppsValidation {

    private static final String SELECTOR_MISMATCH = "`selector` does not match template `labels`";

    private AppsValidation() {
    }

    static List<FieldError> deploymentSpec(JsonNode spec, FieldPath path) {
        List<FieldError> errs = new ArrayList<>(Common.nonNegative(Fields.num(spec, "replicas", 0), path.child("replicas")));
        errs.addAll(requiredSelector(spec.path("selector"), path.child("selector"), "deployment"));
        errs.addAll(templateForReplicaSet(spec, path));
        errs.addAll(deploymentStrategy(spec.path("strategy"), path.child("strategy")));
        errs.addAll(Common.nonNegative(Fields.num(spec, "minReadySeconds", 0), path.child("minReadySeconds")));
        if (Fields.has(spec, "revisionHistoryLimit")) {
            errs.addAll(Common.nonNegative(Fields.num(spec, "revisionHistoryLimit", 0), path.child("revisionHistoryLimit")));
        }
        if (Fields.has(spec, "progressDeadlineSeconds")) {
            long pds = Fields.num(spec, "progressDeadlineSeconds", 0);
            errs.addAll(Common.nonNegative(pds, path.child("progressDeadlineSeconds")));
            if (pds <= Fields.num(spec, "minReadySeconds", 0)) {
                errs.add(FieldError.invalid(path.child("progressDeadlineSeconds"), pds, "must be greater than minReadySeconds"));
            }
        }
        return errs;
    }

    static List<FieldError> replicaSetSpec(JsonNode spec, FieldPath path) {
        List<FieldError> errs = new ArrayList<>(Common.nonNegative(Fields.num(spec, "replicas", 0), path.child("replicas")));
        errs.addAll(Common.nonNegative(Fields.num(spec, "minReadySeconds", 0), path.child("minReadySeconds")));
        // Kubernetes says "deployment" here too.
        errs.addAll(requiredSelector(spec.path("selector"), path.child("selector"), "deployment"));
        errs.addAll(templateForReplicaSet(spec, path));
        return errs;
    }

    static List<FieldError> daemonSetSpec(JsonNode spec, FieldPath path) {
        JsonNode selector = spec.path("selector");
        List<FieldError> errs = new ArrayList<>(SelectorValidation.validate(selector, path.child("selector")));
        Map<String, String> labels = Fields.stringMap(spec.path("template").path("metadata"), "labels");
        if (!SelectorValidation.unparsable(selector) && !SelectorValidation.matches(selector, labels == null ? Map.of() : labels)) {
            errs.add(new FieldError(ErrorType.INVALID, path.child("template", "metadata", "labels"), GoValue.stringMap(labels), SELECTOR_MISMATCH));
        }
        if (SelectorValidation.isSet(selector) && SelectorValidation.isEmpty(selector)) {
            errs.add(new FieldError(ErrorType.INVALID, path.child("selector"), SelectorValidation.render(selector),
                    "empty selector is invalid for daemonset"));
        }
        errs.addAll(PodSpecValidation.template(spec.path("template"), path.child("template")));
        errs.addAll(restartAlways(spec, path, "DaemonSet"));
        errs.addAll(Common.nonNegative(Fields.num(spec, "minReadySeconds", 0), path.child("minReadySeconds")));
        JsonNode strategy = spec.path("updateStrategy");
        String type = Fields.str(strategy, "type");
        if (!type.equals("RollingUpdate") && !type.equals("OnDelete")) {
            errs.add(FieldError.notSupported(path.child("updateStrategy", "type"), type, List.of("OnDelete", "RollingUpdate")));
        }
        if (Fields.has(spec, "revisionHistoryLimit")) {
            errs.addAll(Common.nonNegative(Fields.num(spec, "revisionHistoryLimit", 0), path.child("revisionHistoryLimit")));
        }
        return errs;
    }

    static List<FieldError> statefulSetSpec(JsonNode spec, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String pmp = Fields.str(spec, "podManagementPolicy");
        if (pmp.isEmpty()) {
            errs.add(FieldError.required(path.child("podManagementPolicy"), ""));
        } else if (!pmp.equals("OrderedReady") && !pmp.equals("Parallel")) {
            errs.add(FieldError.invalid(path.child("podManagementPolicy"), pmp, "must be 'OrderedReady' or 'Parallel'"));
        }
        String type = Fields.str(spec.path("updateStrategy"), "type");
        if (type.isEmpty()) {
            errs.add(FieldError.required(path.child("updateStrategy"), ""));
        } else if (!type.equals("RollingUpdate") && !type.equals("OnDelete")) {
            errs.add(new FieldError(ErrorType.INVALID, path.child("updateStrategy"), GoValue.literal("apps.StatefulSetUpdateStrategy{Type:"
                    + GoValue.of(type).text() + ", RollingUpdate:" + GoValue.pointer("apps.RollingUpdateStatefulSetStrategy",
                    !Fields.has(spec.path("updateStrategy"), "rollingUpdate")) + "}"), "must be 'RollingUpdate' or 'OnDelete'"));
        }
        errs.addAll(Common.nonNegative(Fields.num(spec, "replicas", 0), path.child("replicas")));
        errs.addAll(Common.nonNegative(Fields.num(spec, "minReadySeconds", 0), path.child("minReadySeconds")));
        JsonNode selector = spec.path("selector");
        errs.addAll(requiredSelector(selector, path.child("selector"), "statefulset"));
        JsonNode template = spec.path("template");
        if (!SelectorValidation.unparsable(selector)) {
            errs.addAll(selectorMatchesTemplate(selector, template, path.child("template")));
            errs.addAll(Common.labels(Fields.stringMap(template.path("metadata"), "labels"), path.child("template", "labels")));
            errs.addAll(Common.annotations(Fields.stringMap(template.path("metadata"), "annotations"), path.child("template", "annotations")));
        }
        String restart = Fields.str(template.path("spec"), "restartPolicy");
        if (!restart.equals("Always")) {
            errs.add(FieldError.notSupported(path.child("template", "spec", "restartPolicy"), restart, List.of("Always")));
        }
        if (Fields.has(template.path("spec"), "activeDeadlineSeconds")) {
            errs.add(FieldError.forbidden(path.child("template", "spec", "activeDeadlineSeconds"), "activeDeadlineSeconds in StatefulSet is not Supported"));
        }
        return errs;
    }

    /** StatefulSet updates may change only a few spec fields. */
    static List<FieldError> statefulSetUpdate(JsonNode spec, JsonNode oldSpec) {
        ObjectNode clone = ((ObjectNode) spec).deepCopy();
        for (String f : List.of("replicas", "template", "updateStrategy", "minReadySeconds", "ordinals",
                "revisionHistoryLimit", "persistentVolumeClaimRetentionPolicy")) {
            if (oldSpec.has(f)) {
                clone.set(f, oldSpec.get(f).deepCopy());
            } else {
                clone.remove(f);
            }
        }
        return Common.sameJson(clone, oldSpec) ? List.of() : List.of(FieldError.forbidden(FieldPath.of("spec"),
                "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', "
                        + "'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"));
    }

    /** apps/v1 refuses any change of the selector after creation. */
    static List<FieldError> selectorImmutable(JsonNode spec, JsonNode oldSpec) {
        return Common.immutable(spec.path("selector"), oldSpec.path("selector"), SelectorValidation.render(spec.path("selector")),
                FieldPath.of("spec", "selector"));
    }

    private static List<FieldError> requiredSelector(JsonNode selector, FieldPath path, String kind) {
        List<FieldError> errs = new ArrayList<>();
        if (!SelectorValidation.isSet(selector)) {
            errs.add(FieldError.required(path, ""));
            return errs;
        }
        errs.addAll(SelectorValidation.validate(selector, path));
        if (SelectorValidation.isEmpty(selector)) {
            errs.add(new FieldError(ErrorType.INVALID, path, SelectorValidation.render(selector), "empty selector is invalid for " + kind));
        }
        return errs;
    }

    /** {@code ValidatePodTemplateSpecForReplicaSet}, shared by Deployment and ReplicaSet. */
    private static List<FieldError> templateForReplicaSet(JsonNode spec, FieldPath path) {
        JsonNode selector = spec.path("selector");
        if (SelectorValidation.unparsable(selector)) {
            return List.of(new FieldError(ErrorType.INVALID, path.child("selector"), SelectorValidation.render(selector), "invalid label selector"));
        }
        JsonNode template = spec.path("template");
        FieldPath tp = path.child("template");
        List<FieldError> errs = new ArrayList<>(selectorMatchesTemplate(selector, template, tp));
        errs.addAll(PodSpecValidation.template(template, tp));
        errs.addAll(restartAlways(spec, path, "ReplicaSet"));
        return errs;
    }

    private static List<FieldError> selectorMatchesTemplate(JsonNode selector, JsonNode template, FieldPath tp) {
        boolean everything = SelectorValidation.isSet(selector) && SelectorValidation.isEmpty(selector);
        Map<String, String> labels = Fields.stringMap(template.path("metadata"), "labels");
        if (!everything && !SelectorValidation.matches(selector, labels == null ? Map.of() : labels)) {
            return List.of(new FieldError(ErrorType.INVALID, tp.child("metadata", "labels"), GoValue.stringMap(labels), SELECTOR_MISMATCH));
        }
        return List.of();
    }

    private static List<FieldError> restartAlways(JsonNode spec, FieldPath path, String kind) {
        List<FieldError> errs = new ArrayList<>();
        JsonNode podSpec = spec.path("template").path("spec");
        String restart = Fields.str(podSpec, "restartPolicy");
        if (!restart.equals("Always")) {
            errs.add(FieldError.notSupported(path.child("template", "spec", "restartPolicy"), restart, List.of("Always")));
        }
        if (Fields.has(podSpec, "activeDeadlineSeconds")) {
            errs.add(FieldError.invalid(path.child("template", "spec", "activeDeadlineSeconds"),
                    Fields.num(podSpec, "activeDeadlineSeconds", 0), "activeDeadlineSeconds in " + kind + " is not Supported"));
        }
        return errs;
    }

    private static List<FieldError> deploymentStrategy(JsonNode strategy, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String type = Fields.str(strategy, "type");
        switch (type) {
            case "Recreate" -> {
                if (Fields.has(strategy, "rollingUpdate")) {
                    errs.add(FieldError.forbidden(path.child("rollingUpdate"), "may not be specified when strategy `type` is 'Recreate'"));
                }
            }
            case "RollingUpdate" -> {
                JsonNode ru = strategy.path("rollingUpdate");
                if (!Fields.has(strategy, "rollingUpdate")) {
                    errs.add(FieldError.required(path.child("rollingUpdate"), "this should be defaulted and never be nil"));
                } else {
                    errs.addAll(intOrPercent(ru.path("maxUnavailable"), path.child("rollingUpdate", "maxUnavailable")));
                    errs.addAll(intOrPercent(ru.path("maxSurge"), path.child("rollingUpdate", "maxSurge")));
                    if (isZero(ru.path("maxUnavailable")) && isZero(ru.path("maxSurge"))) {
                        errs.add(new FieldError(ErrorType.INVALID, path.child("rollingUpdate", "maxUnavailable"),
                                intOrString(ru.path("maxUnavailable")), "may not be 0 when `maxSurge` is 0"));
                    }
                    JsonNode mu = ru.path("maxUnavailable");
                    if (mu.isTextual() && NameRules.percent(mu.asText()).isEmpty()
                            && Long.parseLong(mu.asText().substring(0, mu.asText().length() - 1)) > 100) {
                        errs.add(new FieldError(ErrorType.INVALID, path.child("rollingUpdate", "maxUnavailable"),
                                intOrString(mu), "must not be greater than 100%"));
                    }
                }
            }
            default -> {
                Map<String, String> f = new LinkedHashMap<>();
                f.put("Type", GoValue.of(type).text());
                f.put("RollingUpdate", GoValue.pointer("apps.RollingUpdateDeployment", !Fields.has(strategy, "rollingUpdate")));
                errs.add(new FieldError(ErrorType.NOT_SUPPORTED, path, GoValue.struct("apps.DeploymentStrategy", f),
                        "supported values: \"Recreate\", \"RollingUpdate\""));
            }
        }
        return errs;
    }

    private static List<FieldError> intOrPercent(JsonNode v, FieldPath path) {
        if (v.isTextual()) {
            return NameRules.percent(v.asText()).stream().map(m -> new FieldError(ErrorType.INVALID, path, intOrString(v), m)).toList();
        }
        return Common.nonNegative(v.asLong(0), path);
    }

    private static boolean isZero(JsonNode v) {
        return v.isTextual() ? v.asText().equals("0%") || v.asText().equals("0") : v.asLong(0) == 0;
    }

    /** {@code %#v} of an {@code intstr.IntOrString}. */
    static GoValue intOrString(JsonNode v) {
        return v.isTextual()
                ? GoValue.literal("intstr.IntOrString{Type:1, IntVal:0, StrVal:" + GoValue.of(v.asText()).text() + "}")
                : GoValue.literal("intstr.IntOrString{Type:0, IntVal:" + v.asLong(0) + ", StrVal:\"\"}");
    }
}
