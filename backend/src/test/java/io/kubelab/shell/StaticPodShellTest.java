package io.kubelab.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The classic troubleshooting: a control-plane component's static pod manifest moved, broken, restored. */
class StaticPodShellTest {

    static final ResourceType PODS = ResourceTypes.of("v1", "Pod");

    SimCluster cluster;
    Shell shell;

    @BeforeEach
    void setUp() {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 7);
        shell = new Shell(cluster);
        cluster.clock().advance(Duration.ofSeconds(1));
        shell.execute("ssh controlplane");
    }

    @Test
    void movingTheSchedulerManifestOutStopsSchedulingUntilItIsBack() throws Exception {
        assertOk("mv /etc/kubernetes/manifests/kube-scheduler.yaml /tmp/");
        assertTrue(cluster.isStopped("scheduler"));
        assertFalse(systemPods().contains("kube-scheduler-controlplane"));
        cluster.clock().advance(Duration.ofSeconds(1));
        assertFalse(shell.execute("crictl ps").stdout().contains("kube-scheduler"));
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.CREATE, PODS, "default", "")
                .withBody(new ObjectMapper().readTree("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},"
                        + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}")));
        settle();
        assertEquals("", pod("default", "p").path("spec").path("nodeName").asText());
        assertEquals("Pending", pod("default", "p").path("status").path("phase").asText());

        assertOk("mv /tmp/kube-scheduler.yaml /etc/kubernetes/manifests/");
        assertFalse(cluster.isStopped("scheduler"));
        settle();
        assertEquals("Running", pod("kube-system", "kube-scheduler-controlplane").path("status").path("phase").asText());
        assertEquals("Running", pod("default", "p").path("status").path("phase").asText());
    }

    @Test
    void aWrongImageTagTakesTheComponentDownUntilFixed() {
        assertOk("sed -i 's/kube-controller-manager:v1.32.2/kube-controller-manager:v1.32.99/' "
                + "/etc/kubernetes/manifests/kube-controller-manager.yaml");
        assertTrue(cluster.isStopped("controller-manager"));
        cluster.clock().advance(Duration.ofSeconds(30));
        JsonNode status = pod("kube-system", "kube-controller-manager-controlplane").path("status");
        assertEquals("Pending", status.path("phase").asText());
        assertTrue(List.of("ErrImagePull", "ImagePullBackOff").contains(
                status.path("containerStatuses").path(0).path("state").path("waiting").path("reason").asText()),
                status.toString());
        assertEquals("registry.k8s.io/kube-controller-manager:v1.32.99", pod("kube-system",
                "kube-controller-manager-controlplane").path("spec").path("containers").path(0).path("image").asText());

        assertOk("sed -i 's/v1.32.99/v1.32.2/' /etc/kubernetes/manifests/kube-controller-manager.yaml");
        assertFalse(cluster.isStopped("controller-manager"));
        settle();
        assertEquals("Running", pod("kube-system", "kube-controller-manager-controlplane").path("status").path("phase")
                .asText());
    }

    @Test
    void removingTheApiServerManifestTakesTheApiDownAndRestoringItBringsItBack() {
        assertOk("cp /etc/kubernetes/manifests/kube-apiserver.yaml /root/kube-apiserver.yaml");
        assertOk("rm /etc/kubernetes/manifests/kube-apiserver.yaml");
        assertTrue(cluster.isStopped("apiserver"));
        assertOk("cat /root/kube-apiserver.yaml > /etc/kubernetes/manifests/kube-apiserver.yaml");
        assertFalse(cluster.isStopped("apiserver"));
        settle();
        assertEquals("Running", pod("kube-system", "kube-apiserver-controlplane").path("status").path("phase").asText());
    }

    @Test
    void aStoppedKubeletReadsTheManifestsWhenItStarts() {
        assertOk("systemctl stop kubelet");
        assertOk("mv /etc/kubernetes/manifests/etcd.yaml /root/");
        assertFalse(cluster.isStopped("etcd"));
        assertOk("systemctl start kubelet");
        assertTrue(cluster.isStopped("etcd"));
        assertOk("mv /root/etcd.yaml /etc/kubernetes/manifests/");
        assertFalse(cluster.isStopped("etcd"));
    }

    private void assertOk(String line) {
        CommandResult result = shell.execute(line);
        assertEquals("", result.stderr(), line);
        assertEquals(0, result.exitCode(), line);
    }

    private void settle() {
        cluster.clock().settle(cluster::stable, Duration.ofMinutes(5));
    }

    private List<String> systemPods() {
        return cluster.api().peekAll(PODS, "kube-system").stream().map(p -> p.path("metadata").path("name").asText())
                .toList();
    }

    private ObjectNode pod(String namespace, String name) {
        return cluster.api().peek(PODS, namespace, name).orElseThrow();
    }
}
