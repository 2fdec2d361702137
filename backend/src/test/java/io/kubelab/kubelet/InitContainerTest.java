package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InitContainerTest {

    static String pod(String initCommand, String policy) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"app\"},\"spec\":{\"nodeName\":\"node01\","
                + "\"restartPolicy\":\"" + policy + "\","
                + "\"initContainers\":[{\"name\":\"init\",\"image\":\"busybox:1.36\",\"command\":[" + initCommand + "]}],"
                + "\"containers\":[{\"name\":\"app\",\"image\":\"nginx:1.27\"}]}}";
    }

    @Test
    void initContainersRunToCompletionBeforeTheContainers() {
        KubeletFixture f = new KubeletFixture(8);
        f.create(pod("\"sleep\",\"2\"", "Always"));
        f.advance(Duration.ofMillis(1500));
        JsonNode status = f.status("app");
        assertEquals("Pending", status.path("phase").asText());
        assertEquals("running", status.path("initContainerStatuses").get(0).path("state").fieldNames().next());
        assertEquals("PodInitializing", f.container("app").path("state").path("waiting").path("reason").asText());
        JsonNode initialized = status.path("conditions").get(1);
        assertEquals("Initialized", initialized.path("type").asText());
        assertEquals("ContainersNotInitialized", initialized.path("reason").asText());
        assertEquals("containers with incomplete status: [init]", initialized.path("message").asText());

        assertEquals(Duration.ofMillis(5713 - 1500), f.settle());
        status = f.status("app");
        assertEquals("Running", status.path("phase").asText());
        assertEquals("Completed", status.path("initContainerStatuses").get(0).path("state").path("terminated").path("reason").asText());
        assertEquals("True", f.condition("app", "Initialized"));
        assertEquals("True", f.condition("app", "Ready"));
        assertEquals(List.of(
                "Normal Pulling Pulling image \"busybox:1.36\"",
                "Normal Pulled Successfully pulled image \"busybox:1.36\" in 1.2s (1.2s including waiting). Image size: 2166802 bytes.",
                "Normal Created Created container: init",
                "Normal Started Started container init",
                "Normal Pulling Pulling image \"nginx:1.27\"",
                "Normal Pulled Successfully pulled image \"nginx:1.27\" in 2.513s (2.513s including waiting). Image size: 72080558 bytes.",
                "Normal Created Created container: app",
                "Normal Started Started container app"), f.events("app"));
    }

    @Test
    void aFailingInitContainerFailsANeverPodAndCrashLoopsOtherwise() {
        KubeletFixture never = new KubeletFixture(8);
        never.create(pod("\"sh\",\"-c\",\"exit 3\"", "Never"));
        never.settle();
        assertEquals("Failed", never.status("app").path("phase").asText());
        assertEquals(3, never.status("app").path("initContainerStatuses").get(0).path("state").path("terminated")
                .path("exitCode").asInt());

        KubeletFixture always = new KubeletFixture(8);
        always.create(pod("\"sh\",\"-c\",\"exit 3\"", "Always"));
        always.settle();
        JsonNode init = always.status("app").path("initContainerStatuses").get(0);
        assertEquals("Pending", always.status("app").path("phase").asText());
        assertEquals("CrashLoopBackOff", init.path("state").path("waiting").path("reason").asText());
        assertEquals(1, init.path("restartCount").asInt());
    }

    @Test
    void aSidecarRunsBesideTheContainersAndStopsWhenTheyAreDone() {
        KubeletFixture f = new KubeletFixture(8);
        f.create("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"job\"},\"spec\":{\"nodeName\":\"node01\","
                + "\"restartPolicy\":\"Never\","
                + "\"initContainers\":[{\"name\":\"proxy\",\"image\":\"nginx:1.27\",\"restartPolicy\":\"Always\"}],"
                + "\"containers\":[{\"name\":\"main\",\"image\":\"busybox:1.36\",\"command\":[\"sleep\",\"5\"]}]}}");
        f.advance(Duration.ofSeconds(5));
        JsonNode status = f.status("job");
        assertEquals("Running", status.path("phase").asText());
        JsonNode proxy = status.path("initContainerStatuses").get(0);
        assertEquals("running", proxy.path("state").fieldNames().next());
        assertEquals(true, proxy.path("started").asBoolean());
        assertEquals(true, proxy.path("ready").asBoolean());
        assertEquals("True", f.condition("job", "Initialized"));
        assertEquals("True", f.condition("job", "Ready"));

        assertEquals(Duration.ofMillis(8813 - 5000), f.settle());
        status = f.status("job");
        assertEquals("Succeeded", status.path("phase").asText());
        assertEquals("Completed", status.path("containerStatuses").get(0).path("state").path("terminated").path("reason").asText());
        assertEquals("terminated", status.path("initContainerStatuses").get(0).path("state").fieldNames().next());
        List<String> events = f.events("job");
        assertEquals("Normal Killing Stopping container proxy", events.get(events.size() - 1));
    }
}
