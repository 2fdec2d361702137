package io.kubelab.controller.endpointslice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointSliceControllerTest extends io.kubelab.controller.endpoint.PlayedPodsCluster {

    void pod(String name, String ip, String node) throws Exception {
        ObjectNode pod = create("Pod", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name
                + "\",\"labels\":{\"app\":\"web\"}},\"spec\":{\"nodeName\":\"" + node + "\",\"containers\":[{\"name\":"
                + "\"c\",\"image\":\"nginx\"}]}}");
        pod.putObject("status").put("phase", "Running").put("podIP", ip).putArray("podIPs").addObject().put("ip", ip);
        ((ObjectNode) pod.get("status")).putArray("conditions").addObject().put("type", "Ready").put("status", "True")
                .putNull("lastProbeTime").put("lastTransitionTime", "2026-11-25T10:00:00Z");
        call(ApiRequest.of(UserInfo.ADMIN, Verb.UPDATE, ResourceTypes.of("v1", "Pod"), "default", name)
                .withSubresource("status").withBody(pod));
    }

    List<ObjectNode> slices(String service) {
        List<ObjectNode> out = new ArrayList<>();
        call(ApiRequest.of(UserInfo.ADMIN, Verb.LIST, ResourceTypes.of("discovery.k8s.io/v1", "EndpointSlice"), "default", "")
                .withOptions(RequestOptions.DEFAULT.withSelectors("kubernetes.io/service-name=" + service, "")))
                .path("items").forEach(i -> out.add((ObjectNode) i));
        return out;
    }

    ObjectNode service() throws Exception {
        return create("Service", "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"web\"},\"spec\":"
                + "{\"selector\":{\"app\":\"web\"},\"ports\":[{\"port\":80,\"targetPort\":8080}]}}");
    }

    @Test
    void aSliceWithLabelsOwnerConditionsAndZone() throws Exception {
        call(ApiRequest.of(UserInfo.ADMIN, Verb.PATCH, ResourceTypes.of("v1", "Node"), "", "node01")
                .withPatch(ApiRequest.PatchType.MERGE, JSON.readTree("{\"metadata\":{\"labels\":{\"topology.kubernetes.io/zone\":\"zone-a\"}}}")));
        ObjectNode service = service();
        settle();
        List<ObjectNode> placeholder = slices("web");
        assertEquals(1, placeholder.size());
        assertTrue(placeholder.get(0).path("endpoints").isNull(), placeholder.get(0).toString());
        pod("web-1", "10.244.1.2", "node01");
        settle();
        List<ObjectNode> slices = slices("web");
        assertEquals(1, slices.size());
        ObjectNode slice = slices.get(0);
        assertEquals(placeholder.get(0).path("metadata").path("name"), slice.path("metadata").path("name"), "updated in place");
        assertTrue(slice.path("metadata").path("name").asText().matches("web-[a-z0-9]{5}"));
        assertEquals("{\"endpointslice.kubernetes.io/managed-by\":\"endpointslice-controller.k8s.io\","
                + "\"kubernetes.io/service-name\":\"web\"}", slice.path("metadata").path("labels").toString());
        assertEquals("[{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"name\":\"web\",\"uid\":\"" + service.path("metadata")
                .path("uid").asText() + "\",\"controller\":true,\"blockOwnerDeletion\":true}]",
                slice.path("metadata").path("ownerReferences").toString());
        JsonNode endpoint = slice.path("endpoints").get(0);
        assertEquals("{\"addresses\":[\"10.244.1.2\"],\"conditions\":{\"ready\":true,\"serving\":true,\"terminating\":false},"
                + "\"targetRef\":{\"kind\":\"Pod\",\"namespace\":\"default\",\"name\":\"web-1\",\"uid\":\""
                + endpoint.path("targetRef").path("uid").asText() + "\"},\"nodeName\":\"node01\",\"zone\":\"zone-a\"}",
                endpoint.toString());
        assertEquals("[{\"name\":\"\",\"port\":8080,\"protocol\":\"TCP\"}]", slice.path("ports").toString());
        assertEquals("IPv4", slice.path("addressType").asText());

        // A terminating pod stays, serving but no longer ready.
        call(ApiRequest.of(UserInfo.ADMIN, Verb.DELETE, ResourceTypes.of("v1", "Pod"), "default", "web-1"));
        settle();
        assertEquals("{\"ready\":false,\"serving\":true,\"terminating\":true}",
                slices("web").get(0).path("endpoints").get(0).path("conditions").toString());
    }

    @Test
    void moreThanAHundredEndpointsAreSplit() throws Exception {
        service();
        for (int i = 0; i < 130; i++) {
            pod("web-" + i, "10.244.1." + (i + 2), "node02");
        }
        settle();
        List<Integer> sizes = new ArrayList<>();
        slices("web").forEach(s -> sizes.add(s.path("endpoints").size()));
        sizes.sort(null);
        assertEquals(List.of(30, 100), sizes);
    }

    @Test
    void bootstrapSlicesAreLeftAsTheyAre() {
        ObjectNode kubernetes = call(ApiRequest.of(UserInfo.ADMIN, Verb.GET,
                ResourceTypes.of("discovery.k8s.io/v1", "EndpointSlice"), "default", "kubernetes"));
        settle();
        assertEquals(kubernetes, call(ApiRequest.of(UserInfo.ADMIN, Verb.GET,
                ResourceTypes.of("discovery.k8s.io/v1", "EndpointSlice"), "default", "kubernetes")));
    }
}
