package io.kubelab.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BootstrapTest {

    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

    static SimCluster cluster() {
        return SimCluster.create(ClusterSpec.standard(), SimClock.manual(START), 42);
    }

    static List<String> names(ApiServer api, String apiVersion, String kind, String namespace) {
        ObjectNode list = api.handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.LIST,
                ResourceTypes.of(apiVersion, kind), namespace, "")).body();
        List<String> out = new java.util.ArrayList<>();
        list.path("items").forEach(i -> out.add(ObjectMeta.name(i)));
        return out;
    }

    @Test
    void aNewClusterLooksLikeAFreshKubeadmCluster() {
        ApiServer api = cluster().api();
        assertEquals(List.of("default", "kube-node-lease", "kube-public", "kube-system"),
                names(api, "v1", "Namespace", ""));
        assertEquals(List.of("controlplane", "node01", "node02"), names(api, "v1", "Node", ""));
        List<String> system = names(api, "v1", "Pod", "kube-system");
        assertEquals(9, system.size(), system.toString());
        assertTrue(system.containsAll(List.of("etcd-controlplane", "kube-apiserver-controlplane",
                "kube-controller-manager-controlplane", "kube-scheduler-controlplane")), system.toString());
        assertEquals(3, system.stream().filter(n -> n.matches("kube-proxy-[bcdfghjklmnpqrstvwxz2456789]{5}")).count());
        assertEquals(2, system.stream().filter(n -> n.matches("coredns-668d6bf9bc-[a-z0-9]{5}")).count());
        assertEquals(List.of("kubernetes"), names(api, "v1", "Service", "default"));
        assertEquals(List.of("kube-dns"), names(api, "v1", "Service", "kube-system"));
        assertEquals(List.of("kube-root-ca.crt"), names(api, "v1", "ConfigMap", "default"));
        assertEquals(List.of("default"), names(api, "v1", "ServiceAccount", "default"));
        assertTrue(names(api, "rbac.authorization.k8s.io/v1", "ClusterRole", "")
                .containsAll(List.of("admin", "cluster-admin", "edit", "view")));
    }

    @Test
    void systemPodsRunOnTheirNodes() {
        ApiServer api = cluster().api();
        ObjectNode list = api.handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.LIST,
                ResourceTypes.of("v1", "Pod"), "kube-system", "")).body();
        list.path("items").forEach(pod -> {
            assertEquals("Running", pod.path("status").path("phase").asText(), ObjectMeta.name(pod));
            assertTrue(!pod.path("spec").path("nodeName").asText().isEmpty());
        });
        ObjectNode node = api.handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.GET,
                ResourceTypes.of("v1", "Node"), "", "controlplane")).body();
        assertEquals("node-role.kubernetes.io/control-plane", node.path("spec").path("taints").get(0).path("key").asText());
        assertEquals("v1.32.2", node.path("status").path("nodeInfo").path("kubeletVersion").asText());
    }

    @Test
    void theSameSeedBuildsTheSameCluster() {
        assertEquals(names(cluster().api(), "v1", "Pod", "kube-system"), names(cluster().api(), "v1", "Pod", "kube-system"));
    }
}
