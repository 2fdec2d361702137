package io.kubelab.controller.nodelifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.controller.Informers;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * A standard sandbox on a manual clock for controller tests, playing the kubelets' part through the API:
 * leases renewed every 10 s for the nodes in {@link #alive}, pods placed and made Running by hand.
 */
public final class ClusterFixture {

    public static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    public static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    public static final ResourceType NODES = ResourceTypes.of("v1", "Node");
    public static final ResourceType LEASES = ResourceTypes.of("coordination.k8s.io/v1", "Lease");
    public static final ResourceType EVENTS = ResourceTypes.of("v1", "Event");
    private static final ObjectMapper JSON = new ObjectMapper();

    public final SimCluster cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(T0), 3);
    public final Informers informers = new Informers(cluster.api(), cluster.clock(), new SplittableRandom(7), cluster.events());
    {
        // The fixture places pods itself.
        cluster.stop("scheduler");
        io.kubelab.cluster.PlayedComponents.kubeletsPlayedByTest(cluster);
    }

    /** The nodes whose "kubelet" renews its lease. */
    public final Set<String> alive = new TreeSet<>(Set.of("controlplane", "node01", "node02"));

    /** Starts the lease heartbeats (background time, as the kubelet's are). */
    public ClusterFixture heartbeats() {
        cluster.clock().scheduleBackground(Duration.ofSeconds(10), this::beat);
        return this;
    }

    private void beat() {
        for (String node : alive) {
            renewLease(node);
        }
        cluster.clock().scheduleBackground(Duration.ofSeconds(10), this::beat);
    }

    public void renewLease(String node) {
        patch(LEASES, "kube-node-lease", node, "", "{\"spec\":{\"renewTime\":\"" + ObjectMeta.microTime(now()) + "\"}}");
    }

    /** The kubelet posting Ready again after a recovery. */
    public void postReady(String node) {
        ObjectNode current = get(NODES, "", node);
        ObjectNode updated = current.deepCopy();
        for (JsonNode c : updated.path("status").path("conditions")) {
            ObjectNode condition = (ObjectNode) c;
            String type = condition.path("type").asText();
            condition.put("lastHeartbeatTime", ObjectMeta.time(now())).put("lastTransitionTime", ObjectMeta.time(now()));
            condition.put("status", type.equals("Ready") ? "True" : "False");
            condition.put("reason", switch (type) {
                case "Ready" -> "KubeletReady";
                case "MemoryPressure" -> "KubeletHasSufficientMemory";
                case "DiskPressure" -> "KubeletHasNoDiskPressure";
                default -> "KubeletHasSufficientPID";
            });
        }
        call(ApiRequest.of(UserInfo.ADMIN, Verb.UPDATE, NODES, "", node).withSubresource("status").withBody(updated));
    }

    /** A pod placed on {@code node} (none if empty), Running and Ready; {@code tolerations} is a JSON array or empty. */
    public void runningPod(String name, String node, String tolerations) {
        String extra = tolerations.isEmpty() ? "" : ",\"tolerations\":" + tolerations;
        call(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, PODS, "default", "").withBody(json("{\"apiVersion\":\"v1\","
                + "\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\",\"labels\":{\"app\":\"web\"}},\"spec\":{"
                + (node.isEmpty() ? "" : "\"nodeName\":\"" + node + "\",") + "\"containers\":[{\"name\":\"web\",\"image\":\"nginx\"}]" + extra + "}}")));
        String time = ObjectMeta.time(now());
        patch(PODS, "default", name, "status", "{\"status\":{\"phase\":\"Running\",\"conditions\":["
                + "{\"type\":\"Ready\",\"status\":\"True\",\"lastProbeTime\":null,\"lastTransitionTime\":\"" + time + "\"}]}}");
    }

    public Instant now() {
        return cluster.clock().now();
    }

    public SimClock.Settled settle(Duration max) {
        return cluster.clock().settle(cluster::stable, max);
    }

    public void advance(Duration d) {
        cluster.clock().advance(d);
    }

    public ObjectNode get(ResourceType type, String namespace, String name) {
        return call(ApiRequest.of(UserInfo.ADMIN, Verb.GET, type, namespace, name));
    }

    public boolean exists(ResourceType type, String namespace, String name) {
        try {
            get(type, namespace, name);
            return true;
        } catch (io.kubelab.apiserver.StatusException e) {
            return false;
        }
    }

    public ObjectNode patch(ResourceType type, String namespace, String name, String subresource, String patch) {
        ApiRequest request = ApiRequest.of(UserInfo.ADMIN, Verb.PATCH, type, namespace, name)
                .withPatch(ApiRequest.PatchType.MERGE, json(patch));
        return call(subresource.isEmpty() ? request : request.withSubresource(subresource));
    }

    public ObjectNode call(ApiRequest request) {
        return cluster.api().handle(request).body();
    }

    /**
     * Core events whose source is one of {@code components}, as {@code Type Reason Kind/name: message (xN)},
     * sorted so the check does not depend on generated names.
     */
    public List<String> events(String... components) {
        List<String> out = new ArrayList<>();
        for (String namespace : new String[]{"default", "kube-system"}) {
            for (JsonNode e : call(ApiRequest.of(UserInfo.ADMIN, Verb.LIST, EVENTS, namespace, "")).path("items")) {
                if (Set.of(components).contains(e.path("source").path("component").asText())) {
                    out.add(e.path("type").asText() + " " + e.path("reason").asText() + " "
                            + e.path("involvedObject").path("kind").asText() + "/" + e.path("involvedObject").path("name").asText()
                            + ": " + e.path("message").asText() + (e.path("count").asInt(1) > 1 ? " (x" + e.path("count").asInt() + ")" : ""));
                }
            }
        }
        out.sort(null);
        return out;
    }

    public static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
