package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** The smaller kinds: PriorityClass, Lease, PodDisruptionBudget, PersistentVolumeClaim, StorageClass. */
final class OtherValidation {

    private static final long HIGHEST_USER_PRIORITY = 1_000_000_000L;
    private static final List<String> ACCESS_MODES = List.of("ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod");

    private OtherValidation() {
    }

    static List<FieldError> priorityClass(JsonNode pc) {
        List<FieldError> errs = new ArrayList<>();
        String name = Fields.str(pc.path("metadata"), "name");
        long value = Fields.num(pc, "value", 0);
        if (name.startsWith("system-")) {
            boolean known = name.equals("system-cluster-critical") && value == 2_000_000_000L
                    || name.equals("system-node-critical") && value == 2_000_001_000L;
            if (!known) {
                errs.add(FieldError.forbidden(FieldPath.of("metadata", "name"), "priority class names with 'system-' prefix "
                        + "are reserved for system use only. error: " + name + " is not a known system priority class"));
            }
        } else if (value > HIGHEST_USER_PRIORITY) {
            errs.add(FieldError.forbidden(FieldPath.of("value"), "maximum allowed value of a user defined priority is "
                    + HIGHEST_USER_PRIORITY));
        }
        if (Fields.has(pc, "preemptionPolicy")) {
            String p = Fields.str(pc, "preemptionPolicy");
            if (!p.equals("Never") && !p.equals("PreemptLowerPriority")) {
                errs.add(FieldError.notSupported(FieldPath.of("preemptionPolicy"), p, List.of("Never", "PreemptLowerPriority")));
            }
        }
        return errs;
    }

    static List<FieldError> priorityClassUpdate(JsonNode pc, JsonNode old) {
        List<FieldError> errs = new ArrayList<>();
        if (Fields.num(pc, "value", 0) != Fields.num(old, "value", 0)) {
            errs.add(FieldError.forbidden(FieldPath.of("value"), "may not be changed in an update."));
        }
        errs.addAll(Common.immutable(pc.path("preemptionPolicy"), old.path("preemptionPolicy"),
                GoValue.of(Fields.str(pc, "preemptionPolicy")), FieldPath.of("preemptionPolicy")));
        return errs;
    }

    static List<FieldError> lease(JsonNode lease) {
        List<FieldError> errs = new ArrayList<>();
        JsonNode spec = lease.path("spec");
        FieldPath sp = FieldPath.of("spec");
        if (Fields.has(spec, "leaseDurationSeconds") && Fields.num(spec, "leaseDurationSeconds", 0) <= 0) {
            errs.add(FieldError.invalid(sp.child("leaseDurationSeconds"), Fields.num(spec, "leaseDurationSeconds", 0), "must be greater than 0"));
        }
        if (Fields.has(spec, "leaseTransitions") && Fields.num(spec, "leaseTransitions", 0) < 0) {
            errs.add(FieldError.invalid(sp.child("leaseTransitions"), Fields.num(spec, "leaseTransitions", 0), Common.IS_NEGATIVE));
        }
        return errs;
    }

    static List<FieldError> podDisruptionBudget(JsonNode pdb) {
        List<FieldError> errs = new ArrayList<>();
        JsonNode spec = pdb.path("spec");
        FieldPath sp = FieldPath.of("spec");
        if (Fields.has(spec, "minAvailable") && Fields.has(spec, "maxUnavailable")) {
            errs.add(new FieldError(ErrorType.INVALID, sp, GoValue.literal("policy.PodDisruptionBudgetSpec{...}"),
                    "minAvailable and maxUnavailable cannot be both set"));
        }
        for (String f : List.of("minAvailable", "maxUnavailable")) {
            if (Fields.has(spec, f)) {
                JsonNode v = spec.path(f);
                if (v.isTextual()) {
                    NameRules.percent(v.asText()).forEach(m -> errs.add(new FieldError(ErrorType.INVALID, sp.child(f),
                            AppsValidation.intOrString(v), m)));
                    if (NameRules.percent(v.asText()).isEmpty()
                            && Long.parseLong(v.asText().substring(0, v.asText().length() - 1)) > 100) {
                        errs.add(new FieldError(ErrorType.INVALID, sp.child(f), AppsValidation.intOrString(v), "must not be greater than 100%"));
                    }
                } else {
                    errs.addAll(Common.nonNegative(v.asLong(0), sp.child(f)));
                }
            }
        }
        errs.addAll(SelectorValidation.validate(spec.path("selector"), sp.child("selector")));
        return errs;
    }

