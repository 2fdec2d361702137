package io.kubelab.apiserver.patch;

import io.kubelab.apiserver.patch.PatchSchema.Field;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatchSchemaTest {

    /** apiVersion, kind, path of fields to a list or struct, then its tags: merge, mergeKey, retainKeys. */
    @ParameterizedTest
    @CsvSource(delimiter = '¦', value = {
            "v1¦Pod¦spec.containers¦true¦name¦false",
            "v1¦Pod¦spec.initContainers¦true¦name¦false",
            "v1¦Pod¦spec.ephemeralContainers¦true¦name¦false",
            "v1¦Pod¦spec.containers.ports¦true¦containerPort¦false",
            "v1¦Pod¦spec.containers.env¦true¦name¦false",
            "v1¦Pod¦spec.containers.volumeMounts¦true¦mountPath¦false",
            "v1¦Pod¦spec.containers.args¦false¦¦false",
            "v1¦Pod¦spec.containers.command¦false¦¦false",
            "v1¦Pod¦spec.volumes¦true¦name¦true",
            "v1¦Pod¦spec.imagePullSecrets¦true¦name¦false",
            "v1¦Pod¦spec.tolerations¦false¦¦false",
            "v1¦Pod¦status.conditions¦true¦type¦false",
            "v1¦Pod¦metadata.ownerReferences¦true¦uid¦false",
            "v1¦Pod¦metadata.finalizers¦true¦¦false",
            "v1¦Node¦status.conditions¦true¦type¦false",
            "v1¦Node¦status.addresses¦true¦type¦false",
            "v1¦Service¦spec.ports¦true¦port¦false",
            "v1¦ServiceAccount¦secrets¦true¦name¦false",
            "apps/v1¦Deployment¦spec.strategy¦false¦¦true",
            "apps/v1¦Deployment¦spec.template.spec.containers¦true¦name¦false",
            "apps/v1¦Deployment¦status.conditions¦true¦type¦false",
            "apps/v1¦StatefulSet¦spec.template.spec.volumes¦true¦name¦true",
            "apps/v1¦DaemonSet¦spec.template.spec.containers.env¦true¦name¦false",
            "apps/v1¦ReplicaSet¦spec.template.metadata.finalizers¦true¦¦false",
            "batch/v1¦Job¦spec.template.spec.containers¦true¦name¦false",
            "batch/v1¦CronJob¦spec.jobTemplate.spec.template.spec.containers.ports¦true¦containerPort¦false",
            "autoscaling/v2¦HorizontalPodAutoscaler¦status.conditions¦true¦type¦false",
            "policy/v1¦PodDisruptionBudget¦status.conditions¦true¦type¦false",
            "v1¦PersistentVolumeClaim¦status.conditions¦true¦type¦false",
            "rbac.authorization.k8s.io/v1¦ClusterRole¦rules¦false¦¦false",
    })
    void declaresKubernetesPatchTags(String apiVersion, String kind, String path, boolean merge, String mergeKey,
                                     boolean retainKeys) {
        PatchSchema schema = PatchSchema.forKind(apiVersion, kind).orElseThrow();
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            schema = schema.child(parts[i]);
        }
        Field field = schema.field(parts[parts.length - 1]).orElseThrow();
        assertEquals(merge, field.merge());
        assertEquals(mergeKey == null ? "" : mergeKey, field.mergeKey());
        assertEquals(retainKeys, field.retainKeys());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '¦', value = {
            "v1¦Namespace", "v1¦Node", "v1¦Pod", "v1¦Service", "v1¦Endpoints", "discovery.k8s.io/v1¦EndpointSlice",
            "v1¦ConfigMap", "v1¦Secret", "v1¦ServiceAccount", "v1¦Event", "events.k8s.io/v1¦Event",
            "apps/v1¦Deployment", "apps/v1¦ReplicaSet", "apps/v1¦DaemonSet", "apps/v1¦StatefulSet", "batch/v1¦Job",
            "batch/v1¦CronJob", "coordination.k8s.io/v1¦Lease", "v1¦ResourceQuota", "v1¦LimitRange",
            "v1¦PersistentVolume", "v1¦PersistentVolumeClaim", "storage.k8s.io/v1¦StorageClass",
            "rbac.authorization.k8s.io/v1¦Role", "rbac.authorization.k8s.io/v1¦RoleBinding",
            "rbac.authorization.k8s.io/v1¦ClusterRole", "rbac.authorization.k8s.io/v1¦ClusterRoleBinding",
            "autoscaling/v2¦HorizontalPodAutoscaler", "autoscaling/v1¦HorizontalPodAutoscaler",
            "networking.k8s.io/v1¦Ingress", "networking.k8s.io/v1¦IngressClass", "networking.k8s.io/v1¦NetworkPolicy",
            "policy/v1¦PodDisruptionBudget", "scheduling.k8s.io/v1¦PriorityClass",
    })
    void everySimulatedKindHasASchemaWithObjectMeta(String apiVersion, String kind) {
        PatchSchema schema = PatchSchema.forKind(apiVersion, kind).orElseThrow();
        assertEquals("ObjectMeta", schema.child("metadata").typeName());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '¦', value = {"example.com/v1¦Widget", "v1¦Deployment", "apps/v1¦Pod"})
    void unknownKindsHaveNone(String apiVersion, String kind) {
        assertTrue(PatchSchema.forKind(apiVersion, kind).isEmpty());
    }
}
