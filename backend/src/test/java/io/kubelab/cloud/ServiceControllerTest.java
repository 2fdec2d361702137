package io.kubelab.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.controller.nodelifecycle.ClusterFixture;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.kubelab.controller.nodelifecycle.ClusterFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceControllerTest {

    static final ResourceType SERVICES = ResourceTypes.of("v1", "Service");

    ClusterFixture f = new ClusterFixture();

    void service(String name, String type) {
        f.call(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, SERVICES, "default", "").withBody(json("{\"apiVersion\":\"v1\","
                + "\"kind\":\"Service\",\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"type\":\"" + type + "\","
                + "\"selector\":{\"app\":\"" + name + "\"},\"ports\":[{\"port\":80}]}}")));
    }

    ObjectNode settled(String name) {
        assertTrue(f.settle(Duration.ofMinutes(1)).stable());
        return f.get(SERVICES, "default", name);
    }

    @Test
    void loadBalancersGetAnAddressAndGiveItBack() {
        service("web", "LoadBalancer");
        service("api", "LoadBalancer");
        service("plain", "ClusterIP");
        ObjectNode web = settled("web");
        assertEquals("{\"loadBalancer\":{\"ingress\":[{\"ip\":\"172.30.255.1\",\"ipMode\":\"VIP\"}]}}", web.path("status").toString());
        assertEquals("[\"service.kubernetes.io/load-balancer-cleanup\"]", web.path("metadata").path("finalizers").toString());
        assertEquals("172.30.255.2", settled("api").path("status").path("loadBalancer").path("ingress").get(0).path("ip").asText());
        assertEquals("{\"loadBalancer\":{}}", settled("plain").path("status").toString());

        f.call(ApiRequest.of(UserInfo.ADMIN, Verb.DELETE, SERVICES, "default", "web"));
        assertTrue(f.settle(Duration.ofMinutes(1)).stable());
        assertFalse(f.exists(SERVICES, "default", "web"));
        service("next", "LoadBalancer");
        assertEquals("172.30.255.1", settled("next").path("status").path("loadBalancer").path("ingress").get(0).path("ip").asText());

        f.patch(SERVICES, "default", "api", "", "{\"spec\":{\"type\":\"NodePort\"}}");
        ObjectNode api = settled("api");
        assertEquals("{\"loadBalancer\":{}}", api.path("status").toString());
        assertTrue(api.path("metadata").path("finalizers").isMissingNode());

        assertEquals(List.of(
                "Normal DeletedLoadBalancer Service/api: Deleted load balancer",
                "Normal DeletedLoadBalancer Service/web: Deleted load balancer",
                "Normal DeletingLoadBalancer Service/api: Deleting load balancer",
                "Normal DeletingLoadBalancer Service/web: Deleting load balancer",
                "Normal EnsuredLoadBalancer Service/api: Ensured load balancer",
                "Normal EnsuredLoadBalancer Service/next: Ensured load balancer",
                "Normal EnsuredLoadBalancer Service/web: Ensured load balancer",
                "Normal EnsuringLoadBalancer Service/api: Ensuring load balancer",
                "Normal EnsuringLoadBalancer Service/next: Ensuring load balancer",
                "Normal EnsuringLoadBalancer Service/web: Ensuring load balancer"), f.events("service-controller"));
    }
}
