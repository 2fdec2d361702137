package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProbeTest {

    record Case(String probe, Duration settled, String ready, String unhealthy) {
    }

    @Test
    void readinessDecidesWhetherThePodIsReady() {
        List<Case> cases = List.of(
                new Case("{\"tcpSocket\":{\"port\":80},\"initialDelaySeconds\":5,\"periodSeconds\":10}",
                        Duration.ofMillis(12_513), "True", null),
                new Case("{\"httpGet\":{\"path\":\"/\",\"port\":\"http\"},\"periodSeconds\":3}",
                        Duration.ofMillis(2_513), "True", null),
                new Case("{\"httpGet\":{\"path\":\"/healthz\",\"port\":80},\"periodSeconds\":3}",
                        Duration.ofMillis(8_513), "False",
                        "Warning Unhealthy Readiness probe failed: HTTP probe failed with statuscode: 404 (x3)"),
                new Case("{\"tcpSocket\":{\"port\":8080},\"periodSeconds\":2,\"failureThreshold\":2}",
                        Duration.ofMillis(4_513), "False",
                        "Warning Unhealthy Readiness probe failed: dial tcp 10.244.1.2:8080: connect: connection refused (x2)"),
                new Case("{\"exec\":{\"command\":[\"cat\",\"/tmp/ready\"]},\"periodSeconds\":2,\"failureThreshold\":1}",
                        Duration.ofMillis(2_513), "False",
                        "Warning Unhealthy Readiness probe failed: cat: can't open '/tmp/ready': No such file or directory\n"));
        for (Case c : cases) {
            KubeletFixture f = new KubeletFixture(9);
            f.create(KubeletFixture.pod("web", "nginx:1.27",
                    ",\"ports\":[{\"name\":\"http\",\"containerPort\":80}],\"readinessProbe\":" + c.probe, ""));
            assertEquals(c.settled, f.settle(), c.probe);
            assertEquals(c.ready, f.condition("web", "Ready"), c.probe);
            assertEquals(c.ready, f.condition("web", "ContainersReady"), c.probe);
            assertEquals("Running", f.status("web").path("phase").asText(), c.probe);
            List<String> events = f.events("web");
            assertEquals(c.unhealthy == null ? "Normal Started Started container web" : c.unhealthy,
                    events.get(events.size() - 1), c.probe);
            if (c.ready.equals("False")) {
                assertEquals("containers with unready status: [web]", condition(f, "Ready").path("message").asText());
                assertEquals("ContainersNotReady", condition(f, "Ready").path("reason").asText());
            }
        }
    }

    @Test
    void aFailedLivenessProbeRestartsTheContainer() {
        KubeletFixture f = new KubeletFixture(9);
        f.create(KubeletFixture.pod("web", "nginx:1.27",
                ",\"livenessProbe\":{\"httpGet\":{\"path\":\"/healthz\",\"port\":80},\"periodSeconds\":5}", ""));
        assertEquals(Duration.ofMillis(2_513), f.settle());
        assertEquals("True", f.condition("web", "Ready"));
        f.advance(Duration.ofSeconds(11));
        JsonNode cs = f.container("web");
        assertEquals(1, cs.path("restartCount").asInt());
        assertEquals("running", cs.path("state").fieldNames().next());
        JsonNode last = cs.path("lastState").path("terminated");
        assertEquals("Completed", last.path("reason").asText());
        assertEquals(0, last.path("exitCode").asInt());
        assertEquals(List.of(
                "Normal Pulling Pulling image \"nginx:1.27\"",
                "Normal Pulled Successfully pulled image \"nginx:1.27\" in 2.513s (2.513s including waiting). Image size: 72080558 bytes.",
                "Normal Created Created container: web (x2)",
                "Normal Started Started container web (x2)",
                // Three failures condemned the first instance; the new one fails its first probe at once.
                "Warning Unhealthy Liveness probe failed: HTTP probe failed with statuscode: 404 (x4)",
                "Normal Killing Container web failed liveness probe, will be restarted",
                "Normal Pulled Container image \"nginx:1.27\" already present on machine"), f.events("web"));
    }

    @Test
    void startupProbesHoldTheOtherProbesAndFailuresRestart() {
        KubeletFixture ok = new KubeletFixture(9);
        ok.create(KubeletFixture.pod("web", "nginx:1.27", ",\"startupProbe\":{\"tcpSocket\":{\"port\":80},"
                + "\"initialDelaySeconds\":4,\"periodSeconds\":3},\"readinessProbe\":{\"tcpSocket\":{\"port\":80}}", ""));
        ok.advance(Duration.ofSeconds(5));
        assertEquals(false, ok.container("web").path("started").asBoolean());
        assertEquals("False", ok.condition("web", "Ready"));
        // Started at 8.513 s (the third startup tick, past its delay); readiness probes at its next tick, 12.513 s.
        assertEquals(Duration.ofMillis(12_513 - 5_000), ok.settle());
        assertEquals(true, ok.container("web").path("started").asBoolean());
        assertEquals("True", ok.condition("web", "Ready"));

        KubeletFixture failing = new KubeletFixture(9);
        failing.create(KubeletFixture.pod("web", "nginx:1.27", ",\"startupProbe\":{\"tcpSocket\":{\"port\":81},"
                + "\"periodSeconds\":2,\"failureThreshold\":2}", ""));
        // Each instance fails twice within the settle (startup ticks are work). A killed container restarts at
        // once unless the instance before it exited within the back-off: the third waits in CrashLoopBackOff.
        failing.settle();
        assertEquals(2, failing.container("web").path("restartCount").asInt());
        assertEquals("CrashLoopBackOff", failing.container("web").path("state").path("waiting").path("reason").asText());
        assertTrue(failing.events("web").contains("Normal Killing Container web failed startup probe, will be restarted (x3)"),
                failing.events("web").toString());
        assertTrue(failing.events("web").contains("Warning Unhealthy Startup probe failed: dial tcp 10.244.1.2:81: "
                + "connect: connection refused (x6)"), failing.events("web").toString());
    }

    @Test
    void aNeverPodIsNotRestartedAfterItsLivenessProbeFails() {
        KubeletFixture f = new KubeletFixture(9);
        f.create(KubeletFixture.pod("web", "busybox:1.36", ",\"command\":[\"sleep\",\"3600\"],"
                + "\"livenessProbe\":{\"exec\":{\"command\":[\"cat\",\"/tmp/healthy\"]},\"periodSeconds\":5,"
                + "\"failureThreshold\":1}", ",\"restartPolicy\":\"Never\",\"terminationGracePeriodSeconds\":2"));
        f.settle();
        f.advance(Duration.ofSeconds(5));
        JsonNode cs = f.container("web");
        assertEquals("Failed", f.status("web").path("phase").asText());
        assertEquals(0, cs.path("restartCount").asInt());
        assertEquals(137, cs.path("state").path("terminated").path("exitCode").asInt());
        List<String> events = f.events("web");
        assertEquals(List.of("Warning Unhealthy Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n",
                "Normal Killing Container web failed liveness probe"), events.subList(4, events.size()));
    }

    @Test
    void aSteadyPodWithProbesLeavesNothingPending() {
        KubeletFixture f = new KubeletFixture(9);
        f.create(KubeletFixture.pod("web", "nginx:1.27", ",\"readinessProbe\":{\"tcpSocket\":{\"port\":80}},"
                + "\"livenessProbe\":{\"tcpSocket\":{\"port\":80}}", ""));
        assertTrue(f.settleStable());
        f.advance(Duration.ofMinutes(10));
        assertEquals(0, f.clock().pending());
        assertEquals("True", f.condition("web", "Ready"));
    }

    @Test
    void anOutOfMemoryContainerIsOomKilled() {
        KubeletFixture f = new KubeletFixture(9);
        f.create(KubeletFixture.pod("hog", "memhog:1", ",\"resources\":{\"limits\":{\"memory\":\"64Mi\"}}", ""));
        assertTrue(f.settleStable());
        JsonNode cs = f.container("hog");
        assertEquals(1, cs.path("restartCount").asInt());
        assertEquals("CrashLoopBackOff", cs.path("state").path("waiting").path("reason").asText());
        assertEquals("OOMKilled", cs.path("lastState").path("terminated").path("reason").asText());
        assertEquals(137, cs.path("lastState").path("terminated").path("exitCode").asInt());
    }

    private static JsonNode condition(KubeletFixture f, String type) {
        for (JsonNode c : f.status("web").path("conditions")) {
            if (c.path("type").asText().equals(type)) {
                return c;
            }
        }
        throw new AssertionError(type);
    }
}
