package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NodeFailureTest {

    @Test
    void aRebootedNodeRecreatesTheSandboxAndRestartsTheContainers() {
        KubeletFixture f = new KubeletFixture(6);
        f.create(KubeletFixture.pod("web", "nginx:1.27", "", ""));
        f.settle();
        String id = f.container("web").path("containerID").asText();
        f.kubelet.setNodeRunning(false);
        f.advance(Duration.ofMinutes(1));
        assertEquals("running", f.container("web").path("state").fieldNames().next(), "nothing reports while it is down");
        f.kubelet.setNodeRunning(true);
        f.settle();
        JsonNode cs = f.container("web");
        assertEquals(1, cs.path("restartCount").asInt());
        assertEquals("running", cs.path("state").fieldNames().next());
        JsonNode last = cs.path("lastState").path("terminated");
        assertEquals(id, last.path("containerID").asText());
        assertEquals(255, last.path("exitCode").asInt());
        assertEquals("Unknown", last.path("reason").asText());
        assertEquals("10.244.1.2", f.status("web").path("podIP").asText());
        List<String> events = f.events("web");
        // Aggregated events list by first occurrence: Created and Started count the restart.
        assertEquals(List.of("Normal Created Created container: web (x2)",
                "Normal Started Started container web (x2)",
                "Normal SandboxChanged Pod sandbox changed, it will be killed and re-created.",
                "Normal Pulled Container image \"nginx:1.27\" already present on machine"), events.subList(2, events.size()));
    }
}
