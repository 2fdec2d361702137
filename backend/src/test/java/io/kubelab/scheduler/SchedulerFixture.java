package io.kubelab.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.PlayedComponents;
import io.kubelab.cluster.SimCluster;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A standard sandbox with a scheduler on top, and the requests the tests make as the student would. */
final class SchedulerFixture {

    static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    static final ResourceType NODES = ResourceTypes.of("v1", "Node");
    static final ResourceType EVENTS = ResourceTypes.of("events.k8s.io/v1", "Event");
    static final ObjectMapper JSON = new ObjectMapper();

    final SimCluster cluster;
    final Scheduler scheduler;

    SchedulerFixture() {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 7);
        // The cluster's own scheduler makes way for one these tests seed and stop themselves.
        cluster.stop("scheduler");
        io.kubelab.cluster.PlayedComponents.kubeletsPlayedByTest(cluster);
        // Only the scheduler is under test: no controller may add, remove or collect pods behind its back.
        cluster.stop("controller-manager");
        scheduler = new Scheduler(cluster.api(), cluster.clock(), cluster.events(), new SplittableRandom(7));
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A pod {@code name} with one nginx container; {@code spec} is extra spec fields, {@code container} extra container fields. */
    static ObjectNode pod(String name, String labels, String container, String spec) {
        return json("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'" + name + "','labels':{" + labels + "}},"
                + "'spec':{'containers':[{'name':'c','image':'nginx'" + container + "}]" + spec + "}}");
    }

    ObjectNode create(ResourceType type, String namespace, ObjectNode body) {
        return cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, type, namespace, "").withBody(body)).body();
    }

    ObjectNode createPod(ObjectNode pod) {
        return create(PODS, "default", pod);
    }

    ObjectNode get(ResourceType type, String namespace, String name) {
        return cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.GET, type, namespace, name)).body();
    }

    ObjectNode pod(String name) {
        return get(PODS, "default", name);
    }

    String nodeOf(String pod) {
        return pod(pod).path("spec").path("nodeName").asText();
    }

    void patch(ResourceType type, String namespace, String name, String patch) {
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.PATCH, type, namespace, name)
                .withPatch(ApiRequest.PatchType.MERGE, json(patch)));
    }

    /** Deletes a pod at once, as its kubelet confirms a deletion (there is no kubelet in these tests). */
    void forceDelete(String name) {
        PlayedComponents.deleteNow(cluster.api(), "default", name);
    }

    /** Lets the cluster work for {@code seconds} of simulated time. */
    void run(int seconds) {
        cluster.clock().advance(Duration.ofSeconds(seconds));
    }

    /** The PodScheduled condition's message. */
    String unschedulableMessage(String pod) {
        for (JsonNode c : pod(pod).path("status").path("conditions")) {
            if (c.path("type").asText().equals("PodScheduled") && c.path("status").asText().equals("False")
                    && c.path("reason").asText().equals("Unschedulable")) {
                return c.path("message").asText();
            }
        }
        return "";
    }

    /** "reason: note" of every events.k8s.io event about {@code object} in default, in creation order. */
    List<String> events(String object) {
        List<String> out = new ArrayList<>();
        ObjectNode list = cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.LIST, EVENTS, "default", "")).body();
        for (JsonNode e : list.path("items")) {
            if (e.path("regarding").path("name").asText().equals(object)) {
                out.add(e.path("reason").asText() + ": " + e.path("note").asText());
            }
        }
        return out;
    }
}
