package io.kubelab.apiserver.schema;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What fabric8's Java types cannot say about the Go ones: named string types ({@code v1.PullPolicy} is a
 * {@code String} in Java), {@code metav1.Time} fields (also {@code String}) and {@code []byte} fields
 * (base64 strings). Keyed by {@code GoStruct.jsonField}. Named types only change the {@code of type T}
 * of a type error, so the table lists the fields students write, not every enum of the API; any field
 * missing here reports plain {@code string}.
 */
final class GoNames {

    /** Named scalar types, given for the element when the field is a list. */
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("ObjectMeta.uid", "types.UID"),
            Map.entry("OwnerReference.uid", "types.UID"),
            Map.entry("ManagedFieldsEntry.operation", "v1.ManagedFieldsOperationType"),
            Map.entry("LabelSelectorRequirement.operator", "v1.LabelSelectorOperator"),
            Map.entry("Container.imagePullPolicy", "v1.PullPolicy"),
            Map.entry("Container.terminationMessagePolicy", "v1.TerminationMessagePolicy"),
            Map.entry("Container.restartPolicy", "v1.ContainerRestartPolicy"),
            Map.entry("EphemeralContainer.imagePullPolicy", "v1.PullPolicy"),
            Map.entry("EphemeralContainer.terminationMessagePolicy", "v1.TerminationMessagePolicy"),
            Map.entry("ContainerPort.protocol", "v1.Protocol"),
            Map.entry("ServicePort.protocol", "v1.Protocol"),
            Map.entry("EndpointPort.protocol", "v1.Protocol"),
            Map.entry("NetworkPolicyPort.protocol", "v1.Protocol"),
            Map.entry("HTTPGetAction.scheme", "v1.URIScheme"),
            Map.entry("PodSpec.restartPolicy", "v1.RestartPolicy"),
            Map.entry("PodSpec.dnsPolicy", "v1.DNSPolicy"),
            Map.entry("PodSpec.preemptionPolicy", "v1.PreemptionPolicy"),
            Map.entry("PodStatus.phase", "v1.PodPhase"),
            Map.entry("PodStatus.qosClass", "v1.PodQOSClass"),
            Map.entry("PodCondition.type", "v1.PodConditionType"),
            Map.entry("PodCondition.status", "v1.ConditionStatus"),
            Map.entry("Toleration.operator", "v1.TolerationOperator"),
            Map.entry("Toleration.effect", "v1.TaintEffect"),
            Map.entry("Taint.effect", "v1.TaintEffect"),
            Map.entry("NodeSelectorRequirement.operator", "v1.NodeSelectorOperator"),
            Map.entry("Capabilities.add", "v1.Capability"),
            Map.entry("Capabilities.drop", "v1.Capability"),
            Map.entry("SecurityContext.procMount", "v1.ProcMountType"),
            Map.entry("SeccompProfile.type", "v1.SeccompProfileType"),
            Map.entry("HostPathVolumeSource.type", "v1.HostPathType"),
            Map.entry("ServiceSpec.type", "v1.ServiceType"),
            Map.entry("ServiceSpec.sessionAffinity", "v1.ServiceAffinity"),
            Map.entry("ServiceSpec.externalTrafficPolicy", "v1.ServiceExternalTrafficPolicy"),
            Map.entry("ServiceSpec.internalTrafficPolicy", "v1.ServiceInternalTrafficPolicy"),
            Map.entry("ServiceSpec.ipFamilies", "v1.IPFamily"),
            Map.entry("ServiceSpec.ipFamilyPolicy", "v1.IPFamilyPolicy"),
            Map.entry("Secret.type", "v1.SecretType"),
            Map.entry("NamespaceSpec.finalizers", "v1.FinalizerName"),
            Map.entry("NamespaceStatus.phase", "v1.NamespacePhase"),
            Map.entry("PersistentVolumeClaimSpec.accessModes", "v1.PersistentVolumeAccessMode"),
            Map.entry("PersistentVolumeClaimSpec.volumeMode", "v1.PersistentVolumeMode"),
            Map.entry("PersistentVolumeSpec.accessModes", "v1.PersistentVolumeAccessMode"),
            Map.entry("PersistentVolumeSpec.volumeMode", "v1.PersistentVolumeMode"),
            Map.entry("PersistentVolumeSpec.persistentVolumeReclaimPolicy", "v1.PersistentVolumeReclaimPolicy"),
            Map.entry("ResourceQuotaSpec.scopes", "v1.ResourceQuotaScope"),
            Map.entry("LimitRangeItem.type", "v1.LimitType"),
            Map.entry("StorageClass.reclaimPolicy", "v1.PersistentVolumeReclaimPolicy"),
            Map.entry("StorageClass.volumeBindingMode", "v1.VolumeBindingMode"),
            Map.entry("DeploymentStrategy.type", "v1.DeploymentStrategyType"),
            Map.entry("StatefulSetSpec.podManagementPolicy", "v1.PodManagementPolicyType"),
            Map.entry("StatefulSetUpdateStrategy.type", "v1.StatefulSetUpdateStrategyType"),
            Map.entry("DaemonSetUpdateStrategy.type", "v1.DaemonSetUpdateStrategyType"),
            Map.entry("CronJobSpec.concurrencyPolicy", "v1.ConcurrencyPolicy"),
            Map.entry("JobSpec.completionMode", "v1.CompletionMode"),
            Map.entry("JobSpec.podReplacementPolicy", "v1.PodReplacementPolicy"),
            Map.entry("HTTPIngressPath.pathType", "v1.PathType"),
            Map.entry("NetworkPolicySpec.policyTypes", "v1.PolicyType"));

    /** {@code metav1.Time} fields, RFC 3339 strings that fabric8 types as plain {@code String}. */
    private static final Set<String> TIME = Set.of(
            "ObjectMeta.creationTimestamp", "ObjectMeta.deletionTimestamp", "ManagedFieldsEntry.time",
            "Condition.lastTransitionTime", "Taint.timeAdded",
            "PodStatus.startTime", "PodCondition.lastProbeTime", "PodCondition.lastTransitionTime",
            "ContainerStateRunning.startedAt", "ContainerStateTerminated.startedAt",
            "ContainerStateTerminated.finishedAt",
            "NodeCondition.lastHeartbeatTime", "NodeCondition.lastTransitionTime",
            "NamespaceCondition.lastTransitionTime",
            "PersistentVolumeClaimCondition.lastProbeTime", "PersistentVolumeClaimCondition.lastTransitionTime",
            "PersistentVolumeStatus.lastPhaseTransitionTime",
            "Event.firstTimestamp", "Event.lastTimestamp",
            "Event.deprecatedFirstTimestamp", "Event.deprecatedLastTimestamp",
            "DeploymentCondition.lastUpdateTime", "DeploymentCondition.lastTransitionTime",
            "ReplicaSetCondition.lastTransitionTime", "StatefulSetCondition.lastTransitionTime",
            "DaemonSetCondition.lastTransitionTime",
            "JobCondition.lastProbeTime", "JobCondition.lastTransitionTime",
            "JobStatus.startTime", "JobStatus.completionTime",
            "CronJobStatus.lastScheduleTime", "CronJobStatus.lastSuccessfulTime",
            "HorizontalPodAutoscalerStatus.lastScaleTime", "HorizontalPodAutoscalerCondition.lastTransitionTime",
            "PodDisruptionBudgetStatus.disruptedPods");

    /** {@code metav1.MicroTime} fields typed {@code String} by fabric8 (others use its MicroTime class). */
    private static final Set<String> MICRO_TIME = Set.of("LeaseSpec.acquireTime", "LeaseSpec.renewTime");

    /** {@code []byte} fields, base64 in JSON: the values of these maps. */
    private static final Set<String> BYTES = Set.of("Secret.data", "ConfigMap.binaryData");

    private GoNames() {
    }

    static Optional<String> named(String struct, String field) {
        return Optional.ofNullable(NAMED.get(struct + "." + field));
    }

    static boolean time(String struct, String field) {
        return TIME.contains(struct + "." + field);
    }

    static boolean microTime(String struct, String field) {
        return MICRO_TIME.contains(struct + "." + field);
    }

    static boolean bytes(String struct, String field) {
        return BYTES.contains(struct + "." + field);
    }
}
