package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** rbac.authorization.k8s.io/v1 roles and bindings ({@code pkg/apis/rbac/validation}). */
final class RbacValidation {

    static final String GROUP = "rbac.authorization.k8s.io";

    private RbacValidation() {
    }

    static List<FieldError> rules(JsonNode role, boolean namespaced) {
        List<FieldError> errs = new ArrayList<>();
        List<JsonNode> rules = Fields.list(role, "rules");
        for (int i = 0; i < rules.size(); i++) {
            JsonNode rule = rules.get(i);
            FieldPath p = FieldPath.of("rules").index(i);
            if (Fields.list(rule, "verbs").isEmpty()) {
                errs.add(FieldError.required(p.child("verbs"), "verbs must contain at least one value"));
            }
            List<String> urls = Fields.strings(rule, "nonResourceURLs");
            if (!urls.isEmpty()) {
                GoValue shown = GoValue.stringSlice(urls);
                if (namespaced) {
                    errs.add(new FieldError(ErrorType.INVALID, p.child("nonResourceURLs"), shown,
                            "namespaced rules cannot apply to non-resource URLs"));
                }
                if (!Fields.list(rule, "apiGroups").isEmpty() || !Fields.list(rule, "resources").isEmpty()
                        || !Fields.list(rule, "resourceNames").isEmpty()) {
                    errs.add(new FieldError(ErrorType.INVALID, p.child("nonResourceURLs"), shown,
                            "rules cannot apply to both regular resources and non-resource URLs"));
                }
                continue;
            }
            if (Fields.list(rule, "apiGroups").isEmpty()) {
                errs.add(FieldError.required(p.child("apiGroups"), "resource rules must supply at least one api group"));
            }
            if (Fields.list(rule, "resources").isEmpty()) {
                errs.add(FieldError.required(p.child("resources"), "resource rules must supply at least one resource"));
            }
        }
        if (Fields.has(role, "aggregationRule") && Fields.list(role.path("aggregationRule"), "clusterRoleSelectors").isEmpty()) {
            errs.add(FieldError.required(FieldPath.of("aggregationRule", "clusterRoleSelectors"),
                    "at least one clusterRoleSelector required if aggregationRule is non-nil"));
        }
        return errs;
    }

    static List<FieldError> binding(JsonNode binding, boolean namespaced) {
        List<FieldError> errs = new ArrayList<>();
        JsonNode ref = binding.path("roleRef");
        String apiGroup = Fields.str(ref, "apiGroup");
        if (!apiGroup.equals(GROUP)) {
            errs.add(FieldError.notSupported(FieldPath.of("roleRef", "apiGroup"), apiGroup, List.of(GROUP)));
        }
        String kind = Fields.str(ref, "kind");
        List<String> kinds = namespaced ? List.of("Role", "ClusterRole") : List.of("ClusterRole");
        if (!kinds.contains(kind)) {
            errs.add(FieldError.notSupported(FieldPath.of("roleRef", "kind"), kind, kinds));
        }
        errs.addAll(Common.requiredName(Fields.str(ref, "name"), NameRules.PATH_SEGMENT, FieldPath.of("roleRef", "name")));
        List<JsonNode> subjects = Fields.list(binding, "subjects");
        for (int i = 0; i < subjects.size(); i++) {
            errs.addAll(subject(subjects.get(i), namespaced, FieldPath.of("subjects").index(i)));
        }
        return errs;
    }

    static List<FieldError> roleRefImmutable(JsonNode binding, JsonNode old) {
        JsonNode ref = binding.path("roleRef");
        if (Common.sameJson(ref, old.path("roleRef"))) {
            return List.of();
        }
        return List.of(new FieldError(ErrorType.INVALID, FieldPath.of("roleRef"), GoValue.literal("rbac.RoleRef{APIGroup:"
                + GoValue.of(Fields.str(ref, "apiGroup")).text() + ", Kind:" + GoValue.of(Fields.str(ref, "kind")).text()
                + ", Name:" + GoValue.of(Fields.str(ref, "name")).text() + "}"), "cannot change roleRef"));
    }

    private static List<FieldError> subject(JsonNode s, boolean namespaced, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String name = Fields.str(s, "name");
        String apiGroup = Fields.str(s, "apiGroup");
        if (name.isEmpty()) {
            errs.add(FieldError.required(path.child("name"), ""));
        }
        switch (Fields.str(s, "kind")) {
            case "ServiceAccount" -> {
                if (!name.isEmpty()) {
                    errs.addAll(Common.dns1123Subdomain(name, path.child("name")));
                }
                if (!apiGroup.isEmpty()) {
                    errs.add(FieldError.notSupported(path.child("apiGroup"), apiGroup, List.of("")));
                }
                if (!namespaced && Fields.str(s, "namespace").isEmpty()) {
                    errs.add(FieldError.required(path.child("namespace"), ""));
                }
            }
            case "User", "Group" -> {
                if (!apiGroup.equals(GROUP)) {
                    errs.add(FieldError.notSupported(path.child("apiGroup"), apiGroup, List.of(GROUP)));
                }
            }
            default -> errs.add(FieldError.notSupported(path.child("kind"), Fields.str(s, "kind"),
                    List.of("ServiceAccount", "User", "Group")));
        }
        return errs;
    }
}
