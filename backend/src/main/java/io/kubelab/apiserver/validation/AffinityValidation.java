package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.model.NameValidation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A pod's {@code affinity} and {@code topologySpreadConstraints}, and the node selectors PersistentVolumes share. */
final class AffinityValidation {

    private static final String WEIGHT_RANGE = "must be in the range 1-100";
    private static final List<String> WHEN_UNSATISFIABLE = List.of("DoNotSchedule", "ScheduleAnyway");
    private static final List<String> NODE_INCLUSION_POLICIES = List.of("Honor", "Ignore");
    private static final String NOT_POSITIVE = "must be greater than zero";

    private AffinityValidation() {
    }

    static List<FieldError> affinity(JsonNode affinity, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (Fields.has(affinity, "nodeAffinity")) {
            JsonNode na = affinity.path("nodeAffinity");
            FieldPath np = path.child("nodeAffinity");
            if (Fields.has(na, "requiredDuringSchedulingIgnoredDuringExecution")) {
                errs.addAll(nodeSelector(na.path("requiredDuringSchedulingIgnoredDuringExecution"),
                        np.child("requiredDuringSchedulingIgnoredDuringExecution")));
            }
            List<JsonNode> preferred = Fields.list(na, "preferredDuringSchedulingIgnoredDuringExecution");
            FieldPath pp = np.child("preferredDuringSchedulingIgnoredDuringExecution");
            for (int i = 0; i < preferred.size(); i++) {
                errs.addAll(weight(preferred.get(i), pp.index(i)));
                errs.addAll(nodeSelectorTerm(preferred.get(i).path("preference"), pp.index(i).child("preference")));
            }
        }
        for (String kind : List.of("podAffinity", "podAntiAffinity")) {
            if (!Fields.has(affinity, kind)) {
                continue;
            }
            JsonNode pa = affinity.path(kind);
            FieldPath kp = path.child(kind);
            List<JsonNode> required = Fields.list(pa, "requiredDuringSchedulingIgnoredDuringExecution");
            for (int i = 0; i < required.size(); i++) {
                errs.addAll(podAffinityTerm(required.get(i), kp.child("requiredDuringSchedulingIgnoredDuringExecution").index(i)));
            }
            List<JsonNode> preferred = Fields.list(pa, "preferredDuringSchedulingIgnoredDuringExecution");
            FieldPath pp = kp.child("preferredDuringSchedulingIgnoredDuringExecution");
            for (int i = 0; i < preferred.size(); i++) {
                errs.addAll(weight(preferred.get(i), pp.index(i)));
                errs.addAll(podAffinityTerm(preferred.get(i).path("podAffinityTerm"), pp.index(i).child("podAffinityTerm")));
            }
        }
        return errs;
    }

    private static List<FieldError> weight(JsonNode term, FieldPath path) {
        long w = Fields.num(term, "weight", 0);
        return w <= 0 || w > 100 ? List.of(FieldError.invalid(path.child("weight"), w, WEIGHT_RANGE)) : List.of();
    }

    private static List<FieldError> podAffinityTerm(JsonNode term, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        errs.addAll(SelectorValidation.validate(term.path("labelSelector"), path.child("labelSelector")));
        errs.addAll(SelectorValidation.validate(term.path("namespaceSelector"), path.child("namespaceSelector")));
        for (String ns : Fields.strings(term, "namespaces")) {
            errs.addAll(Common.dns1123Label(ns, path.child("namespace")));
        }
        String key = Fields.str(term, "topologyKey");
        if (key.isEmpty()) {
            errs.add(FieldError.required(path.child("topologyKey"), "can not be empty"));
        }
        errs.addAll(Common.qualifiedName(key, path.child("topologyKey")));
        return errs;
    }

