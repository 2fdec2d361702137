package io.kubelab.apiserver.patch;

import io.kubelab.apiserver.patch.PatchSchema.Field;
import io.kubelab.apiserver.patch.PatchSchema.Shape;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The patch tags of the k8s.io/api 1.32 Go types the simulated kinds use, written once per struct. Only list
 * and struct fields are declared: a list field without {@code merge} is replaced whole (tolerations, args,
 * command, ...), and is declared anyway so that a patch putting an object there fails like Kubernetes does.
 */
final class KubeTypes {

    private static final Map<String, PatchSchema> STRUCTS = new HashMap<>();
    private static final Map<String, String> KINDS = new HashMap<>();

    private KubeTypes() {
    }

    static Optional<PatchSchema> struct(String name) {
        return Optional.ofNullable(STRUCTS.get(name));
    }

    static Optional<String> kind(String apiVersion, String kind) {
        return Optional.ofNullable(KINDS.get(apiVersion + " " + kind));
    }

    // ---- the declaration vocabulary, one helper per tag combination ----

    /** {@code patchStrategy:"merge" patchMergeKey:key} on a list of structs. */
    private static Field merge(String name, String type, String key) {
        return new Field(name, Shape.LIST_OF_STRUCTS, type, true, key, false);
    }

    /** {@code patchStrategy:"merge,retainKeys" patchMergeKey:key}. */
    private static Field mergeRetainKeys(String name, String type, String key) {
        return new Field(name, Shape.LIST_OF_STRUCTS, type, true, key, true);
    }

    /** {@code patchStrategy:"merge"} on a list of scalars: merged as a set. */
    private static Field set(String name) {
        return new Field(name, Shape.LIST_OF_SCALARS, "", true, "", false);
    }

    /** A list of structs without strategy: replaced whole. */
    private static Field list(String name, String type) {
        return new Field(name, Shape.LIST_OF_STRUCTS, type, false, "", false);
    }

    /** A list of scalars without strategy: replaced whole. */
    private static Field scalars(String name) {
        return new Field(name, Shape.LIST_OF_SCALARS, "", false, "", false);
    }

    private static Field struct(String name, String type) {
        return new Field(name, Shape.STRUCT, type, false, "", false);
    }

    /** {@code patchStrategy:"retainKeys"} on a struct. */
    private static Field retainKeys(String name, String type) {
        return new Field(name, Shape.STRUCT, type, false, "", true);
    }

    private static void type(String name, Field... fields) {
        Map<String, Field> byName = new LinkedHashMap<>();
        for (Field f : fields) {
            byName.put(f.name(), f);
        }
        STRUCTS.put(name, new PatchSchema(name, Map.copyOf(byName)));
    }

    /** A top-level kind: metadata plus the given spec/status (or other) fields. */
    private static void kind(String typeName, String apiVersion, String kind, Field... fields) {
        Field[] all = new Field[fields.length + 1];
        all[0] = struct("metadata", "ObjectMeta");
        System.arraycopy(fields, 0, all, 1, fields.length);
        type(typeName, all);
        KINDS.put(apiVersion + " " + kind, typeName);
    }

