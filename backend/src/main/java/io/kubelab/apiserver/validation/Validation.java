package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Kubernetes 1.32's validation of a create or an update, dispatched on {@code apiVersion} and {@code kind}.
 * The object has already been defaulted. The answer is the list of causes, in the order Kubernetes reports
 * them, ready for {@link Status#invalid}; empty when the object is valid.
 */
public final class Validation {

    /** Kinds served cluster-wide; everything else is namespaced. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "Node", "PersistentVolume", "ClusterRole",
            "ClusterRoleBinding", "StorageClass", "PriorityClass", "CustomResourceDefinition", "IngressClass", "CSIDriver",
            "CSINode", "VolumeAttachment", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService",
            "RuntimeClass", "CertificateSigningRequest", "FlowSchema", "PriorityLevelConfiguration",
            "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding");
    private static final Set<String> RBAC_KINDS = Set.of("Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding");

    private Validation() {
    }

    public static List<Status.Cause> validateCreate(ObjectNode object) {
        return causes(create(object));
    }

    public static List<Status.Cause> validateUpdate(ObjectNode object, ObjectNode old) {
        return causes(update(object, old));
    }

    public static boolean isNamespaced(String kind) {
        return !CLUSTER_SCOPED.contains(kind);
    }

    /** The name rule Kubernetes applies to {@code metadata.name} of this kind. */
    static NameRules.NameFn nameRule(String kind) {
        if (kind.equals("Namespace")) {
            return NameRules.DNS1123_LABEL;
        }
        if (kind.equals("Service")) {
            return NameRules.DNS1035_LABEL;
        }
        return RBAC_KINDS.contains(kind) ? NameRules.PATH_SEGMENT : NameRules.DNS1123_SUBDOMAIN;
    }

    private static List<Status.Cause> causes(List<FieldError> errors) {
        return errors.stream().map(FieldError::toCause).toList();
    }

    static List<FieldError> create(JsonNode o) {
        String kind = Fields.str(o, "kind");
        if (kind.equals("Pod")) {
            return PodValidation.create(o);
        }
        if (kind.equals("Service")) {
            return ServiceValidation.create(o);
        }
        if (kind.equals("Event")) {
            return EventValidation.create(o);
        }
        List<FieldError> errs = new ArrayList<>(meta(o));
        errs.addAll(body(o, kind));
        return errs;
    }

    private static List<FieldError> meta(JsonNode o) {
        String kind = Fields.str(o, "kind");
        return ObjectMetaValidation.validate(o.path("metadata"), isNamespaced(kind), nameRule(kind), FieldPath.of("metadata"));
    }

    /** Everything but metadata, for a create. */
    private static List<FieldError> body(JsonNode o, String kind) {
        JsonNode spec = o.path("spec");
        FieldPath sp = FieldPath.of("spec");
        List<FieldError> errs = new ArrayList<>();
        switch (group(o) + "/" + kind) {
            case "apps/Deployment" -> errs.addAll(AppsValidation.deploymentSpec(spec, sp));
            case "apps/ReplicaSet" -> errs.addAll(AppsValidation.replicaSetSpec(spec, sp));
            case "apps/DaemonSet" -> errs.addAll(AppsValidation.daemonSetSpec(spec, sp));
            case "apps/StatefulSet" -> errs.addAll(AppsValidation.statefulSetSpec(spec, sp));
            case "batch/Job" -> errs.addAll(BatchValidation.jobSpec(spec, sp));
            case "batch/CronJob" -> {
                errs.addAll(BatchValidation.cronJobSpec(spec, null, sp));
                String name = Fields.str(o.path("metadata"), "name");
                if (name.length() > 52) {
                    errs.add(FieldError.invalid(FieldPath.of("metadata", "name"), name, "must be no more than 52 characters"));
                }
            }
            case "/Namespace" -> {
                for (String f : Fields.strings(spec, "finalizers")) {
                    errs.addAll(Common.qualifiedName(f, sp.child("finalizers")));
                    if (!f.contains("/") && !f.equals("kubernetes")) {
                        errs.add(FieldError.invalid(sp.child("finalizers"), f, "name is neither a standard finalizer name nor is it fully qualified"));
                    }
                }
            }
            case "/ConfigMap" -> errs.addAll(ConfigValidation.configMap(o));
            case "/Secret" -> errs.addAll(ConfigValidation.secret(o));
            case "/PersistentVolumeClaim" -> errs.addAll(OtherValidation.persistentVolumeClaim(o));
            case "rbac.authorization.k8s.io/Role" -> errs.addAll(RbacValidation.rules(o, true));
            case "rbac.authorization.k8s.io/ClusterRole" -> errs.addAll(RbacValidation.rules(o, false));
            case "rbac.authorization.k8s.io/RoleBinding" -> errs.addAll(RbacValidation.binding(o, true));
            case "rbac.authorization.k8s.io/ClusterRoleBinding" -> errs.addAll(RbacValidation.binding(o, false));
            case "scheduling.k8s.io/PriorityClass" -> errs.addAll(OtherValidation.priorityClass(o));
            case "coordination.k8s.io/Lease" -> errs.addAll(OtherValidation.lease(o));
            case "policy/PodDisruptionBudget" -> errs.addAll(OtherValidation.podDisruptionBudget(o));
            case "storage.k8s.io/StorageClass" -> errs.addAll(OtherValidation.storageClass(o));
            case "networking.k8s.io/Ingress" -> errs.addAll(NetworkingValidation.ingressCreate(o));
            case "networking.k8s.io/IngressClass" -> errs.addAll(NetworkingValidation.ingressClassSpec(spec, sp));
            case "networking.k8s.io/NetworkPolicy" -> errs.addAll(NetworkPolicyValidation.spec(spec, sp));
            case "autoscaling/HorizontalPodAutoscaler" -> errs.addAll(AutoscalingValidation.spec(spec, sp, 1));
            case "discovery.k8s.io/EndpointSlice" -> errs.addAll(DiscoveryValidation.endpointSlice(o));
            case "/PersistentVolume" -> errs.addAll(PersistentVolumeValidation.spec(spec, sp));
            default -> {
                // Unknown kinds get only their metadata checked.
            }
        }
        return errs;
    }

    static List<FieldError> update(JsonNode o, JsonNode old) {
        // The registry refuses an update without a resourceVersion before validation runs, printing the
        // parsed uint64 zero.
        if (Fields.str(o.path("metadata"), "resourceVersion").isEmpty()) {
            return List.of(new FieldError(ErrorType.INVALID, FieldPath.of("metadata", "resourceVersion"),
                    GoValue.literal("0x0"), "must be specified for an update"));
        }
        String kind = Fields.str(o, "kind");
        if (kind.equals("Pod")) {
            return PodValidation.update(o, old);
        }
        if (kind.equals("Service")) {
            return ServiceValidation.update(o, old);
        }
        if (kind.equals("Event")) {
            return EventValidation.update(o, old);
        }
        List<FieldError> errs = new ArrayList<>();
        List<FieldError> metaUpdate = ObjectMetaValidation.validateUpdate(o.path("metadata"), old.path("metadata"),
                FieldPath.of("metadata"));
        JsonNode spec = o.path("spec");
        JsonNode oldSpec = old.path("spec");
        FieldPath sp = FieldPath.of("spec");
        switch (group(o) + "/" + kind) {
            case "apps/Deployment", "apps/ReplicaSet", "apps/DaemonSet" -> {
                errs.addAll(metaUpdate);
                errs.addAll(body(o, kind));
                errs.addAll(AppsValidation.selectorImmutable(spec, oldSpec));
            }
            case "apps/StatefulSet" -> {
                errs.addAll(metaUpdate);
                errs.addAll(AppsValidation.statefulSetSpec(spec, sp));
                errs.addAll(AppsValidation.statefulSetUpdate(spec, oldSpec));
            }
            case "batch/Job" -> {
                errs.addAll(metaUpdate);
                errs.addAll(BatchValidation.jobUpdate(spec, oldSpec, sp));
            }
            case "batch/CronJob" -> {
                errs.addAll(metaUpdate);
                errs.addAll(BatchValidation.cronJobSpec(spec, oldSpec, sp));
            }
            case "/ConfigMap" -> {
                errs.addAll(metaUpdate);
                errs.addAll(ConfigValidation.immutableUpdate(o, old, List.of("data", "binaryData")));
                errs.addAll(create(o));
            }
            case "/Secret" -> {
                errs.addAll(metaUpdate);
                errs.addAll(Common.immutableString(Fields.str(o, "type"), Fields.str(old, "type"), FieldPath.of("type")));
                errs.addAll(ConfigValidation.immutableUpdate(o, old, List.of("data")));
                errs.addAll(create(o));
            }
            case "/PersistentVolumeClaim" -> {
                errs.addAll(metaUpdate);
                errs.addAll(OtherValidation.persistentVolumeClaimUpdate(o, old));
                errs.addAll(body(o, kind));
            }
            case "rbac.authorization.k8s.io/Role", "rbac.authorization.k8s.io/ClusterRole" -> {
                errs.addAll(create(o));
                errs.addAll(metaUpdate);
            }
            case "rbac.authorization.k8s.io/RoleBinding", "rbac.authorization.k8s.io/ClusterRoleBinding" -> {
                errs.addAll(create(o));
                errs.addAll(metaUpdate);
                errs.addAll(RbacValidation.roleRefImmutable(o, old));
            }
            case "scheduling.k8s.io/PriorityClass" -> {
                errs.addAll(metaUpdate);
                errs.addAll(OtherValidation.priorityClassUpdate(o, old));
            }
            case "networking.k8s.io/Ingress" -> {
                // Update validation skips the ingress-class annotation check that create makes.
                errs.addAll(metaUpdate);
                errs.addAll(meta(o));
                errs.addAll(NetworkingValidation.ingressSpec(spec, sp));
            }
            case "networking.k8s.io/IngressClass" -> {
                errs.addAll(metaUpdate);
                errs.addAll(Common.immutableString(Fields.str(spec, "controller"), Fields.str(oldSpec, "controller"),
                        sp.child("controller")));
                errs.addAll(create(o));
            }
            case "autoscaling/HorizontalPodAutoscaler" -> {
                errs.addAll(metaUpdate);
                boolean wasZero = Fields.has(oldSpec, "minReplicas") && Fields.num(oldSpec, "minReplicas", 1) == 0;
                errs.addAll(AutoscalingValidation.spec(spec, sp, wasZero ? 0 : 1));
            }
            case "discovery.k8s.io/EndpointSlice" -> {
                errs.addAll(metaUpdate);
                errs.addAll(meta(o));
                errs.addAll(DiscoveryValidation.endpointSliceUpdate(o, old));
            }
            case "/PersistentVolume" -> {
                errs.addAll(metaUpdate);
                errs.addAll(create(o));
                errs.addAll(PersistentVolumeValidation.update(o, old));
            }
            case "storage.k8s.io/StorageClass" -> {
                errs.addAll(create(o));
                errs.addAll(metaUpdate);
                errs.addAll(OtherValidation.storageClassUpdate(o, old));
            }
            default -> {
                errs.addAll(metaUpdate);
                errs.addAll(body(o, kind));
            }
        }
        return errs;
    }

    /** The API group of {@code apiVersion}: "" for the core group ({@code v1}). */
    static String group(JsonNode o) {
        String apiVersion = Fields.str(o, "apiVersion");
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
