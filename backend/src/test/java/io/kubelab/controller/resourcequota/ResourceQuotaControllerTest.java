package io.kubelab.controller.resourcequota;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.controller.nodelifecycle.ClusterFixture;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.kubelab.controller.nodelifecycle.ClusterFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResourceQuotaControllerTest {

    ClusterFixture f = new ClusterFixture();

    void create(String apiVersion, String kind, String body) {
        f.call(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, ResourceTypes.of(apiVersion, kind), "default", "").withBody(json(body)));
    }

    void pod(String name, String cpu) {
        create("v1", "Pod", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\"},\"spec\":"
                + "{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\",\"resources\":{\"requests\":{\"cpu\":\"" + cpu + "\"}}}]}}");
    }

    String status() {
        assertTrue(f.settle(Duration.ofMinutes(1)).stable());
        ObjectNode quota = f.get(ResourceTypes.of("v1", "ResourceQuota"), "default", "quota");
        return quota.path("status").toString();
    }

    @Test
    void usedFollowsTheObjectsOfTheNamespace() {
        create("v1", "ResourceQuota", "{\"apiVersion\":\"v1\",\"kind\":\"ResourceQuota\",\"metadata\":{\"name\":\"quota\"},"
                + "\"spec\":{\"hard\":{\"pods\":\"10\",\"requests.cpu\":\"2\",\"configmaps\":\"5\",\"services\":\"3\","
                + "\"services.nodeports\":\"2\",\"count/deployments.apps\":\"2\"}}}");
        // default already holds the kube-root-ca.crt ConfigMap and the kubernetes Service.
        assertEquals("{\"hard\":{\"configmaps\":\"5\",\"count/deployments.apps\":\"2\",\"pods\":\"10\",\"requests.cpu\":\"2\","
                + "\"services\":\"3\",\"services.nodeports\":\"2\"},\"used\":{\"configmaps\":\"1\",\"count/deployments.apps\":\"0\","
                + "\"pods\":\"0\",\"requests.cpu\":\"0\",\"services\":\"1\",\"services.nodeports\":\"0\"}}", status());

        pod("a", "250m");
        pod("b", "500m");
        create("v1", "ConfigMap", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"one\"}}");
        create("v1", "ConfigMap", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"two\"}}");
        create("v1", "Service", "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"web\"},\"spec\":"
                + "{\"type\":\"NodePort\",\"selector\":{\"app\":\"web\"},\"ports\":[{\"port\":80}]}}");
        assertEquals("{\"hard\":{\"configmaps\":\"5\",\"count/deployments.apps\":\"2\",\"pods\":\"10\",\"requests.cpu\":\"2\","
                + "\"services\":\"3\",\"services.nodeports\":\"2\"},\"used\":{\"configmaps\":\"3\",\"count/deployments.apps\":\"0\","
                + "\"pods\":\"2\",\"requests.cpu\":\"750m\",\"services\":\"2\",\"services.nodeports\":\"1\"}}", status());

        f.call(ApiRequest.of(UserInfo.ADMIN, Verb.DELETE, ClusterFixture.PODS, "default", "b"));
        assertTrue(status().contains("\"pods\":\"1\",\"requests.cpu\":\"250m\""));
    }

    @Test
    void aScopedQuotaCountsOnlyThePodsItSelects() {
        create("v1", "ResourceQuota", "{\"apiVersion\":\"v1\",\"kind\":\"ResourceQuota\",\"metadata\":{\"name\":\"quota\"},"
                + "\"spec\":{\"hard\":{\"pods\":\"5\",\"count/pods\":\"5\"},\"scopes\":[\"BestEffort\"]}}");
        pod("requests", "100m");
        create("v1", "Pod", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"besteffort\"},\"spec\":"
                + "{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}");
        assertEquals("{\"hard\":{\"count/pods\":\"5\",\"pods\":\"5\"},\"used\":{\"count/pods\":\"1\",\"pods\":\"1\"}}", status());
    }
}
