package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.events.ComponentEvent;
import io.kubelab.runtime.ContainerRuntime;
import io.kubelab.runtime.RuntimeFlavor;
import io.kubelab.runtime.TestImages;
import io.kubelab.runtime.image.Network;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdoptionTest {

    /**
     * The system pods' statuses, without {@code containerStatuses[].volumeMounts}: the bootstrap's
     * {@code RunningPods} does not write them yet, the kubelet adds them (as 1.32 reports them).
     */
    static List<JsonNode> systemPods(KubeletFixture f) {
        ObjectNode list = f.call(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.LIST, KubeletFixture.PODS, "kube-system", ""));
        List<JsonNode> out = new java.util.ArrayList<>();
        list.path("items").forEach(p -> {
            ObjectNode status = p.path("status").deepCopy();
            status.path("containerStatuses").forEach(cs -> ((ObjectNode) cs).remove("volumeMounts"));
            out.add(status);
        });
        return out;
    }

    @Test
    void theBootstrapsSystemPodsAreAdoptedWithoutAWord() {
        KubeletFixture f = new KubeletFixture(1, "controlplane");
        List<JsonNode> before = systemPods(f);
        f.advance(Duration.ofMinutes(3));
        assertEquals(before, systemPods(f));
        ObjectNode events = f.call(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.LIST, KubeletFixture.EVENTS, "kube-system", ""));
        assertEquals(0, events.path("items").size(), events.toString());
        List<ComponentEvent> said = f.componentEvents.stream()
                .filter(e -> e.component().equals("kubelet") || e.component().equals("container-runtime")).toList();
        assertEquals(List.of(), said);
        // Their processes run: the API server's container answers its probes, and uses CPU.
        String uid = f.call(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.GET, KubeletFixture.PODS, "kube-system",
                "kube-apiserver-controlplane")).path("metadata").path("uid").asText();
        assertTrue(f.runtime.listening(uid, 6443));
        assertEquals(1, f.kubelet.usage(uid).size());
        assertTrue(f.settleStable());
    }

    @Test
    void aDeletedMirrorPodComesBackWithTheSameContainers() {
        KubeletFixture f = new KubeletFixture(1, "controlplane");
        f.settle();
        ObjectNode before = f.call(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.GET, KubeletFixture.PODS, "kube-system",
                "kube-scheduler-controlplane"));
        f.call(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.DELETE, KubeletFixture.PODS, "kube-system",
                "kube-scheduler-controlplane"));
        assertTrue(f.settleStable());
        ObjectNode after = f.call(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.GET, KubeletFixture.PODS, "kube-system",
                "kube-scheduler-controlplane"));
        assertTrue(!before.path("metadata").path("uid").equals(after.path("metadata").path("uid")));
        assertEquals("Running", after.path("status").path("phase").asText());
        JsonNode cs = after.path("status").path("containerStatuses").get(0);
        assertEquals(before.path("status").path("containerStatuses").get(0).path("containerID"), cs.path("containerID"));
        assertEquals(0, cs.path("restartCount").asInt());
        assertTrue(cs.path("ready").asBoolean());
    }

    @Test
    void aRestartedKubeletKeepsItsRunningPods() {
        KubeletFixture f = new KubeletFixture(1);
        f.create(KubeletFixture.pod("web", "nginx:1.27", ",\"readinessProbe\":{\"tcpSocket\":{\"port\":80}}", ""));
        f.settle();
        JsonNode before = f.container("web");
        int events = f.events("web").size();
        f.kubelet.setRunning(false);
        f.advance(Duration.ofMinutes(1));
        f.kubelet.setRunning(true);
        f.settle();
        f.advance(Duration.ofMinutes(1));
        assertEquals(before, f.container("web"));
        assertEquals("True", f.condition("web", "Ready"));
        assertEquals(events, f.events("web").size());
    }

    @Test
    void aWokenSandboxResumesItsContainersInsteadOfRestartingThem() {
        KubeletFixture f = new KubeletFixture(1);
        f.create(KubeletFixture.pod("web", "nginx:1.27", ",\"readinessProbe\":{\"tcpSocket\":{\"port\":80}}", ""));
        f.create(KubeletFixture.pod("crash", "busybox:1.36", ",\"command\":[\"sh\",\"-c\",\"exit 1\"]", ""));
        f.settle();
        JsonNode web = f.container("web");
        JsonNode crash = f.container("crash");
        List<String> events = f.events("web");
        // The sandbox moves: this runtime and kubelet are gone, new ones start from the store.
        f.kubelet.setRunning(false);
        ContainerRuntime runtime = new ContainerRuntime("node01", "172.30.2.2", "10.244.1.0/24", RuntimeFlavor.CONTAINERD,
                new TestImages(), f.clock(), f.cluster.events(), new SplittableRandom(99), f.cluster.logs());
        new Kubelet("node01", f.cluster.api(), f.clock(), f.cluster.events(), new SplittableRandom(98), runtime,
                Kubelet.PodNetwork.NONE);
        f.settle();
        assertEquals(web, f.container("web"));
        assertEquals(events, f.events("web"));
        assertEquals(crash.path("restartCount").asInt(), f.container("crash").path("restartCount").asInt());
        f.advance(Duration.ofSeconds(10));
        assertEquals(crash.path("restartCount").asInt() + 1, f.container("crash").path("restartCount").asInt());
        assertEquals("10.244.1.2", f.status("web").path("podIP").asText());
        f.create(KubeletFixture.pod("next", "nginx:1.27", "", ""));
        f.settle();
        assertEquals("10.244.1.4", f.status("next").path("podIP").asText());
    }
}
