package io.kubelab.controller.garbagecollector;

import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.util.List;
import java.util.Optional;

/**
 * The kinds the garbage collector watches. Kubernetes watches every resource that supports delete, list
 * and watch; we watch those that own or are owned in a cluster students build (workloads and what they
 * create, services and their endpoints, storage, config, nodes and their leases, policies). Events are
 * left out: nothing owns them, and they are the most numerous objects.
 */
final class GcKinds {

    private GcKinds() {
    }

    static final List<String[]> KINDS = List.of(
            new String[]{"v1", "Pod"}, new String[]{"v1", "Service"}, new String[]{"v1", "Endpoints"},
            new String[]{"v1", "ConfigMap"}, new String[]{"v1", "Secret"}, new String[]{"v1", "ServiceAccount"},
            new String[]{"v1", "PersistentVolumeClaim"}, new String[]{"v1", "PersistentVolume"},
            new String[]{"v1", "Node"}, new String[]{"v1", "ReplicationController"}, new String[]{"v1", "PodTemplate"},
            new String[]{"apps/v1", "Deployment"}, new String[]{"apps/v1", "ReplicaSet"},
            new String[]{"apps/v1", "DaemonSet"}, new String[]{"apps/v1", "StatefulSet"},
            new String[]{"apps/v1", "ControllerRevision"}, new String[]{"batch/v1", "Job"},
            new String[]{"batch/v1", "CronJob"}, new String[]{"discovery.k8s.io/v1", "EndpointSlice"},
            new String[]{"coordination.k8s.io/v1", "Lease"}, new String[]{"policy/v1", "PodDisruptionBudget"},
            new String[]{"autoscaling/v2", "HorizontalPodAutoscaler"}, new String[]{"networking.k8s.io/v1", "Ingress"},
            new String[]{"networking.k8s.io/v1", "NetworkPolicy"},
            new String[]{"rbac.authorization.k8s.io/v1", "Role"},
            new String[]{"rbac.authorization.k8s.io/v1", "RoleBinding"});

    static List<ResourceType> types() {
        return KINDS.stream().map(k -> ResourceTypes.byKind(k[0], k[1])).flatMap(Optional::stream).toList();
    }
}
