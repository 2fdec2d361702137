package io.kubelab.apiserver.defaults;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.function.Consumer;

import static java.util.Map.entry;

/**
 * The scheme defaulting Kubernetes 1.32 applies when it decodes an object: the {@code SetDefaults_*} functions and
 * the generated recursion into nested structs, plus the re-printing of every {@code resource.Quantity} those structs
 * hold. Admission plugins and registry strategies (service account, tokens, tolerations, priority, cluster IPs,
 * node ports, IP families, uid, timestamps, generation, status resets) are not defaulting and are not done here.
 */
public final class Defaulting {

    private static final Consumer<ObjectNode> NONE = o -> { };

    /** Keyed by {@code apiVersion + "/" + kind}. */
    private static final Map<String, Consumer<ObjectNode>> BY_TYPE = Map.ofEntries(
            entry("v1/Namespace", CoreDefaults::namespace),
            entry("v1/Node", CoreDefaults::node),
            entry("v1/Pod", PodDefaults::pod),
            entry("v1/Service", ServiceDefaults::service),
            entry("v1/Endpoints", ServiceDefaults::endpoints),
            entry("discovery.k8s.io/v1/EndpointSlice", ServiceDefaults::endpointSlice),
            entry("v1/ConfigMap", NONE),
            entry("v1/Secret", CoreDefaults::secret),
            entry("v1/ServiceAccount", NONE),
            entry("v1/Event", NONE),
            entry("events.k8s.io/v1/Event", NONE),
            entry("v1/ResourceQuota", CoreDefaults::resourceQuota),
            entry("v1/LimitRange", CoreDefaults::limitRange),
            entry("v1/PersistentVolume", StorageDefaults::persistentVolume),
            entry("v1/PersistentVolumeClaim", StorageDefaults::persistentVolumeClaim),
            entry("apps/v1/Deployment", AppsDefaults::deployment),
            entry("apps/v1/ReplicaSet", AppsDefaults::replicaSet),
            entry("apps/v1/DaemonSet", AppsDefaults::daemonSet),
            entry("apps/v1/StatefulSet", AppsDefaults::statefulSet),
            entry("batch/v1/Job", BatchDefaults::job),
            entry("batch/v1/CronJob", BatchDefaults::cronJob),
            entry("coordination.k8s.io/v1/Lease", NONE),
            entry("storage.k8s.io/v1/StorageClass", StorageDefaults::storageClass),
            entry("rbac.authorization.k8s.io/v1/Role", NONE),
            entry("rbac.authorization.k8s.io/v1/ClusterRole", NONE),
            entry("rbac.authorization.k8s.io/v1/RoleBinding", RbacDefaults::binding),
            entry("rbac.authorization.k8s.io/v1/ClusterRoleBinding", RbacDefaults::binding),
            entry("autoscaling/v2/HorizontalPodAutoscaler", AutoscalingDefaults::hpaV2),
            entry("autoscaling/v1/HorizontalPodAutoscaler", AutoscalingDefaults::hpaV1),
            entry("networking.k8s.io/v1/Ingress", NONE),
            entry("networking.k8s.io/v1/IngressClass", NetworkingDefaults::ingressClass),
            entry("networking.k8s.io/v1/NetworkPolicy", NetworkingDefaults::networkPolicy),
            entry("policy/v1/PodDisruptionBudget", NONE),
            entry("scheduling.k8s.io/v1/PriorityClass", SchedulingDefaults::priorityClass));

    private Defaulting() {
    }

    /** Defaults {@code object} in place; kinds this table does not know are left as they are. */
    public static void apply(ObjectNode object) {
        String key = object.path("apiVersion").asText("") + "/" + object.path("kind").asText("");
        BY_TYPE.getOrDefault(key, NONE).accept(object);
    }

    /** Whether {@link #apply} knows this type (some known types have no defaults at all). */
    public static boolean knows(String apiVersion, String kind) {
        return BY_TYPE.containsKey(apiVersion + "/" + kind);
    }
}
