package io.kubelab.controller.tainteviction;

import io.kubelab.controller.nodelifecycle.ClusterFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static io.kubelab.controller.nodelifecycle.ClusterFixture.PODS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaintEvictionControllerTest {

    /** A student's {@code kubectl taint node node02 dedicated=db:NoExecute} against pods with these tolerations. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "none                 | ''                                                                                              | 2026-11-25T10:00:00Z",
            "other key            | [{\"key\":\"gpu\",\"operator\":\"Exists\"}]                                                     | 2026-11-25T10:00:00Z",
            "wrong value          | [{\"key\":\"dedicated\",\"value\":\"web\",\"effect\":\"NoExecute\"}]                             | 2026-11-25T10:00:00Z",
            "60 seconds           | [{\"key\":\"dedicated\",\"value\":\"db\",\"effect\":\"NoExecute\",\"tolerationSeconds\":60}]     | 2026-11-25T10:01:00Z",
            "zero seconds         | [{\"key\":\"dedicated\",\"operator\":\"Exists\",\"effect\":\"NoExecute\",\"tolerationSeconds\":0}]                     | 2026-11-25T10:00:00Z",
            "forever              | [{\"key\":\"dedicated\",\"operator\":\"Equal\",\"value\":\"db\"}]                                | stays",
            "everything           | [{\"operator\":\"Exists\"}]                                                                     | stays"})
    void podsGoWhenTheirTolerationDoes(String name, String tolerations, String deletedAt) {
        ClusterFixture f = new ClusterFixture();
        new TaintEvictionController(f.informers, f.cluster.clock());
        f.runningPod("db", "node02", tolerations.trim());
        f.patch(ClusterFixture.NODES, "", "node02", "", "{\"spec\":{\"taints\":[{\"key\":\"dedicated\",\"value\":\"db\","
                + "\"effect\":\"NoExecute\"}]}}");
        assertTrue(f.settle(Duration.ofMinutes(5)).stable());
        String deletion = f.get(PODS, "default", "db").path("metadata").path("deletionTimestamp").asText("stays");
        // The API server's deletionTimestamp is the deletion time plus the pod's 30 s grace period.
        assertEquals(deletedAt.trim(), deletion.equals("stays") ? deletion
                : java.time.Instant.parse(deletion).minusSeconds(30).toString());
        if (!deletion.equals("stays")) {
            assertEquals(java.util.List.of("Normal TaintManagerEviction Pod/db: Marking for deletion Pod default/db"),
                    f.events("taint-eviction-controller"));
        }
    }
}
