package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.events.ComponentEvent;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.runtime.ContainerRuntime;
import io.kubelab.runtime.RuntimeFlavor;
import io.kubelab.runtime.TestImages;
import io.kubelab.runtime.image.Network;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** A standard cluster with a kubelet and runtime on node01 (and any other node asked for), driven by a manual clock. */
final class KubeletFixture {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    static final ResourceType EVENTS = ResourceTypes.of("v1", "Event");
    static final ResourceType CONFIG_MAPS = ResourceTypes.of("v1", "ConfigMap");
    static final ObjectMapper JSON = new ObjectMapper();

    final SimCluster cluster;
    final ContainerRuntime runtime;
    final Kubelet kubelet;
    final List<ComponentEvent> componentEvents = new ArrayList<>();

    KubeletFixture(long seed) {
        this(seed, "node01");
    }

    KubeletFixture(long seed, String node) {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(T0), seed);
        // The kubelet under test replaces the cluster's own on its node, and pods are placed by hand.
        cluster.stop("kubelet/" + node);
        cluster.stop("scheduler");
        cluster.stop("controller-manager");
        cluster.events().subscribe(componentEvents::add);
        ClusterSpec.NodeSpec spec = cluster.spec().nodes().stream().filter(n -> n.name().equals(node)).findFirst()
                .orElseThrow();
        runtime = new ContainerRuntime(node, spec.internalIp(), spec.podCidr(), RuntimeFlavor.CONTAINERD, new TestImages(),
                cluster.clock(), cluster.events(), new SplittableRandom(seed), cluster.logs());
        kubelet = new Kubelet(node, cluster.api(), cluster.clock(), cluster.events(), new SplittableRandom(seed + 1),
                runtime, Kubelet.PodNetwork.NONE);
    }

    SimClock clock() {
        return cluster.clock();
    }

    ObjectNode call(ApiRequest request) {
        return cluster.api().handle(request).body();
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** A pod bound to node01 with one container {@code name} running {@code image}; {@code extra} is more spec JSON. */
    static String pod(String name, String image, String containerExtra, String specExtra) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"nodeName\":\"node01\","
                + "\"containers\":[{\"name\":\"" + name + "\",\"image\":\"" + image + "\"" + containerExtra + "}]" + specExtra + "}}";
    }

    ObjectNode create(String podJson) {
        return call(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, PODS, "default", "").withBody(json(podJson)));
    }

    Optional<ObjectNode> pod(String name) {
        try {
            return Optional.of(call(ApiRequest.of(UserInfo.ADMIN, Verb.GET, PODS, "default", name)));
        } catch (StatusException e) {
            return Optional.empty();
        }
    }

    JsonNode status(String name) {
        return pod(name).orElseThrow().path("status");
    }

    JsonNode container(String name) {
        return status(name).path("containerStatuses").get(0);
    }

    String condition(String pod, String type) {
        for (JsonNode c : status(pod).path("conditions")) {
            if (c.path("type").asText().equals(type)) {
                return c.path("status").asText();
            }
        }
        return "";
    }

    void delete(String name) {
        call(ApiRequest.of(UserInfo.ADMIN, Verb.DELETE, PODS, "default", name));
    }

    Duration settle() {
        return clock().settle(cluster::stable, Duration.ofMinutes(5)).elapsed();
    }

    boolean settleStable() {
        return clock().settle(cluster::stable, Duration.ofMinutes(5)).stable();
    }

    void advance(Duration d) {
        clock().advance(d);
    }

    /** The events about {@code object} in {@code namespace}, oldest first, as "Type Reason Message (xCount)". */
    List<String> events(String namespace, String object) {
        ObjectNode list = call(ApiRequest.of(UserInfo.ADMIN, Verb.LIST, EVENTS, namespace, ""));
        List<JsonNode> items = new ArrayList<>();
        list.path("items").forEach(e -> {
            if (e.path("involvedObject").path("name").asText().equals(object)) {
                items.add(e);
            }
        });
        items.sort(Comparator.comparing(e -> Long.parseUnsignedLong(suffix(e.path("metadata").path("name").asText()), 16)));
        List<String> out = new ArrayList<>();
        for (JsonNode e : items) {
            int count = e.path("count").asInt(1);
            out.add(e.path("type").asText() + " " + e.path("reason").asText() + " " + e.path("message").asText()
                    + (count > 1 ? " (x" + count + ")" : ""));
        }
        return out;
    }

    List<String> events(String object) {
        return events("default", object);
    }

    private static String suffix(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
