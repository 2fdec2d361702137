package io.kubelab.controller.endpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EndpointsControllerTest extends io.kubelab.controller.endpoint.PlayedPodsCluster {

    /** A pod on node01 with a named port, made Running with {@code ip} and the given readiness. */
    void pod(String name, String labels, String ip, boolean ready, String extraSpec) throws Exception {
        ObjectNode pod = create("Pod", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name
                + "\",\"labels\":" + labels + "},\"spec\":{\"nodeName\":\"node01\"" + extraSpec + ",\"containers\":[{\"name\":"
                + "\"c\",\"image\":\"nginx\",\"ports\":[{\"name\":\"http\",\"containerPort\":8080}]}]}}");
        pod.putObject("status").put("phase", "Running").put("podIP", ip).putArray("podIPs").addObject().put("ip", ip);
        ((ObjectNode) pod.get("status")).putArray("conditions").addObject().put("type", "Ready")
                .put("status", ready ? "True" : "False").putNull("lastProbeTime")
                .put("lastTransitionTime", "2026-11-25T10:00:00Z");
        call(ApiRequest.of(UserInfo.ADMIN, Verb.UPDATE, ResourceTypes.of("v1", "Pod"), "default", name)
                .withSubresource("status").withBody(pod));
    }

    ObjectNode endpoints(String name) {
        return call(ApiRequest.of(UserInfo.ADMIN, Verb.GET, ResourceTypes.of("v1", "Endpoints"), "default", name));
    }

    ObjectNode uids(ObjectNode endpoints) {
        endpoints.path("subsets").forEach(s -> {
            s.path("addresses").forEach(a -> ((ObjectNode) a.path("targetRef")).remove("uid"));
            s.path("notReadyAddresses").forEach(a -> ((ObjectNode) a.path("targetRef")).remove("uid"));
        });
        return endpoints;
    }

    @Test
    void readyAndNotReadyPodsWithANamedTargetPort() throws Exception {
        create("Service", "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"web\",\"labels\":{\"tier\":\"front\"}},"
                + "\"spec\":{\"selector\":{\"app\":\"web\"},\"ports\":[{\"name\":\"http\",\"port\":80,\"targetPort\":\"http\"}]}}");
        pod("web-1", "{\"app\":\"web\"}", "10.244.1.3", true, "");
        pod("web-2", "{\"app\":\"web\"}", "10.244.1.2", false, "");
        pod("other", "{\"app\":\"db\"}", "10.244.1.9", true, "");
        settle();
        ObjectNode ep = uids(endpoints("web"));
        assertEquals("[{\"addresses\":[{\"ip\":\"10.244.1.3\",\"nodeName\":\"node01\",\"targetRef\":{\"kind\":\"Pod\","
                + "\"namespace\":\"default\",\"name\":\"web-1\"}}],\"notReadyAddresses\":[{\"ip\":\"10.244.1.2\","
                + "\"nodeName\":\"node01\",\"targetRef\":{\"kind\":\"Pod\",\"namespace\":\"default\",\"name\":\"web-2\"}}],"
                + "\"ports\":[{\"name\":\"http\",\"port\":8080,\"protocol\":\"TCP\"}]}]", ep.path("subsets").toString());
        assertEquals("{\"tier\":\"front\"}", ep.path("metadata").path("labels").toString());
        assertEquals("2026-11-25T10:00:00Z", ep.path("metadata").path("annotations")
                .path("endpoints.kubernetes.io/last-change-trigger-time").asText());

        // web-1 leaves the selector: only the not-ready pod is left.
        call(ApiRequest.of(UserInfo.ADMIN, Verb.PATCH, ResourceTypes.of("v1", "Pod"), "default", "web-1")
                .withPatch(ApiRequest.PatchType.MERGE, JSON.readTree("{\"metadata\":{\"labels\":{\"app\":\"gone\"}}}")));
        settle();
        ep = endpoints("web");
        assertEquals(0, ep.path("subsets").get(0).path("addresses").size());
        assertEquals(1, ep.path("subsets").get(0).path("notReadyAddresses").size());

        // The service goes, and its Endpoints with it.
        call(ApiRequest.of(UserInfo.ADMIN, Verb.DELETE, ResourceTypes.of("v1", "Service"), "default", "web"));
        settle();
        assertEquals(404, assertThrows(StatusException.class, () -> endpoints("web")).status().code());
    }

    @Test
    void headlessWithHostnamesAndPublishNotReadyAddresses() throws Exception {
        create("Service", "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"db\"},\"spec\":{\"clusterIP\":"
                + "\"None\",\"publishNotReadyAddresses\":true,\"selector\":{\"app\":\"db\"},\"ports\":[{\"port\":5432}]}}");
        pod("db-0", "{\"app\":\"db\"}", "10.244.1.5", false, ",\"hostname\":\"db-0\",\"subdomain\":\"db\"");
        settle();
        ObjectNode ep = uids(endpoints("db"));
        assertEquals("[{\"addresses\":[{\"ip\":\"10.244.1.5\",\"hostname\":\"db-0\",\"nodeName\":\"node01\",\"targetRef\":"
                + "{\"kind\":\"Pod\",\"namespace\":\"default\",\"name\":\"db-0\"}}],\"ports\":[{\"port\":5432,\"protocol\":"
                + "\"TCP\"}]}]", ep.path("subsets").toString());
        assertEquals("{\"service.kubernetes.io/headless\":\"\"}", ep.path("metadata").path("labels").toString());
    }

    @Test
    void servicesWithoutSelectorAreLeftAlone() throws Exception {
        ObjectNode kubernetes = endpoints("kubernetes");
        create("Service", "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"manual\"},\"spec\":"
                + "{\"ports\":[{\"port\":80}]}}");
        settle();
        assertEquals(404, assertThrows(StatusException.class, () -> endpoints("manual")).status().code());
        assertEquals(kubernetes, endpoints("kubernetes"));
    }

    @Test
    void coreDnsPortsInKubernetesOrder() {
        ObjectNode dnsTcp = JSON.createObjectNode().put("name", "dns-tcp").put("port", 53).put("protocol", "TCP");
        ObjectNode dns = JSON.createObjectNode().put("name", "dns").put("port", 53).put("protocol", "UDP");
        ObjectNode metrics = JSON.createObjectNode().put("name", "metrics").put("port", 9153).put("protocol", "TCP");
        java.util.List<ObjectNode> ports = new java.util.ArrayList<>(java.util.List.of(dns, metrics, dnsTcp));
        ports.sort(java.util.Comparator.comparing(PortHash::endpointsPort));
        assertEquals(java.util.List.of(dnsTcp, dns, metrics), ports);
    }
}
