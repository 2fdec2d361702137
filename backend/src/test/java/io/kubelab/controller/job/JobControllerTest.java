package io.kubelab.controller.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.kubelab.controller.job.BatchFixture.JOBS;
import static io.kubelab.controller.job.BatchFixture.PODS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobControllerTest {

    BatchFixture f;

    @BeforeEach
    void setUp() {
        f = new BatchFixture();
    }

    static String job(String name, String spec) {
        return "{'apiVersion':'batch/v1','kind':'Job','metadata':{'name':'" + name + "'},'spec':{" + spec
                + "'template':{'spec':{'restartPolicy':'Never','containers':[{'name':'main','image':'busybox'}]}}}}";
    }

    static List<String> conditions(JsonNode job) {
        List<String> out = new ArrayList<>();
        job.path("status").path("conditions").forEach(c -> out.add(c.path("type").asText() + "=" + c.path("status")
                .asText() + " " + c.path("reason").asText("") + " " + c.path("message").asText("")));
        return out;
    }

    @Test
    void threeCompletionsTwoAtATime() {
        f.create(JOBS, job("pi", "'completions':3,'parallelism':2,"));
        f.settle();
        List<String> first = f.activePodNames("pi");
        assertEquals(2, first.size());
        JsonNode pod = f.get(PODS, first.get(0));
        assertEquals("pi-", pod.path("metadata").path("generateName").asText());
        assertEquals("[\"batch.kubernetes.io/job-tracking\"]", pod.path("metadata").path("finalizers").toString());
        JsonNode owner = pod.path("metadata").path("ownerReferences").get(0);
        assertEquals("Job pi true true", owner.path("kind").asText() + " " + owner.path("name").asText() + " "
                + owner.path("controller").asText() + " " + owner.path("blockOwnerDeletion").asText());
        JsonNode labels = pod.path("metadata").path("labels");
        assertEquals("pi", labels.path("batch.kubernetes.io/job-name").asText());
        assertEquals("pi", labels.path("job-name").asText());
        ObjectNode running = f.get(JOBS, "pi");
        assertEquals("{\"startTime\":\"2026-11-25T10:00:00Z\",\"active\":2,\"terminating\":0,"
                + "\"uncountedTerminatedPods\":{},\"ready\":0}", running.path("status").toString());

        first.forEach(f::run);
        f.settle();
        assertEquals(2, f.get(JOBS, "pi").path("status").path("ready").asInt());
        first.forEach(p -> f.finish(p, 0));
        f.settle();
        List<String> third = f.activePodNames("pi");
        assertEquals(1, third.size());
        assertEquals(2, f.get(JOBS, "pi").path("status").path("succeeded").asInt());
        f.finish(third.get(0), 0);
        f.settle();

        ObjectNode done = f.get(JOBS, "pi");
        assertEquals(List.of("SuccessCriteriaMet=True  ", "Complete=True  "), conditions(done));
        assertEquals(3, done.path("status").path("succeeded").asInt());
        assertFalse(done.path("status").has("active"));
        assertEquals(done.path("status").path("completionTime").asText(),
                done.path("status").path("conditions").get(1).path("lastTransitionTime").asText());
        for (JsonNode p : f.podsOf("pi")) {
            assertFalse(JobPods.hasFinalizer(p), "finalizer removed once counted: " + p.path("metadata"));
        }
        List<String> events = f.events("Job", "pi");
        assertEquals(3, events.stream().filter(e -> e.startsWith("SuccessfulCreate: Created pod: pi-")).count());
        assertEquals("Completed: Job completed", events.get(events.size() - 1));
    }

    @Test
    void backoffLimitTwoEndsAfterThreeFailedPods() {
        f.create(JOBS, job("pi", "'backoffLimit':2,"));
        f.settle();
        List<Instant> created = new ArrayList<>();
        for (int i = 0; i < 5 && !JobConditions.finished(f.get(JOBS, "pi")); i++) {
            List<String> active = f.activePodNames("pi");
            if (active.isEmpty()) {
                break;
            }
            JsonNode pod = f.get(PODS, active.get(0));
            created.add(Instant.parse(pod.path("metadata").path("creationTimestamp").asText()));
            f.clock().advance(Duration.ofSeconds(5));
            f.finish(active.get(0), 1);
            f.settle();
        }
        // Each pod fails 5 s after settling (which ends at the 1 s batched sync); the next waits 10 s, then 20 s.
        assertEquals(List.of(Instant.parse("2026-11-25T10:00:00Z"), Instant.parse("2026-11-25T10:00:16Z"),
                Instant.parse("2026-11-25T10:00:42Z")), created);
        assertEquals(3, f.podsOf("pi").size());
        f.podsOf("pi").forEach(p -> assertEquals("Failed", p.path("status").path("phase").asText()));
        ObjectNode failed = f.get(JOBS, "pi");
        assertEquals(List.of("FailureTarget=True BackoffLimitExceeded Job has reached the specified backoff limit",
                "Failed=True BackoffLimitExceeded Job has reached the specified backoff limit"), conditions(failed));
        assertEquals(3, failed.path("status").path("failed").asInt());
        assertFalse(failed.path("status").has("completionTime"));
        List<String> events = f.events("Job", "pi");
        assertEquals("BackoffLimitExceeded: Job has reached the specified backoff limit", events.get(events.size() - 1));
        assertEquals(3, events.stream().filter(e -> e.startsWith("SuccessfulCreate")).count());
    }

    @Test
    void activeDeadlineFailsTheJobAndDeletesItsPods() {
        f.create(JOBS, job("slow", "'activeDeadlineSeconds':30,"));
        f.settle();
        String pod = f.activePodNames("slow").get(0);
        f.run(pod);
        f.settle();
        // Settled after the batched syncs of the pod's creation and start, long before the deadline.
        assertEquals(Instant.parse("2026-11-25T10:00:03Z"), f.clock().now(), "the deadline does not hold up settle");
        f.clock().advance(Duration.ofSeconds(27));
        f.settle();
        ObjectNode failed = f.get(JOBS, "slow");
        assertEquals(List.of("FailureTarget=True DeadlineExceeded Job was active longer than specified deadline",
                "Failed=True DeadlineExceeded Job was active longer than specified deadline"), conditions(failed));
        assertEquals(1, failed.path("status").path("failed").asInt());
        assertEquals(List.of(), f.podsOf("slow"), "an unscheduled pod goes as soon as its finalizer is off");
        List<String> events = f.events("Job", "slow");
        assertTrue(events.contains("SuccessfulDelete: Deleted pod: " + pod), events.toString());
        assertEquals("DeadlineExceeded: Job was active longer than specified deadline", events.get(events.size() - 1));
    }

    @Test
    void indexedJobGivesEachPodItsIndex() {
        f.create(JOBS, job("idx", "'completions':3,'parallelism':3,'completionMode':'Indexed',"));
        f.settle();
        List<JsonNode> pods = new ArrayList<>(f.podsOf("idx"));
        pods.sort(java.util.Comparator.comparing(p -> JobPods.index(p)));
        for (int i = 0; i < 3; i++) {
            JsonNode p = pods.get(i);
            assertEquals("idx-" + i + "-", p.path("metadata").path("generateName").asText());
            assertEquals(String.valueOf(i), p.path("metadata").path("annotations")
                    .path("batch.kubernetes.io/job-completion-index").asText());
            assertEquals(String.valueOf(i), p.path("metadata").path("labels")
                    .path("batch.kubernetes.io/job-completion-index").asText());
            assertEquals("idx-" + i, p.path("spec").path("hostname").asText());
            JsonNode env = p.path("spec").path("containers").get(0).path("env").get(0);
            assertEquals("JOB_COMPLETION_INDEX metadata.annotations['batch.kubernetes.io/job-completion-index']",
                    env.path("name").asText() + " " + env.path("valueFrom").path("fieldRef").path("fieldPath").asText());
        }
        f.finish(ObjectMeta.name(pods.get(1)), 0);
        f.settle();
        assertEquals("1", f.get(JOBS, "idx").path("status").path("completedIndexes").asText());
        f.finish(ObjectMeta.name(pods.get(0)), 0);
        f.settle();
        assertEquals("0,1", f.get(JOBS, "idx").path("status").path("completedIndexes").asText());
        f.finish(ObjectMeta.name(pods.get(2)), 0);
        f.settle();
        ObjectNode done = f.get(JOBS, "idx");
        assertEquals("0-2", done.path("status").path("completedIndexes").asText());
        assertEquals(List.of("SuccessCriteriaMet=True  ", "Complete=True  "), conditions(done));
    }

    @Test
    void suspendedJobStartsNothingUntilResumed() {
        f.create(JOBS, job("later", "'suspend':true,"));
        f.settle();
        assertEquals(List.of(), f.podsOf("later"));
        ObjectNode suspended = f.get(JOBS, "later");
        assertEquals(List.of("Suspended=True JobSuspended Job suspended"), conditions(suspended));
        assertFalse(suspended.path("status").has("startTime"));

        f.clock().advance(Duration.ofSeconds(59));
        f.patch(JOBS, "later", "{'spec':{'suspend':false}}");
        f.settle();
        ObjectNode resumed = f.get(JOBS, "later");
        assertEquals(List.of("Suspended=False JobResumed Job resumed"), conditions(resumed));
        assertEquals("2026-11-25T10:01:00Z", resumed.path("status").path("startTime").asText());
        assertEquals(1, f.activePodNames("later").size());

        f.patch(JOBS, "later", "{'spec':{'suspend':true}}");
        f.settle();
        assertEquals(List.of(), f.activePodNames("later"));
        assertEquals(0, f.get(JOBS, "later").path("status").path("failed").asInt(), "a suspended pod is no failure");
        List<String> events = f.events("Job", "later");
        assertEquals(List.of("Suspended: Job suspended", "Resumed: Job resumed"), events.stream()
                .filter(e -> e.startsWith("Suspended") || e.startsWith("Resumed")).toList().subList(0, 2));
    }
}
