package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RestartPolicyTest {

    /** What a busybox:1.36 container running {@code command} under {@code policy} looks like once settled. */
    record Case(String command, String policy, Duration settled, String phase, String state, String reason, int exitCode,
                int restarts) {
    }

    @Test
    void eachRestartPolicySettlesAsKubernetesDoes() {
        List<Case> cases = List.of(
                new Case("\"sleep\",\"3600\"", "Always", Duration.ofMillis(1200), "Running", "running", "", 0, 0),
                new Case("\"sleep\",\"3\"", "Never", Duration.ofMillis(4200), "Succeeded", "terminated", "Completed", 0, 0),
                new Case("\"sh\",\"-c\",\"exit 1\"", "Never", Duration.ofMillis(1200), "Failed", "terminated", "Error", 1, 0),
                new Case("\"sh\",\"-c\",\"exit 0\"", "OnFailure", Duration.ofMillis(1200), "Succeeded", "terminated", "Completed", 0, 0),
                new Case("\"sh\",\"-c\",\"exit 2\"", "OnFailure", Duration.ofMillis(1200), "Running", "waiting", "CrashLoopBackOff", 2, 1),
                new Case("\"sh\",\"-c\",\"exit 1\"", "Always", Duration.ofMillis(1200), "Running", "waiting", "CrashLoopBackOff", 1, 1));
        for (Case c : cases) {
            KubeletFixture f = new KubeletFixture(11);
            f.create(KubeletFixture.pod("c", "busybox:1.36", ",\"command\":[" + c.command + "]",
                    ",\"restartPolicy\":\"" + c.policy + "\""));
            String label = c.command + " " + c.policy;
            assertEquals(c.settled, f.settle(), label);
            JsonNode cs = f.container("c");
            assertEquals(c.phase, f.status("c").path("phase").asText(), label);
            assertEquals(c.state, cs.path("state").fieldNames().next(), label);
            assertEquals(c.restarts, cs.path("restartCount").asInt(), label);
            if (c.state.equals("terminated")) {
                assertEquals(c.reason, cs.path("state").path("terminated").path("reason").asText(), label);
                assertEquals(c.exitCode, cs.path("state").path("terminated").path("exitCode").asInt(), label);
            }
            if (c.state.equals("waiting")) {
                assertEquals(c.reason, cs.path("state").path("waiting").path("reason").asText(), label);
                assertEquals(c.exitCode, cs.path("lastState").path("terminated").path("exitCode").asInt(), label);
                assertEquals("Error", cs.path("lastState").path("terminated").path("reason").asText(), label);
            }
        }
    }

    @Test
    void aCrashingContainerBacksOffTenSecondsDoublingToFiveMinutes() {
        KubeletFixture f = new KubeletFixture(5);
        String uid = f.create(KubeletFixture.pod("c", "busybox:1.36", ",\"command\":[\"sh\",\"-c\",\"exit 1\"]", ""))
                .path("metadata").path("uid").asText();
        f.settle();
        assertEquals(List.of(
                "Normal Pulling Pulling image \"busybox:1.36\"",
                "Normal Pulled Successfully pulled image \"busybox:1.36\" in 1.2s (1.2s including waiting). Image size: 2166802 bytes.",
                "Normal Created Created container: c (x2)",
                "Normal Started Started container c (x2)",
                "Normal Pulled Container image \"busybox:1.36\" already present on machine",
                "Warning BackOff Back-off restarting failed container c in pod c_default(" + uid + ")"), f.events("c"));
        List<String> backoffs = List.of("10s", "20s", "40s", "1m20s", "2m40s", "5m0s", "5m0s");
        for (int i = 0; i < backoffs.size(); i++) {
            JsonNode cs = f.container("c");
            assertEquals(i + 1, cs.path("restartCount").asInt());
            assertEquals("back-off " + backoffs.get(i) + " restarting failed container=c pod=c_default(" + uid + ")",
                    cs.path("state").path("waiting").path("message").asText());
            f.advance(Duration.parse("PT" + backoffs.get(i).replace("m0s", "m").toUpperCase()));
        }
    }

    @Test
    void aContainerThatRanTenMinutesStartsItsBackOffAgain() {
        KubeletFixture f = new KubeletFixture(5);
        f.create(KubeletFixture.pod("c", "busybox:1.36", ",\"command\":[\"sleep\",\"700\"]", ""));
        f.settle();
        f.advance(Duration.ofSeconds(700));
        assertEquals(1, f.container("c").path("restartCount").asInt());
        f.advance(Duration.ofSeconds(700));
        JsonNode cs = f.container("c");
        assertEquals(2, cs.path("restartCount").asInt());
        assertEquals("running", cs.path("state").fieldNames().next());
    }
}
