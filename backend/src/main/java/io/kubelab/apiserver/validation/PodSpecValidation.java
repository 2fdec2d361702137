package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code ValidatePodSpec} and {@code ValidatePodTemplateSpec}, in the order Kubernetes checks. */
final class PodSpecValidation {

    static final List<String> RESTART_POLICIES = List.of("Always", "OnFailure", "Never");
    private static final List<String> DNS_POLICIES = List.of("ClusterFirstWithHostNet", "ClusterFirst", "Default", "None");
    private static final List<String> TAINT_EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");
    private static final long MAX_INT32 = Integer.MAX_VALUE;

    private PodSpecValidation() {
    }

    static List<FieldError> spec(JsonNode spec, FieldPath path) {
        return spec(spec, path, false);
    }

    /** {@code isPod} is ValidatePodSpec's ResourceIsPod: templates may leave a host-network hostPort unset. */
    static List<FieldError> spec(JsonNode spec, FieldPath path, boolean isPod) {
        List<FieldError> errs = new ArrayList<>();
        Long grace = Fields.has(spec, "terminationGracePeriodSeconds") ? Fields.num(spec, "terminationGracePeriodSeconds", 0) : null;
        JsonNode hostUsersNode = spec.path("hostUsers");
        boolean hostUsers = !hostUsersNode.isBoolean() || hostUsersNode.asBoolean();
        Set<String> volumes = new HashSet<>();
        errs.addAll(VolumeValidation.validate(Fields.list(spec, "volumes"), path.child("volumes"), volumes));
        List<JsonNode> containers = Fields.list(spec, "containers");
        errs.addAll(ContainerValidation.containers(containers, volumes, grace, hostUsers, path.child("containers")));
        errs.addAll(ContainerValidation.initContainers(Fields.list(spec, "initContainers"), containers, volumes,
                grace, hostUsers, path.child("initContainers")));
        errs.addAll(PodDetailValidation.hostNetworkPorts(spec, isPod, path));
        errs.addAll(oneOf(Fields.str(spec, "restartPolicy"), RESTART_POLICIES, path.child("restartPolicy")));
        errs.addAll(oneOf(Fields.str(spec, "dnsPolicy"), DNS_POLICIES, path.child("dnsPolicy")));
        errs.addAll(Common.labels(Fields.stringMap(spec, "nodeSelector"), path.child("nodeSelector")));
        errs.addAll(SecurityContextValidation.pod(spec.path("securityContext"), spec, path.child("securityContext")));
        for (int i = 0; i < Fields.list(spec, "imagePullSecrets").size(); i++) {
            if (Fields.str(Fields.list(spec, "imagePullSecrets").get(i), "name").isEmpty()) {
                errs.add(FieldError.required(path.child("imagePullSecrets").index(i).child("name"), ""));
            }
        }
        errs.addAll(AffinityValidation.affinity(spec.path("affinity"), path.child("affinity")));
        errs.addAll(PodDetailValidation.dnsConfig(spec, path.child("dnsConfig")));
        errs.addAll(PodDetailValidation.readinessGates(Fields.list(spec, "readinessGates"), path.child("readinessGates")));
        errs.addAll(PodDetailValidation.schedulingGates(Fields.list(spec, "schedulingGates"), path.child("schedulingGates")));
        errs.addAll(AffinityValidation.topologySpreadConstraints(Fields.list(spec, "topologySpreadConstraints"),
                path.child("topologySpreadConstraints")));
        String serviceAccount = Fields.str(spec, "serviceAccountName");
        if (!serviceAccount.isEmpty()) {
            errs.addAll(Common.dns1123Subdomain(serviceAccount, path.child("serviceAccountName")));
        }
        String nodeName = Fields.str(spec, "nodeName");
        if (!nodeName.isEmpty()) {
            errs.addAll(Common.dns1123Subdomain(nodeName, path.child("nodeName")));
        }
        if (Fields.has(spec, "activeDeadlineSeconds")) {
            long v = Fields.num(spec, "activeDeadlineSeconds", 0);
            if (v < 1 || v > MAX_INT32) {
                errs.add(FieldError.invalid(path.child("activeDeadlineSeconds"), v, NameRules.inclusiveRange(1, MAX_INT32)));
            }
        }
        if (!Fields.str(spec, "hostname").isEmpty()) {
            errs.addAll(Common.dns1123Label(Fields.str(spec, "hostname"), path.child("hostname")));
        }
        if (!Fields.str(spec, "subdomain").isEmpty()) {
            errs.addAll(Common.dns1123Label(Fields.str(spec, "subdomain"), path.child("subdomain")));
        }
        errs.addAll(tolerations(Fields.list(spec, "tolerations"), path.child("tolerations")));
        errs.addAll(PodDetailValidation.hostAliases(Fields.list(spec, "hostAliases"), path.child("hostAliases")));
        String priorityClass = Fields.str(spec, "priorityClassName");
        if (!priorityClass.isEmpty()) {
            errs.addAll(Common.dns1123Subdomain(priorityClass, path.child("priorityClassName")));
        }
        errs.addAll(PodDetailValidation.tail(spec, path));
        return errs;
    }