    /** {@code ValidateNodeSelector}: at least one term. */
    static List<FieldError> nodeSelector(JsonNode selector, FieldPath path) {
        List<JsonNode> terms = Fields.list(selector, "nodeSelectorTerms");
        FieldPath tp = path.child("nodeSelectorTerms");
        if (terms.isEmpty()) {
            return List.of(FieldError.required(tp, "must have at least one node selector term"));
        }
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            errs.addAll(nodeSelectorTerm(terms.get(i), tp.index(i)));
        }
        return errs;
    }

    private static List<FieldError> nodeSelectorTerm(JsonNode term, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        List<JsonNode> exprs = Fields.list(term, "matchExpressions");
        for (int j = 0; j < exprs.size(); j++) {
            errs.addAll(requirement(exprs.get(j), path.child("matchExpressions").index(j)));
        }
        List<JsonNode> fields = Fields.list(term, "matchFields");
        for (int j = 0; j < fields.size(); j++) {
            errs.addAll(fieldRequirement(fields.get(j), path.child("matchFields").index(j)));
        }
        return errs;
    }

    private static List<FieldError> requirement(JsonNode req, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String op = Fields.str(req, "operator");
        List<String> values = Fields.strings(req, "values");
        switch (op) {
            case "In", "NotIn" -> {
                if (values.isEmpty()) {
                    errs.add(FieldError.required(path.child("values"), "must be specified when `operator` is 'In' or 'NotIn'"));
                }
            }
            case "Exists", "DoesNotExist" -> {
                if (!values.isEmpty()) {
                    errs.add(FieldError.forbidden(path.child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
                }
            }
            case "Gt", "Lt" -> {
                if (values.size() != 1) {
                    errs.add(FieldError.required(path.child("values"), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
                }
            }
            default -> errs.add(FieldError.invalid(path.child("operator"), op, "not a valid selector operator"));
        }
        errs.addAll(Common.qualifiedName(Fields.str(req, "key"), path.child("key")));
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            FieldPath vp = path.child("values").index(i);
            NameValidation.labelValue(v).forEach(m -> errs.add(FieldError.invalid(vp, v, m)));
        }
        return errs;
    }

    /** Node field selectors support only {@code metadata.name} with In or NotIn and one value. */
    private static List<FieldError> fieldRequirement(JsonNode req, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String op = Fields.str(req, "operator");
        List<String> values = Fields.strings(req, "values");
        if (op.equals("In") || op.equals("NotIn")) {
            if (values.size() != 1) {
                errs.add(FieldError.required(path.child("values"),
                        "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
            }
        } else {
            errs.add(FieldError.invalid(path.child("operator"), op, "not a valid selector operator"));
        }
        String key = Fields.str(req, "key");
        if (!key.equals("metadata.name")) {
            errs.add(FieldError.invalid(path.child("key"), key, "not a valid field selector key"));
        } else {
            for (int i = 0; i < values.size(); i++) {
                errs.addAll(Common.dns1123Subdomain(values.get(i), path.child("values").index(i)));
            }
        }
        return errs;
    }

    static List<FieldError> topologySpreadConstraints(List<JsonNode> constraints, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; i < constraints.size(); i++) {
            JsonNode c = constraints.get(i);
            FieldPath idx = path.index(i);
            long maxSkew = Fields.num(c, "maxSkew", 0);
            if (maxSkew <= 0) {
                errs.add(FieldError.invalid(idx.child("maxSkew"), maxSkew, NOT_POSITIVE));
            }
            String key = Fields.str(c, "topologyKey");
            if (key.isEmpty()) {
                errs.add(FieldError.required(idx.child("topologyKey"), "can not be empty"));
            }
            String when = Fields.str(c, "whenUnsatisfiable");
            if (!WHEN_UNSATISFIABLE.contains(when)) {
                errs.add(FieldError.notSupported(idx.child("whenUnsatisfiable"), when, WHEN_UNSATISFIABLE));
            }
            for (JsonNode rest : constraints.subList(i + 1, constraints.size())) {
                if (key.equals(Fields.str(rest, "topologyKey")) && when.equals(Fields.str(rest, "whenUnsatisfiable"))) {
                    errs.add(FieldError.duplicate(idx.child("{topologyKey, whenUnsatisfiable}"), "{" + key + ", " + when + "}"));
                    break;
                }
            }
            if (Fields.has(c, "minDomains")) {
                long min = Fields.num(c, "minDomains", 0);
                if (min <= 0) {
                    errs.add(FieldError.invalid(idx.child("minDomains"), min, NOT_POSITIVE));
                }
                if (!when.equals("DoNotSchedule")) {
                    errs.add(FieldError.invalid(idx.child("minDomains"), min,
                            "can only use minDomains if whenUnsatisfiable=DoNotSchedule, not " + when));
                }
            }
            for (String policy : List.of("nodeAffinityPolicy", "nodeTaintsPolicy")) {
                if (Fields.has(c, policy) && !NODE_INCLUSION_POLICIES.contains(Fields.str(c, policy))) {
                    errs.add(FieldError.notSupported(idx.child(policy), Fields.str(c, policy), NODE_INCLUSION_POLICIES));
                }
            }
            errs.addAll(matchLabelKeys(Fields.strings(c, "matchLabelKeys"), c.path("labelSelector"), idx.child("matchLabelKeys")));
            errs.addAll(SelectorValidation.validate(c.path("labelSelector"), idx.child("labelSelector")));
        }
        return errs;
    }

    /** {@code validateMatchLabelKeysInTopologySpread}: keys are label names absent from the selector. */
    private static List<FieldError> matchLabelKeys(List<String> keys, JsonNode selector, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (keys.isEmpty()) {
            return errs;
        }
        if (!SelectorValidation.isSet(selector)) {
            errs.add(FieldError.forbidden(path, "must not be specified when labelSelector is not set"));
        }
        Set<String> selectorKeys = new HashSet<>(Fields.stringMapOrEmpty(selector, "matchLabels").keySet());
        Fields.list(selector, "matchExpressions").forEach(e -> selectorKeys.add(Fields.str(e, "key")));
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            FieldPath kp = path.index(i);
            errs.addAll(Common.qualifiedName(key, kp));
            if (selectorKeys.contains(key)) {
                errs.add(FieldError.invalid(kp, key, "exists in both matchLabelKeys and labelSelector"));
            }
        }
        return errs;
    }
}