    static List<FieldError> persistentVolumeClaim(JsonNode pvc) {
        List<FieldError> errs = new ArrayList<>();
        JsonNode spec = pvc.path("spec");
        FieldPath sp = FieldPath.of("spec");
        List<String> modes = Fields.strings(spec, "accessModes");
        if (modes.isEmpty()) {
            errs.add(FieldError.required(sp.child("accessModes"), "at least 1 access mode is required"));
        }
        for (String mode : modes) {
            if (!ACCESS_MODES.contains(mode)) {
                errs.add(FieldError.notSupported(sp.child("accessModes"), mode, ACCESS_MODES));
            }
        }
        String storage = Fields.stringMapOrEmpty(spec.path("resources"), "requests").get("storage");
        if (storage == null) {
            errs.add(FieldError.required(sp.child("resources").key("storage"), ""));
        }
        return errs;
    }

    static List<FieldError> persistentVolumeClaimUpdate(JsonNode pvc, JsonNode old) {
        ObjectNode now = ((ObjectNode) pvc.path("spec")).deepCopy();
        JsonNode was = old.path("spec");
        if (was.has("resources")) {
            now.set("resources", was.get("resources").deepCopy());
        }
        // Binding sets volumeName once; Kubernetes allows that single change.
        if (!Fields.has(was, "volumeName")) {
            now.remove("volumeName");
        }
        return Common.sameJson(now, was) ? List.of() : List.of(FieldError.forbidden(FieldPath.of("spec"),
                "spec is immutable after creation except resources.requests for bound claims"));
    }

    static List<FieldError> storageClass(JsonNode sc) {
        List<FieldError> errs = new ArrayList<>();
        String provisioner = Fields.str(sc, "provisioner");
        if (provisioner.isEmpty()) {
            errs.add(FieldError.required(FieldPath.of("provisioner"), ""));
        } else {
            errs.addAll(Common.qualifiedName(provisioner.toLowerCase(java.util.Locale.ROOT), FieldPath.of("provisioner")));
        }
        if (Fields.has(sc, "reclaimPolicy")) {
            String p = Fields.str(sc, "reclaimPolicy");
            if (!p.equals("Delete") && !p.equals("Retain")) {
                errs.add(FieldError.notSupported(FieldPath.of("reclaimPolicy"), p, List.of("Delete", "Retain")));
            }
        }
        return errs;
    }

    static List<FieldError> storageClassUpdate(JsonNode sc, JsonNode old) {
        List<FieldError> errs = new ArrayList<>();
        if (!Common.sameJson(sc.path("parameters"), old.path("parameters"))) {
            errs.add(FieldError.forbidden(FieldPath.of("parameters"), "updates to parameters are forbidden."));
        }
        if (!Fields.str(sc, "provisioner").equals(Fields.str(old, "provisioner"))) {
            errs.add(FieldError.forbidden(FieldPath.of("provisioner"), "updates to provisioner are forbidden."));
        }
        if (!Fields.str(sc, "reclaimPolicy").equals(Fields.str(old, "reclaimPolicy"))) {
            errs.add(FieldError.forbidden(FieldPath.of("reclaimPolicy"), "updates to reclaimPolicy are forbidden."));
        }
        return errs;
    }
}