    /** A pod template: labels at {@code <path>.labels} (sic, not metadata.labels), annotations, then the spec. */
    static List<FieldError> template(JsonNode template, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        JsonNode meta = template.path("metadata");
        errs.addAll(Common.labels(Fields.stringMap(meta, "labels"), path.child("labels")));
        errs.addAll(Common.annotations(Fields.stringMap(meta, "annotations"), path.child("annotations")));
        errs.addAll(spec(template.path("spec"), path.child("spec")));
        if (!Fields.list(template.path("spec"), "ephemeralContainers").isEmpty()) {
            errs.add(FieldError.forbidden(path.child("spec", "ephemeralContainers"),
                    "ephemeral containers not allowed in pod template"));
        }
        return errs;
    }

    static List<FieldError> tolerations(List<JsonNode> tolerations, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; i < tolerations.size(); i++) {
            JsonNode t = tolerations.get(i);
            FieldPath idx = path.index(i);
            String key = Fields.str(t, "key");
            String operator = Fields.str(t, "operator");
            String effect = Fields.str(t, "effect");
            String value = Fields.str(t, "value");
            if (!key.isEmpty()) {
                errs.addAll(Common.qualifiedName(key, idx.child("key")));
            }
            if (key.isEmpty() && !operator.equals("Exists")) {
                errs.add(FieldError.invalid(idx.child("operator"), operator,
                        "operator must be Exists when `key` is empty, which means \"match all values and all keys\""));
            }
            if (Fields.has(t, "tolerationSeconds") && !effect.equals("NoExecute")) {
                errs.add(FieldError.invalid(idx.child("effect"), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
            }
            switch (operator) {
                case "Equal", "" -> {
                    List<String> msgs = io.kubelab.model.NameValidation.labelValue(value);
                    if (!msgs.isEmpty()) {
                        errs.add(FieldError.invalid(idx.child("operator"), value, String.join(";", msgs)));
                    }
                }
                case "Exists" -> {
                    if (!value.isEmpty()) {
                        errs.add(new FieldError(ErrorType.INVALID, idx.child("operator"), toleration(t),
                                "value must be empty when `operator` is 'Exists'"));
                    }
                }
                default -> errs.add(FieldError.notSupported(idx.child("operator"), operator, List.of("Equal", "Exists")));
            }
            if (!effect.isEmpty() && !TAINT_EFFECTS.contains(effect)) {
                errs.add(FieldError.notSupported(idx.child("effect"), effect, TAINT_EFFECTS));
            }
        }
        return errs;
    }

    private static GoValue toleration(JsonNode t) {
        java.util.Map<String, String> f = new java.util.LinkedHashMap<>();
        f.put("Key", GoValue.of(Fields.str(t, "key")).text());
        f.put("Operator", GoValue.of(Fields.str(t, "operator")).text());
        f.put("Value", GoValue.of(Fields.str(t, "value")).text());
        f.put("Effect", GoValue.of(Fields.str(t, "effect")).text());
        f.put("TolerationSeconds", GoValue.pointer("int64", !Fields.has(t, "tolerationSeconds")));
        return GoValue.struct("core.Toleration", f);
    }

    /** An enum field: Required when empty, else NotSupported listing the values in Kubernetes' order. */
    static List<FieldError> oneOf(String value, List<String> supported, FieldPath path) {
        if (value.isEmpty()) {
            return List.of(FieldError.required(path, ""));
        }
        return supported.contains(value) ? List.of() : List.of(FieldError.notSupported(path, value, supported));
    }
}