    static {
        // meta/v1
        type("ObjectMeta", merge("ownerReferences", "OwnerReference", "uid"), set("finalizers"),
                list("managedFields", "ManagedFieldsEntry"));
        type("LabelSelector", list("matchExpressions", "LabelSelectorRequirement"));
        type("OwnerReference");
        type("Condition");

        // core/v1: pods and their parts
        Field[] containerFields = {scalars("command"), scalars("args"),
                merge("ports", "ContainerPort", "containerPort"), list("envFrom", "EnvFromSource"),
                merge("env", "EnvVar", "name"), struct("resources", "ResourceRequirements"),
                list("resizePolicy", "ContainerResizePolicy"), merge("volumeMounts", "VolumeMount", "mountPath"),
                merge("volumeDevices", "VolumeDevice", "devicePath"), struct("livenessProbe", "Probe"),
                struct("readinessProbe", "Probe"), struct("startupProbe", "Probe"), struct("lifecycle", "Lifecycle"),
                struct("securityContext", "SecurityContext")};
        type("Container", containerFields);
        type("EphemeralContainer", containerFields);
        type("ContainerPort");
        type("EnvVar", struct("valueFrom", "EnvVarSource"));
        type("EnvVarSource");
        type("VolumeMount");
        type("VolumeDevice");
        type("ResourceRequirements", list("claims", "ResourceClaim"));
        type("Probe", struct("exec", "ExecAction"), struct("httpGet", "HTTPGetAction"));
        type("ExecAction", scalars("command"));
        type("HTTPGetAction", list("httpHeaders", "HTTPHeader"));
        type("Lifecycle", struct("postStart", "LifecycleHandler"), struct("preStop", "LifecycleHandler"));
        type("LifecycleHandler", struct("exec", "ExecAction"), struct("httpGet", "HTTPGetAction"));
        type("SecurityContext", struct("capabilities", "Capabilities"));
        type("Capabilities", scalars("add"), scalars("drop"));
        type("PodSecurityContext", scalars("supplementalGroups"), list("sysctls", "Sysctl"));
        type("Volume", struct("configMap", "ConfigMapVolumeSource"), struct("secret", "SecretVolumeSource"),
                struct("projected", "ProjectedVolumeSource"));
        type("ConfigMapVolumeSource", list("items", "KeyToPath"));
        type("SecretVolumeSource", list("items", "KeyToPath"));
        type("ProjectedVolumeSource", list("sources", "VolumeProjection"));
        type("Toleration");
        type("LocalObjectReference");
        type("HostAlias", scalars("hostnames"));
        type("TopologySpreadConstraint", struct("labelSelector", "LabelSelector"), scalars("matchLabelKeys"));
        type("PodDNSConfig", scalars("nameservers"), scalars("searches"), list("options", "PodDNSConfigOption"));
        type("PodSpec",
                mergeRetainKeys("volumes", "Volume", "name"),
                merge("initContainers", "Container", "name"),
                merge("containers", "Container", "name"),
                merge("ephemeralContainers", "EphemeralContainer", "name"),
                merge("imagePullSecrets", "LocalObjectReference", "name"),
                merge("hostAliases", "HostAlias", "ip"),
                merge("topologySpreadConstraints", "TopologySpreadConstraint", "topologyKey"),
                mergeRetainKeys("resourceClaims", "PodResourceClaim", "name"),
                merge("schedulingGates", "PodSchedulingGate", "name"),
                list("tolerations", "Toleration"), list("readinessGates", "PodReadinessGate"),
                struct("securityContext", "PodSecurityContext"), struct("affinity", "Affinity"),
                struct("dnsConfig", "PodDNSConfig"), struct("resources", "ResourceRequirements"));
        type("PodStatus",
                merge("conditions", "PodCondition", "type"),
                merge("podIPs", "PodIP", "ip"),
                merge("hostIPs", "HostIP", "ip"),
                list("initContainerStatuses", "ContainerStatus"), list("containerStatuses", "ContainerStatus"),
                list("ephemeralContainerStatuses", "ContainerStatus"),
                mergeRetainKeys("resourceClaimStatuses", "PodResourceClaimStatus", "name"));
        type("PodTemplateSpec", struct("metadata", "ObjectMeta"), struct("spec", "PodSpec"));
        type("PersistentVolumeClaimSpec", scalars("accessModes"), struct("selector", "LabelSelector"));
        type("PersistentVolumeClaimStatus", merge("conditions", "PersistentVolumeClaimCondition", "type"),
                scalars("accessModes"));
        type("PersistentVolumeClaim", struct("metadata", "ObjectMeta"), struct("spec", "PersistentVolumeClaimSpec"),
                struct("status", "PersistentVolumeClaimStatus"));

        // core/v1 kinds
        kind("Namespace", "v1", "Namespace", struct("spec", "NamespaceSpec"), struct("status", "NamespaceStatus"));
        type("NamespaceSpec", scalars("finalizers"));
        type("NamespaceStatus", merge("conditions", "NamespaceCondition", "type"));
        kind("Node", "v1", "Node", struct("spec", "NodeSpec"), struct("status", "NodeStatus"));
        type("NodeSpec", set("podCIDRs"), list("taints", "Taint"));
        type("NodeStatus", merge("conditions", "NodeCondition", "type"), merge("addresses", "NodeAddress", "type"),
                list("images", "ContainerImage"), scalars("volumesInUse"), list("volumesAttached", "AttachedVolume"));
        kind("Pod", "v1", "Pod", struct("spec", "PodSpec"), struct("status", "PodStatus"));
        kind("Service", "v1", "Service", struct("spec", "ServiceSpec"), struct("status", "ServiceStatus"));
        type("ServiceSpec", merge("ports", "ServicePort", "port"), scalars("clusterIPs"), scalars("externalIPs"),
                scalars("ipFamilies"), scalars("loadBalancerSourceRanges"));
        type("ServicePort");
        type("ServiceStatus", struct("loadBalancer", "LoadBalancerStatus"), merge("conditions", "Condition", "type"));
        type("LoadBalancerStatus", list("ingress", "LoadBalancerIngress"));
        kind("Endpoints", "v1", "Endpoints", list("subsets", "EndpointSubset"));
        type("EndpointSubset", list("addresses", "EndpointAddress"), list("notReadyAddresses", "EndpointAddress"),
                list("ports", "EndpointPort"));
        kind("ConfigMap", "v1", "ConfigMap");
        kind("Secret", "v1", "Secret");
        kind("ServiceAccount", "v1", "ServiceAccount", merge("secrets", "ObjectReference", "name"),
                list("imagePullSecrets", "LocalObjectReference"));
        kind("Event", "v1", "Event", struct("involvedObject", "ObjectReference"), struct("related", "ObjectReference"));
        kind("ResourceQuota", "v1", "ResourceQuota", struct("spec", "ResourceQuotaSpec"));
        type("ResourceQuotaSpec", scalars("scopes"));
        kind("LimitRange", "v1", "LimitRange", struct("spec", "LimitRangeSpec"));
        type("LimitRangeSpec", list("limits", "LimitRangeItem"));
        kind("PersistentVolume", "v1", "PersistentVolume", struct("spec", "PersistentVolumeSpec"));
        type("PersistentVolumeSpec", scalars("accessModes"), scalars("mountOptions"),
                struct("claimRef", "ObjectReference"));
        KINDS.put("v1 PersistentVolumeClaim", "PersistentVolumeClaim");

        WorkloadTypes.declare();
        OtherTypes.declare();
    }

