package io.kubelab.controller.ttlafterfinished;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.controller.job.BatchFixture;
import io.kubelab.controller.job.JobController;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.kubelab.controller.job.BatchFixture.JOBS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class TtlAfterFinishedControllerTest {

    @Test
    void aFinishedJobIsDeletedOnceItsTtlRunsOut() {
        BatchFixture f = new BatchFixture();
        f.create(JOBS, "{'apiVersion':'batch/v1','kind':'Job','metadata':{'name':'once'},'spec':{"
                + "'ttlSecondsAfterFinished':60,'template':{'spec':{'restartPolicy':'Never',"
                + "'containers':[{'name':'main','image':'busybox'}]}}}}");
        f.settle();
        f.finish(f.activePodNames("once").get(0), 0);
        f.settle();
        JsonNode done = f.get(JOBS, "once");
        Instant finished = Instant.parse(done.path("status").path("completionTime").asText());
        assertEquals(Instant.parse("2026-11-25T10:00:02Z"), finished);
        assertEquals(Instant.parse("2026-11-25T10:00:03Z"), f.clock().now(), "the TTL does not hold up settle");

        f.clock().advance(Duration.ofSeconds(58));
        assertFalse(f.get(JOBS, "once").path("metadata").has("deletionTimestamp"));
        f.clock().advance(Duration.ofSeconds(1));
        // Deleted in the foreground: the garbage collector removes its pods, then lets the job go.
        assertEquals(404, org.junit.jupiter.api.Assertions.assertThrows(io.kubelab.apiserver.StatusException.class,
                () -> f.get(JOBS, "once")).status().code());
        assertEquals(java.util.List.of(), f.activePodNames("once"));
    }
}
