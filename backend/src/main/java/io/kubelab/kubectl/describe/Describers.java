package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.model.ResourceType;

/**
 * {@code kubectl describe}'s describers, one per kind as kubectl 1.32's {@code describerMap} registers
 * them, and the generic describer for every other kind. Each prints exactly what kubectl prints for one
 * object, fetching related objects (events, pods, ReplicaSets, endpoints...) through the API server as
 * the context's user.
 */
public final class Describers {

    private interface Describer {
        void describe(DescribeContext ctx, ObjectNode object, PrefixWriter w);
    }

    private Describers() {
    }

    /** {@code kubectl describe TYPE NAME}: the text kubectl prints, ending with the Events section where kubectl has one. */
    public static String describe(DescribeContext ctx, ResourceType type, ObjectNode object) {
        TabWriter out = new TabWriter();
        describerFor(type).describe(ctx, object, new PrefixWriter(out));
        return out.flush();
    }

    private static Describer describerFor(ResourceType type) {
        String key = type.group() + "/" + type.kind();
        return switch (key) {
            case "/Pod" -> PodDescriber::describe;
            case "/Service" -> ServiceDescribers::service;
            case "/Endpoints" -> ServiceDescribers::endpoints;
            case "discovery.k8s.io/EndpointSlice" -> ServiceDescribers::endpointSlice;
            case "/Node" -> NodeDescriber::describe;
            case "/Namespace" -> NamespaceDescribers::namespace;
            case "/ResourceQuota" -> NamespaceDescribers::quota;
            case "/LimitRange" -> NamespaceDescribers::limitRange;
            case "/ConfigMap" -> ConfigDescribers::configMap;
            case "/Secret" -> ConfigDescribers::secret;
            case "/ServiceAccount" -> ConfigDescribers::serviceAccount;
            case "/ReplicationController" -> WorkloadDescribers::replicationController;
            case "apps/Deployment" -> WorkloadDescribers::deployment;
            case "apps/ReplicaSet" -> WorkloadDescribers::replicaSet;
            case "apps/DaemonSet" -> WorkloadDescribers::daemonSet;
            case "apps/StatefulSet" -> WorkloadDescribers::statefulSet;
            case "batch/Job" -> JobDescribers::job;
            case "batch/CronJob" -> JobDescribers::cronJob;
            case "/PersistentVolume" -> StorageDescribers::persistentVolume;
            case "/PersistentVolumeClaim" -> StorageDescribers::persistentVolumeClaim;
            case "storage.k8s.io/StorageClass" -> StorageDescribers::storageClass;
            case "networking.k8s.io/Ingress" -> NetworkDescribers::ingress;
            case "networking.k8s.io/IngressClass" -> NetworkDescribers::ingressClass;
            case "networking.k8s.io/NetworkPolicy" -> NetworkDescribers::networkPolicy;
            case "autoscaling/HorizontalPodAutoscaler" -> PolicyDescribers::horizontalPodAutoscaler;
            case "policy/PodDisruptionBudget" -> PolicyDescribers::podDisruptionBudget;
            case "scheduling.k8s.io/PriorityClass" -> PolicyDescribers::priorityClass;
            case "rbac.authorization.k8s.io/Role", "rbac.authorization.k8s.io/ClusterRole" -> RbacDescribers::role;
            case "rbac.authorization.k8s.io/RoleBinding", "rbac.authorization.k8s.io/ClusterRoleBinding" ->
                    RbacDescribers::binding;
            default -> GenericDescriber::describe;
        };
    }
}