    /** apps/v1, batch/v1 and the pod template they share. */
    private static final class WorkloadTypes {
        static void declare() {
            kind("Deployment", "apps/v1", "Deployment", struct("spec", "DeploymentSpec"),
                    struct("status", "DeploymentStatus"));
            type("DeploymentSpec", struct("selector", "LabelSelector"), struct("template", "PodTemplateSpec"),
                    retainKeys("strategy", "DeploymentStrategy"));
            type("DeploymentStrategy");
            type("DeploymentStatus", merge("conditions", "DeploymentCondition", "type"));
            kind("ReplicaSet", "apps/v1", "ReplicaSet", struct("spec", "ReplicaSetSpec"),
                    struct("status", "ReplicaSetStatus"));
            type("ReplicaSetSpec", struct("selector", "LabelSelector"), struct("template", "PodTemplateSpec"));
            type("ReplicaSetStatus", merge("conditions", "ReplicaSetCondition", "type"));
            kind("DaemonSet", "apps/v1", "DaemonSet", struct("spec", "DaemonSetSpec"),
                    struct("status", "DaemonSetStatus"));
            type("DaemonSetSpec", struct("selector", "LabelSelector"), struct("template", "PodTemplateSpec"),
                    struct("updateStrategy", "DaemonSetUpdateStrategy"));
            type("DaemonSetStatus", merge("conditions", "DaemonSetCondition", "type"));
            kind("StatefulSet", "apps/v1", "StatefulSet", struct("spec", "StatefulSetSpec"),
                    struct("status", "StatefulSetStatus"));
            type("StatefulSetSpec", struct("selector", "LabelSelector"), struct("template", "PodTemplateSpec"),
                    list("volumeClaimTemplates", "PersistentVolumeClaim"),
                    struct("updateStrategy", "StatefulSetUpdateStrategy"));
            type("StatefulSetStatus", merge("conditions", "StatefulSetCondition", "type"));
            kind("Job", "batch/v1", "Job", struct("spec", "JobSpec"), struct("status", "JobStatus"));
            type("JobSpec", struct("selector", "LabelSelector"), struct("template", "PodTemplateSpec"),
                    struct("podFailurePolicy", "PodFailurePolicy"));
            type("PodFailurePolicy", list("rules", "PodFailurePolicyRule"));
            type("JobStatus", merge("conditions", "JobCondition", "type"));
            kind("CronJob", "batch/v1", "CronJob", struct("spec", "CronJobSpec"), struct("status", "CronJobStatus"));
            type("CronJobSpec", struct("jobTemplate", "JobTemplateSpec"));
            type("JobTemplateSpec", struct("metadata", "ObjectMeta"), struct("spec", "JobSpec"));
            type("CronJobStatus", list("active", "ObjectReference"));
        }
    }

