package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class DeterminismTest {

    static List<JsonNode> run(long seed) {
        KubeletFixture f = new KubeletFixture(seed);
        f.create(KubeletFixture.pod("web", "nginx", ",\"readinessProbe\":{\"httpGet\":{\"path\":\"/\",\"port\":80}}", ""));
        f.create(KubeletFixture.pod("crash", "busybox", ",\"command\":[\"sh\",\"-c\",\"exit 1\"]", ""));
        f.create(KubeletFixture.pod("missing", "nginx:nope", "", ""));
        f.settle();
        f.advance(Duration.ofMinutes(2));
        List<JsonNode> out = new ArrayList<>();
        for (String name : List.of("web", "crash", "missing")) {
            out.add(f.status(name));
            out.add(KubeletFixture.JSON.valueToTree(f.events(name)));
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameStatusesAndEvents() {
        assertEquals(run(42), run(42));
        assertNotEquals(run(42).get(0).path("containerStatuses").get(0).path("containerID"),
                run(43).get(0).path("containerStatuses").get(0).path("containerID"));
    }
}
