package io.kubelab.controller.replicaset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.controller.Informers;
import io.kubelab.controller.deployment.DeploymentController;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A standard cluster with the two workload controllers and played kubelets, for tests. */
public final class Sandbox {

    public static final ResourceType EVENTS = ResourceTypes.of("v1", "Event");
    public static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    public final SimCluster cluster;
    public final PlayedKubelets kubelets;

    public Sandbox() {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(T0), 7);
        // The played kubelets stand in for the scheduler too: the cluster's own makes way.
        cluster.stop("scheduler");
        io.kubelab.cluster.PlayedComponents.kubeletsPlayedByTest(cluster);
        kubelets = new PlayedKubelets(cluster.api(), cluster.clock());
    }

    public static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    public ObjectNode create(ResourceType type, String body) {
        return cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.CREATE, type, "default", "")
                .withBody(json(body))).body();
    }

    public ObjectNode get(ResourceType type, String name) {
        return cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.GET, type, "default", name)).body();
    }

    public ObjectNode patch(ResourceType type, String name, String patch) {
        return cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.PATCH, type, "default", name)
                .withPatch(ApiRequest.PatchType.MERGE, json(patch))).body();
    }

    public List<ObjectNode> list(ResourceType type) {
        List<ObjectNode> out = new ArrayList<>();
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.LIST, type, "default", ""))
                .body().path("items").forEach(i -> out.add((ObjectNode) i));
        return out;
    }

    /** Settles and says how long it took; fails if the cluster never settles within {@code max}. */
    public Duration settle(Duration max) {
        SimClock.Settled settled = cluster.clock().settle(cluster::stable, max);
        if (!settled.stable()) {
            throw new AssertionError("not settled after " + max);
        }
        return settled.elapsed();
    }

    public Duration settle() {
        return settle(Duration.ofMinutes(5));
    }

    /** Every Event about {@code name}, oldest first, as {@code reason: message}. */
    public List<String> events(String name) {
        List<ObjectNode> events = list(EVENTS);
        // Oldest first; within a second, in the order they were written.
        events.sort(java.util.Comparator.comparing((JsonNode e) -> e.path("firstTimestamp").asText())
                .thenComparingLong(e -> Long.parseLong(ObjectMeta.resourceVersion(e))));
        List<String> out = new ArrayList<>();
        for (JsonNode e : events) {
            if (e.path("involvedObject").path("name").asText().equals(name)) {
                out.add(e.path("reason").asText() + ": " + e.path("message").asText());
            }
        }
        return out;
    }
}
