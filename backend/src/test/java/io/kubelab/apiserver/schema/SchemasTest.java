package io.kubelab.apiserver.schema;

import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemasTest {

    /** fabric8 publishes no model module for these groups here: their kinds pass unchecked. */
    private static final List<String> WITHOUT_SCHEMA = List.of(
            "authentication.k8s.io/v1/SelfSubjectReview", "authentication.k8s.io/v1/TokenReview",
            "authorization.k8s.io/v1/LocalSubjectAccessReview", "authorization.k8s.io/v1/SelfSubjectAccessReview",
            "authorization.k8s.io/v1/SelfSubjectRulesReview", "authorization.k8s.io/v1/SubjectAccessReview",
            "apiregistration.k8s.io/v1/APIService", "metrics.k8s.io/v1beta1/NodeMetrics",
            "metrics.k8s.io/v1beta1/PodMetrics");

    @Test
    void everyServedKindHasItsStruct() {
        for (ResourceType type : ResourceTypes.all()) {
            String key = type.apiVersion() + "/" + type.kind();
            var schema = Schemas.of(type);
            if (WITHOUT_SCHEMA.contains(key)) {
                assertTrue(schema.isEmpty(), key);
                continue;
            }
            assertTrue(schema.isPresent(), key);
            assertEquals(type.kind(), schema.get().name(), key);
            assertTrue(schema.get().field("metadata").isPresent() || type.kind().equals("Event"), key);
        }
        assertTrue(Schemas.structCount() > 200, "structs: " + Schemas.structCount());
    }

    /** A field's Go type, followed along a path of struct fields ({@code []} steps into a list). */
    @ParameterizedTest(name = "{0}/{1} {2}")
    @CsvSource({
            "v1, Pod, spec.activeDeadlineSeconds, int64",
            "v1, Pod, spec.terminationGracePeriodSeconds, int64",
            "v1, Pod, spec.tolerations[].tolerationSeconds, int64",
            "v1, Pod, metadata.generation, int64",
            "v1, Pod, spec.priority, int32",
            "v1, Pod, spec.containers, []v1.Container",
            "v1, Pod, spec.containers[].ports[].containerPort, int32",
            "v1, Pod, spec.containers[].resources.limits, v1.ResourceList",
            "v1, Pod, spec.containers[].command, []string",
            "v1, Pod, spec.containers[].securityContext.capabilities.add, []v1.Capability",
            "v1, Pod, metadata.labels, map[string]string",
            "v1, Pod, metadata.creationTimestamp, v1.Time",
            "v1, Pod, metadata.uid, types.UID",
            "v1, Pod, spec.hostNetwork, bool",
            "v1, Service, spec.ports[].targetPort, intstr.IntOrString",
            "v1, Secret, data, map[string][]uint8",
            "apps/v1, Deployment, spec.selector, v1.LabelSelector",
            "apps/v1, Deployment, spec.strategy.rollingUpdate.maxSurge, intstr.IntOrString",
            "apps/v1, ControllerRevision, data, runtime.RawExtension",
            "autoscaling/v2, HorizontalPodAutoscaler, spec.metrics, []v2.MetricSpec",
            "coordination.k8s.io/v1, Lease, spec.renewTime, v1.MicroTime",
            "events.k8s.io/v1, Event, eventTime, v1.MicroTime",
            "policy/v1, PodDisruptionBudget, status.disruptedPods, map[string]v1.Time"})
    void goTypes(String apiVersion, String kind, String path, String goName) {
        GoType type = Schemas.of(ResourceTypes.of(apiVersion, kind)).orElseThrow();
        for (String step : path.split("\\.")) {
            boolean list = step.endsWith("[]");
            String name = list ? step.substring(0, step.length() - 2) : step;
            type = ((GoType.Struct) type).field(name).orElseThrow(() -> new AssertionError(path));
            if (list) {
                type = ((GoType.ListOf) type).element();
            }
        }
        assertEquals(goName, type.goName());
    }
}
