package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PodLifecycleTest {

    @Test
    void nginxGoesFromPendingToRunningAndReady() {
        KubeletFixture f = new KubeletFixture(7);
        f.create(KubeletFixture.pod("web", "nginx", ",\"volumeMounts\":[{\"name\":\"data\",\"mountPath\":\"/data\"},"
                + "{\"name\":\"cfg\",\"mountPath\":\"/etc/cfg\",\"readOnly\":true}]",
                ",\"volumes\":[{\"name\":\"data\",\"emptyDir\":{}},{\"name\":\"cfg\",\"emptyDir\":{}}]"));
        f.clock().advance(Duration.ZERO);
        JsonNode pending = f.status("web");
        assertEquals("Pending", pending.path("phase").asText());
        assertEquals("ContainerCreating", f.container("web").path("state").path("waiting").path("reason").asText());
        assertEquals("10.244.1.2", pending.path("podIP").asText());
        assertEquals("172.30.2.2", pending.path("hostIP").asText());
        assertEquals("2026-11-25T10:00:00Z", pending.path("startTime").asText());
        assertEquals("BestEffort", pending.path("qosClass").asText());

        assertEquals(Duration.ofMillis(2513), f.settle());
        JsonNode status = f.status("web");
        assertEquals("Running", status.path("phase").asText());
        for (String type : List.of("PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled")) {
            assertEquals("True", f.condition("web", type), type);
        }
        JsonNode cs = f.container("web");
        assertTrue(cs.path("containerID").asText().matches("containerd://[0-9a-f]{64}"), cs.toString());
        assertEquals("docker.io/library/nginx:latest", cs.path("image").asText());
        assertTrue(cs.path("imageID").asText().startsWith("docker.io/library/nginx@sha256:"));
        assertTrue(cs.path("ready").asBoolean());
        assertTrue(cs.path("started").asBoolean());
        assertEquals(0, cs.path("restartCount").asInt());
        assertEquals("2026-11-25T10:00:02Z", cs.path("state").path("running").path("startedAt").asText());
        JsonNode mounts = cs.path("volumeMounts");
        assertEquals("{\"name\":\"data\",\"mountPath\":\"/data\"}", mounts.get(0).toString());
        assertEquals("{\"name\":\"cfg\",\"mountPath\":\"/etc/cfg\",\"readOnly\":true,\"recursiveReadOnly\":\"Disabled\"}",
                mounts.get(1).toString());
        assertTrue(mounts.get(2).path("name").asText().startsWith("kube-api-access-"));
        assertEquals("/var/run/secrets/kubernetes.io/serviceaccount", mounts.get(2).path("mountPath").asText());
        assertEquals(List.of(
                "Normal Pulling Pulling image \"nginx\"",
                "Normal Pulled Successfully pulled image \"nginx\" in 2.513s (2.513s including waiting). Image size: 72080558 bytes.",
                "Normal Created Created container: web",
                "Normal Started Started container web"), f.events("web"));
    }

    @Test
    void aChangedImageRestartsTheContainerWithIt() {
        KubeletFixture f = new KubeletFixture(7);
        f.create(KubeletFixture.pod("web", "nginx:1.27", "", ",\"restartPolicy\":\"Never\""));
        f.settle();
        f.call(io.kubelab.apiserver.ApiRequest.of(io.kubelab.apiserver.UserInfo.ADMIN, io.kubelab.apiserver.ApiRequest.Verb.PATCH,
                KubeletFixture.PODS, "default", "web").withPatch(io.kubelab.apiserver.ApiRequest.PatchType.STRATEGIC,
                KubeletFixture.json("{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:1.28\"}]}}")));
        assertEquals(Duration.ofMillis(2613), f.settle());
        JsonNode cs = f.container("web");
        assertEquals("docker.io/library/nginx:1.28", cs.path("image").asText());
        assertEquals(1, cs.path("restartCount").asInt());
        assertEquals("Completed", cs.path("lastState").path("terminated").path("reason").asText());
        assertEquals("Running", f.status("web").path("phase").asText());
        List<String> events = f.events("web");
        assertEquals(List.of("Normal Killing Container web definition changed, will be restarted",
                "Normal Pulling Pulling image \"nginx:1.28\"",
                "Normal Pulled Successfully pulled image \"nginx:1.28\" in 2.513s (2.513s including waiting). Image size: 72080558 bytes."),
                events.subList(4, events.size()));
    }

    @Test
    void aHostNetworkPodHasTheNodesAddress() {
        KubeletFixture f = new KubeletFixture(7);
        f.create(KubeletFixture.pod("host", "nginx:1.27", "", ",\"hostNetwork\":true"));
        f.settle();
        assertEquals("172.30.2.2", f.status("host").path("podIP").asText());
        assertEquals("172.30.2.2", f.status("host").path("hostIP").asText());
        f.create(KubeletFixture.pod("other", "nginx:1.27", "", ""));
        f.settle();
        assertEquals("10.244.1.2", f.status("other").path("podIP").asText());
    }
}
