package io.kubelab.controller.cronjob;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.controller.job.BatchFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.kubelab.controller.job.BatchFixture.CRONJOBS;
import static io.kubelab.controller.job.BatchFixture.JOBS;
import static io.kubelab.controller.job.BatchFixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CronJobControllerTest {

    BatchFixture f;

    @BeforeEach
    void setUp() {
        f = new BatchFixture();
    }

    void cronJob(String extra) {
        f.create(CRONJOBS, "{'apiVersion':'batch/v1','kind':'CronJob','metadata':{'name':'hello'},'spec':{"
                + "'schedule':'*/1 * * * *'," + extra + "'jobTemplate':{'metadata':{'labels':{'app':'hello'}},"
                + "'spec':{'template':{'spec':{'restartPolicy':'OnFailure',"
                + "'containers':[{'name':'hello','image':'busybox'}]}}}}}}");
    }

    /** Moves to {@code minutes} past T0 and 100 ms, when the controller looks at the schedule again. */
    void minute(int minutes) {
        f.clock().advance(Duration.between(f.clock().now(), T0.plusSeconds(60L * minutes).plusMillis(100)));
        f.settle();
    }

    List<String> jobNames() {
        return f.list(JOBS).stream().map(ObjectMeta::name).sorted().toList();
    }

    List<String> active() {
        return f.get(CRONJOBS, "hello").path("status").path("active").findValuesAsText("name");
    }

    /** The Job controller's part: the job ran to completion. */
    void complete(String job, int minute) {
        ObjectNode j = f.get(JOBS, job);
        String at = ObjectMeta.time(T0.plusSeconds(60L * minute));
        ObjectNode status = j.putObject("status");
        status.putArray("conditions").addObject().put("lastProbeTime", at).put("lastTransitionTime", at)
                .put("status", "True").put("type", "SuccessCriteriaMet");
        ((com.fasterxml.jackson.databind.node.ArrayNode) status.get("conditions")).addObject()
                .put("lastProbeTime", at).put("lastTransitionTime", at).put("status", "True").put("type", "Complete");
        status.put("startTime", at).put("completionTime", at).put("succeeded", 1).put("ready", 0)
                .put("terminating", 0).putObject("uncountedTerminatedPods");
        f.cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.UPDATE, JOBS, "default", job)
                .withSubresource("status").withBody(j));
    }

    @Test
    void everyMinuteMakesAJobNamedForItsMinute() {
        cronJob("");
        f.settle();
        assertEquals(T0, f.clock().now(), "waiting for the schedule is no work for settle");
        minute(3);
        assertEquals(List.of("hello-29926681", "hello-29926682", "hello-29926683"), jobNames());
        assertEquals(List.of("hello-29926681", "hello-29926682", "hello-29926683"), active());
        JsonNode job = f.get(JOBS, "hello-29926681");
        assertEquals("2026-11-25T10:01:00Z", job.path("metadata").path("annotations")
                .path("batch.kubernetes.io/cronjob-scheduled-timestamp").asText());
        assertEquals("hello", job.path("metadata").path("labels").path("app").asText());
        JsonNode owner = job.path("metadata").path("ownerReferences").get(0);
        assertEquals("CronJob hello true", owner.path("kind").asText() + " " + owner.path("name").asText() + " "
                + owner.path("controller").asText());
        assertEquals("2026-11-25T10:03:00Z", f.get(CRONJOBS, "hello").path("status").path("lastScheduleTime").asText());
        assertEquals(List.of("SuccessfulCreate: Created job hello-29926681", "SuccessfulCreate: Created job hello-29926682",
                "SuccessfulCreate: Created job hello-29926683"), f.events("CronJob", "hello"));
    }

    @Test
    void forbidSkipsWhileTheLastJobRuns() {
        cronJob("'concurrencyPolicy':'Forbid',");
        minute(1);
        minute(2);
        assertEquals(List.of("hello-29926681"), jobNames());
        assertEquals(List.of("SuccessfulCreate: Created job hello-29926681",
                "JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid"),
                f.events("CronJob", "hello"));
        // Finishing within the skipped minute: the 10:02 run, never started, is still due and starts now.
        complete("hello-29926681", 2);
        f.settle();
        assertEquals(List.of("hello-29926681", "hello-29926682"), jobNames());
        assertEquals(List.of("hello-29926682"), active());
        assertEquals("2026-11-25T10:02:00Z", f.get(CRONJOBS, "hello").path("status").path("lastSuccessfulTime").asText());
    }

    @Test
    void replaceDeletesTheRunningJob() {
        cronJob("'concurrencyPolicy':'Replace',");
        minute(1);
        minute(2);
        assertEquals(List.of("hello-29926682"), jobNames());
        assertEquals(List.of("hello-29926682"), active());
        assertEquals(List.of("SuccessfulCreate: Created job hello-29926681", "SuccessfulDelete: Deleted job hello-29926681",
                "SuccessfulCreate: Created job hello-29926682"), f.events("CronJob", "hello"));
    }

    @Test
    void historyLimitKeepsTheNewestFinishedJobs() {
        cronJob("'successfulJobsHistoryLimit':1,");
        minute(1);
        complete("hello-29926681", 1);
        minute(2);
        complete("hello-29926682", 2);
        minute(3);
        assertEquals(List.of("hello-29926682", "hello-29926683"), jobNames());
        assertEquals(List.of("hello-29926683"), active());
        List<String> events = f.events("CronJob", "hello");
        assertEquals(List.of("SuccessfulCreate: Created job hello-29926681",
                "SawCompletedJob: Saw completed job: hello-29926681, condition: Complete",
                "SuccessfulCreate: Created job hello-29926682",
                // cleanupFinishedJobs runs before syncCronJob looks at the jobs
                "SuccessfulDelete: Deleted job hello-29926681",
                "SawCompletedJob: Saw completed job: hello-29926682, condition: Complete",
                "SuccessfulCreate: Created job hello-29926683"), events);
    }

    @Test
    void startingDeadlineMissesOldRuns() {
        cronJob("'startingDeadlineSeconds':10,'suspend':true,");
        minute(1);
        assertEquals(List.of(), jobNames());
        f.clock().advance(Duration.ofSeconds(30));
        f.patch(CRONJOBS, "hello", "{'spec':{'suspend':false}}");
        f.settle();
        assertEquals(List.of(), jobNames());
        minute(2);
        assertEquals(List.of("hello-29926682"), jobNames());
    }
}
