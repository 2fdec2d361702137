package io.kubelab.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.BeforeEach;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole simulated cluster for end-to-end tests: every component running as a sandbox runs it, with
 * helpers to create, read and patch objects as the student and to let time pass.
 */
public class LiveCluster {


    public static final ObjectMapper JSON = new ObjectMapper();
    public static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    public static final ResourceType DEPLOYMENTS = ResourceTypes.of("apps/v1", "Deployment");
    public static final ResourceType REPLICASETS = ResourceTypes.of("apps/v1", "ReplicaSet");
    public static final ResourceType JOBS = ResourceTypes.of("batch/v1", "Job");
    public static final ResourceType EVENTS = ResourceTypes.of("v1", "Event");

    public SimCluster cluster;

    @BeforeEach
    public void setUp() {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 42);
    }

    public ObjectNode create(ResourceType type, String json) {
        try {
            return cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, type, "default", "")
                    .withBody(JSON.readTree(json))).body();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public List<ObjectNode> list(ResourceType type) {
        return cluster.api().peekAll(type, "default");
    }

    public ObjectNode get(ResourceType type, String name) {
        return cluster.api().peek(type, "default", name).orElseThrow();
    }

    public SimClock.Settled settle(Duration max) {
        return cluster.clock().settle(cluster::stable, max);
    }

    public static String deployment(String name, String image, int replicas) {
        return "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"" + name + "\"},\"spec\":"
                + "{\"replicas\":" + replicas + ",\"selector\":{\"matchLabels\":{\"app\":\"" + name + "\"}},"
                + "\"template\":{\"metadata\":{\"labels\":{\"app\":\"" + name + "\"}},\"spec\":{\"containers\":"
                + "[{\"name\":\"" + name + "\",\"image\":\"" + image + "\"}]}}}}";
    }

    public List<String> reasons() {
        List<String> out = new ArrayList<>();
        for (ObjectNode event : list(EVENTS)) {
            out.add(event.path("reason").asText() + " " + event.path("message").asText());
        }
        return out;
    }


    public ObjectNode patch(ResourceType type, String name, String mergePatch) {
        try {
            return cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.PATCH, type, "default", name)
                    .withPatch(ApiRequest.PatchType.MERGE, JSON.readTree(mergePatch))).body();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static String image(ObjectNode podOrSet) {
        JsonNode spec = podOrSet.has("template") || podOrSet.path("spec").has("template")
                ? podOrSet.path("spec").path("template").path("spec") : podOrSet.path("spec");
        return spec.path("containers").get(0).path("image").asText();
    }

    /** Records the deployment's available replicas after every change, to check the rollout's floor. */
    public List<Integer> watchAvailable(String name) {
        List<Integer> seen = new ArrayList<>();
        cluster.api().watch(ApiRequest.of(UserInfo.ADMIN, Verb.WATCH, DEPLOYMENTS, "default", ""), e -> {
            if (e.object().path("metadata").path("name").asText().equals(name)) {
                seen.add(e.object().path("status").path("availableReplicas").asInt());
            }
        });
        return seen;
    }


    public static String readyStatus(ObjectNode pod) {
        for (JsonNode c : pod.path("status").path("conditions")) {
            if (c.path("type").asText().equals("Ready")) {
                return c.path("status").asText();
            }
        }
        return "missing";
    }

}
