package io.kubelab.apiserver.openapi;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DefinitionNamesTest {

    @ParameterizedTest
    @CsvSource({
            "V1PodSpec, '', io.k8s.api.core.v1.PodSpec",
            "V1PodTemplateSpec, apps, io.k8s.api.core.v1.PodTemplateSpec",
            "V1DeploymentSpec, apps, io.k8s.api.apps.v1.DeploymentSpec",
            "V1ObjectMeta, apps, io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta",
            "V1Condition, apps, io.k8s.apimachinery.pkg.apis.meta.v1.Condition",
            "V1PodCondition, '', io.k8s.api.core.v1.PodCondition",
            "CoreV1Event, '', io.k8s.api.core.v1.Event",
            "EventsV1Event, events.k8s.io, io.k8s.api.events.v1.Event",
            "RbacV1Subject, rbac.authorization.k8s.io, io.k8s.api.rbac.v1.Subject",
            "DiscoveryV1EndpointPort, discovery.k8s.io, io.k8s.api.discovery.v1.EndpointPort",
            "V2MetricSpec, autoscaling, io.k8s.api.autoscaling.v2.MetricSpec",
            "V1CrossVersionObjectReference, autoscaling, io.k8s.api.autoscaling.v1.CrossVersionObjectReference",
            "V1APIService, apiregistration.k8s.io, io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIService",
            "ApiregistrationV1ServiceReference, apiregistration.k8s.io, "
                    + "io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.ServiceReference",
            "V1UserInfo, authentication.k8s.io, io.k8s.api.authentication.v1.UserInfo",
            "V1TypedLocalObjectReference, networking.k8s.io, io.k8s.api.core.v1.TypedLocalObjectReference",
    })
    void namesEachModelClassForItsGoPackage(String modelClass, String reachedFrom, String expected) {
        assertEquals(expected, DefinitionNames.of(modelClass, reachedFrom));
    }
}
