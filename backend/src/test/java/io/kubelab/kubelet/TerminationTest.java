package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerminationTest {

    record Case(String image, String containerExtra, String specExtra, Duration gone) {
    }

    @Test
    void aDeletedPodIsGoneOnceItsContainersStopped() {
        List<Case> cases = List.of(
                // nginx quits on SIGTERM at once.
                new Case("nginx:1.27", "", "", Duration.ofMillis(100)),
                // sleep as PID 1 ignores SIGTERM: SIGKILL at the grace period.
                new Case("busybox:1.36", ",\"command\":[\"sleep\",\"3600\"]", "", Duration.ofSeconds(30)),
                new Case("busybox:1.36", ",\"command\":[\"sleep\",\"3600\"]", ",\"terminationGracePeriodSeconds\":5",
                        Duration.ofSeconds(5)),
                // A preStop sleep holds SIGTERM back.
                new Case("nginx:1.27", ",\"lifecycle\":{\"preStop\":{\"sleep\":{\"seconds\":3}}}", "",
                        Duration.ofMillis(3100)));
        for (Case c : cases) {
            KubeletFixture f = new KubeletFixture(21);
            f.create(KubeletFixture.pod("web", c.image, c.containerExtra, c.specExtra));
            f.settle();
            f.delete("web");
            assertTrue(f.pod("web").isPresent(), c.toString());
            assertEquals(c.gone, f.settle(), c.toString());
            assertTrue(f.pod("web").isEmpty(), c.toString());
            List<String> events = f.events("web");
            assertEquals("Normal Killing Stopping container web", events.get(events.size() - 1), c.toString());
        }
    }

    @Test
    void aFreedIpIsHandedOutAgain() {
        KubeletFixture f = new KubeletFixture(21);
        f.create(KubeletFixture.pod("a", "nginx:1.27", "", ""));
        f.create(KubeletFixture.pod("b", "nginx:1.27", "", ""));
        f.settle();
        assertEquals("10.244.1.2", f.status("a").path("podIP").asText());
        assertEquals("10.244.1.3", f.status("b").path("podIP").asText());
        f.delete("a");
        f.settle();
        f.create(KubeletFixture.pod("c", "nginx:1.27", "", ""));
        f.settle();
        assertEquals("10.244.1.2", f.status("c").path("podIP").asText());
    }

    @Test
    void aCompletedPodKeepsItsStatusAndLosesItsSandbox() {
        KubeletFixture f = new KubeletFixture(21);
        f.create(KubeletFixture.pod("job", "busybox:1.36", ",\"command\":[\"sleep\",\"30\"]", ",\"restartPolicy\":\"Never\""));
        assertEquals(Duration.ofMillis(31_200), f.settle());
        assertEquals("Succeeded", f.status("job").path("phase").asText());
        assertEquals("False", f.condition("job", "PodReadyToStartContainers"));
        assertEquals("False", f.condition("job", "Ready"));
        assertEquals("True", f.condition("job", "Initialized"));
        assertEquals("10.244.1.2", f.status("job").path("podIP").asText());
        f.delete("job");
        f.settle();
        assertTrue(f.pod("job").isEmpty());
    }

    @Test
    void aFinalizerHoldingTheDeletedPodKeepsItsFinalStatus() {
        KubeletFixture f = new KubeletFixture(21);
        f.create("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"web\",\"finalizers\":[\"example.com/hold\"]},"
                + "\"spec\":{\"nodeName\":\"node01\",\"containers\":[{\"name\":\"web\",\"image\":\"nginx:1.27\"}]}}");
        f.settle();
        f.delete("web");
        f.settle();
        JsonNode status = f.status("web");
        assertEquals("Succeeded", status.path("phase").asText());
        assertEquals("Completed", status.path("containerStatuses").get(0).path("state").path("terminated").path("reason").asText());
        f.call(io.kubelab.apiserver.ApiRequest.of(io.kubelab.apiserver.UserInfo.ADMIN, io.kubelab.apiserver.ApiRequest.Verb.PATCH,
                KubeletFixture.PODS, "default", "web").withPatch(io.kubelab.apiserver.ApiRequest.PatchType.MERGE,
                KubeletFixture.json("{\"metadata\":{\"finalizers\":null}}")));
        f.settle();
        assertTrue(f.pod("web").isEmpty());
    }

    @Test
    void aFailingPostStartHookKillsTheContainer() {
        KubeletFixture f = new KubeletFixture(21);
        f.create(KubeletFixture.pod("web", "nginx:1.27",
                ",\"lifecycle\":{\"postStart\":{\"exec\":{\"command\":[\"cat\",\"/nope\"]}}}", ""));
        f.settle();
        List<String> events = f.events("web");
        assertEquals(List.of("Normal Created Created container: web (x2)", "Normal Started Started container web (x2)",
                "Warning FailedPostStartHook PostStartHook failed (x2)", "Normal Killing FailedPostStartHook (x2)"),
                events.subList(2, 6));
        assertEquals("CrashLoopBackOff", f.container("web").path("state").path("waiting").path("reason").asText());
    }
}