    /** Networking, policy, RBAC, storage, scheduling, coordination, autoscaling, events. */
    private static final class OtherTypes {
        static void declare() {
            kind("EndpointSlice", "discovery.k8s.io/v1", "EndpointSlice", list("endpoints", "Endpoint"),
                    list("ports", "EndpointPort"));
            type("Endpoint", scalars("addresses"));
            kind("events.Event", "events.k8s.io/v1", "Event", struct("regarding", "ObjectReference"),
                    struct("related", "ObjectReference"));
            kind("Lease", "coordination.k8s.io/v1", "Lease");
            kind("StorageClass", "storage.k8s.io/v1", "StorageClass", scalars("mountOptions"),
                    list("allowedTopologies", "TopologySelectorTerm"));
            type("PolicyRule", scalars("apiGroups"), scalars("resources"), scalars("verbs"),
                    scalars("resourceNames"), scalars("nonResourceURLs"));
            kind("Role", "rbac.authorization.k8s.io/v1", "Role", list("rules", "PolicyRule"));
            kind("ClusterRole", "rbac.authorization.k8s.io/v1", "ClusterRole", list("rules", "PolicyRule"),
                    struct("aggregationRule", "AggregationRule"));
            type("AggregationRule", list("clusterRoleSelectors", "LabelSelector"));
            kind("RoleBinding", "rbac.authorization.k8s.io/v1", "RoleBinding", list("subjects", "Subject"),
                    struct("roleRef", "RoleRef"));
            kind("ClusterRoleBinding", "rbac.authorization.k8s.io/v1", "ClusterRoleBinding",
                    list("subjects", "Subject"), struct("roleRef", "RoleRef"));
            kind("HorizontalPodAutoscaler", "autoscaling/v2", "HorizontalPodAutoscaler",
                    struct("spec", "HorizontalPodAutoscalerSpec"), struct("status", "HorizontalPodAutoscalerStatus"));
            type("HorizontalPodAutoscalerSpec", struct("scaleTargetRef", "CrossVersionObjectReference"),
                    list("metrics", "MetricSpec"), struct("behavior", "HorizontalPodAutoscalerBehavior"));
            type("HorizontalPodAutoscalerBehavior", struct("scaleUp", "HPAScalingRules"),
                    struct("scaleDown", "HPAScalingRules"));
            type("HPAScalingRules", list("policies", "HPAScalingPolicy"));
            type("HorizontalPodAutoscalerStatus", list("currentMetrics", "MetricStatus"),
                    merge("conditions", "HorizontalPodAutoscalerCondition", "type"));
            kind("v1.HorizontalPodAutoscaler", "autoscaling/v1", "HorizontalPodAutoscaler",
                    struct("spec", "v1.HorizontalPodAutoscalerSpec"));
            type("v1.HorizontalPodAutoscalerSpec", struct("scaleTargetRef", "CrossVersionObjectReference"));
            kind("Ingress", "networking.k8s.io/v1", "Ingress", struct("spec", "IngressSpec"),
                    struct("status", "IngressStatus"));
            type("IngressSpec", list("tls", "IngressTLS"), list("rules", "IngressRule"));
            type("IngressStatus", struct("loadBalancer", "IngressLoadBalancerStatus"));
            type("IngressLoadBalancerStatus", list("ingress", "IngressLoadBalancerIngress"));
            kind("IngressClass", "networking.k8s.io/v1", "IngressClass", struct("spec", "IngressClassSpec"));
            kind("NetworkPolicy", "networking.k8s.io/v1", "NetworkPolicy", struct("spec", "NetworkPolicySpec"));
            type("NetworkPolicySpec", struct("podSelector", "LabelSelector"), list("ingress", "NetworkPolicyIngressRule"),
                    list("egress", "NetworkPolicyEgressRule"), scalars("policyTypes"));
            kind("PodDisruptionBudget", "policy/v1", "PodDisruptionBudget",
                    struct("spec", "PodDisruptionBudgetSpec"), struct("status", "PodDisruptionBudgetStatus"));
            type("PodDisruptionBudgetSpec", struct("selector", "LabelSelector"));
            type("PodDisruptionBudgetStatus", merge("conditions", "Condition", "type"));
            kind("PriorityClass", "scheduling.k8s.io/v1", "PriorityClass");
        }
    }
}
