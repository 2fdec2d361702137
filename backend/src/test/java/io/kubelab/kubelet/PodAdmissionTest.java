package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PodAdmissionTest {

    record Case(String containerExtra, String specExtra, String reason, String message) {
    }

    @Test
    void aPodThatDoesNotFitTheNodeIsRejected() {
        List<Case> cases = List.of(
                new Case(",\"resources\":{\"requests\":{\"cpu\":\"3\"}}", "", "OutOfcpu",
                        "Node didn't have enough resource: cpu, requested: 3000, used: 0, capacity: 2000"),
                new Case(",\"resources\":{\"requests\":{\"memory\":\"8Gi\"}}", "", "OutOfmemory",
                        "Node didn't have enough resource: memory, requested: 8589934592, used: 0, capacity: 4190109696"),
                new Case("", ",\"nodeSelector\":{\"disktype\":\"ssd\"}", "NodeAffinity",
                        "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector"));
        for (Case c : cases) {
            KubeletFixture f = new KubeletFixture(12);
            f.create(KubeletFixture.pod("big", "nginx:1.27", c.containerExtra, c.specExtra));
            f.settle();
            JsonNode status = f.status("big");
            assertEquals("Failed", status.path("phase").asText(), c.reason);
            assertEquals(c.reason, status.path("reason").asText());
            assertEquals("Pod was rejected: " + c.message, status.path("message").asText());
            assertEquals("2026-11-25T10:00:00Z", status.path("startTime").asText());
            assertEquals(List.of("Warning " + c.reason + " " + c.message), f.events("big"));
        }
    }

    @Test
    void aPodThatFitsRuns() {
        KubeletFixture f = new KubeletFixture(12);
        f.create(KubeletFixture.pod("small", "nginx:1.27", ",\"resources\":{\"requests\":{\"cpu\":\"1\"}}",
                ",\"nodeSelector\":{\"kubernetes.io/hostname\":\"node01\"}"));
        f.settle();
        assertEquals("Running", f.status("small").path("phase").asText());
    }
}
