package io.kubelab.controller.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.PlayedComponents;
import io.kubelab.cluster.SimCluster;
import io.kubelab.controller.Informers;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sandbox with the batch controllers and a stand-in for the scheduler and kubelet, which do not exist
 * yet: it marks pods Running, Succeeded or Failed through the status subresource and removes pods at once.
 */
public final class BatchFixture {

    public static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    public static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    public static final ResourceType JOBS = ResourceTypes.of("batch/v1", "Job");
    public static final ResourceType CRONJOBS = ResourceTypes.of("batch/v1", "CronJob");
    public static final ResourceType EVENTS = ResourceTypes.of("v1", "Event");

    public final SimCluster cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(T0), 7);
    public final Informers informers = new Informers(cluster.api(), cluster.clock(), new SplittableRandom(11),
            cluster.events());

    {
        // This fixture plays the scheduler and the kubelet: pods stay unbound, so deleting one is immediate.
        cluster.stop("scheduler");
        PlayedComponents.kubeletsPlayedByTest(cluster);
    }

    public SimClock clock() {
        return cluster.clock();
    }

    public static ObjectNode json(String text) {
        try {
            return (ObjectNode) new ObjectMapper().readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    public ObjectNode create(ResourceType type, String body) {
        return cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, type, "default", "")
                .withBody(json(body))).body();
    }

    public ObjectNode get(ResourceType type, String name) {
        return cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.GET, type, "default", name)).body();
    }

    public void patch(ResourceType type, String name, String patch) {
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.PATCH, type, "default", name)
                .withPatch(ApiRequest.PatchType.MERGE, json(patch)));
    }

    public List<JsonNode> list(ResourceType type) {
        List<JsonNode> out = new ArrayList<>();
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.LIST, type, "default", "")).body().path("items")
                .forEach(out::add);
        return out;
    }

    public List<JsonNode> podsOf(String job) {
        return list(PODS).stream().filter(p -> p.path("metadata").path("labels").path("job-name").asText()
                .equals(job)).toList();
    }

    public List<String> activePodNames(String job) {
        return podsOf(job).stream().filter(p -> !p.path("metadata").has("deletionTimestamp"))
                .filter(p -> !p.path("status").path("phase").asText().equals("Succeeded")
                        && !p.path("status").path("phase").asText().equals("Failed"))
                .map(ObjectMeta::name).sorted().toList();
    }

    /** {@code reason: message} of the Events about {@code kind/name}, in the order they were first seen. */
    public List<String> events(String kind, String name) {
        return list(EVENTS).stream()
                .filter(e -> e.path("involvedObject").path("kind").asText().equals(kind)
                        && e.path("involvedObject").path("name").asText().equals(name))
                .sorted(java.util.Comparator.comparing((JsonNode e) -> e.path("firstTimestamp").asText()))
                .map(e -> e.path("reason").asText() + ": " + e.path("message").asText()).toList();
    }

    public void settle() {
        assertTrue(clock().settle(cluster::stable, Duration.ofMinutes(30)).stable(), "cluster did not settle");
    }

    /** The kubelet's part: the pod's container started and is ready. */
    public void run(String pod) {
        ObjectNode p = get(PODS, pod);
        String now = ObjectMeta.time(clock().now());
        ObjectNode status = p.putObject("status");
        status.put("phase", "Running");
        status.putArray("conditions").addObject().put("lastTransitionTime", now).put("status", "True")
                .put("type", "Ready");
        status.putArray("containerStatuses").addObject().put("name", "main").put("ready", true)
                .put("restartCount", 0).putObject("state").putObject("running").put("startedAt", now);
        writeStatus(p);
    }

    /** The kubelet's part: the container exited with {@code exitCode}, and the pod is Succeeded or Failed. */
    public void finish(String pod, int exitCode) {
        ObjectNode p = get(PODS, pod);
        String now = ObjectMeta.time(clock().now());
        ObjectNode status = p.putObject("status");
        status.put("phase", exitCode == 0 ? "Succeeded" : "Failed");
        status.putArray("conditions").addObject().put("lastTransitionTime", now).put("status", "False")
                .put("type", "Ready");
        status.putArray("containerStatuses").addObject().put("name", "main").put("ready", false)
                .put("restartCount", 0).putObject("state").putObject("terminated").put("exitCode", exitCode)
                .put("finishedAt", now).put("reason", exitCode == 0 ? "Completed" : "Error");
        writeStatus(p);
    }

    /** The kubelet's part: a pod being deleted is gone once its containers stopped (grace 0). */
    public void deleteNow(String pod) {
        PlayedComponents.deleteNow(cluster.api(), "default", pod);
    }

    private void writeStatus(ObjectNode pod) {
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.UPDATE, PODS, "default", ObjectMeta.name(pod))
                .withSubresource("status").withBody(pod));
    }
}
