package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.clock.GoDuration;
import io.kubelab.model.LabelSelector;
import io.kubelab.model.Quantity;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The aggregated {@code metrics.k8s.io/v1beta1} API as kube-apiserver proxies it to metrics-server:
 * NodeMetrics and PodMetrics, get and list, with label selectors, in metrics-server's exact JSON. While the
 * backend is unavailable every request fails as the aggregator's proxy makes it fail (503).
 */
final class MetricsApi {

    static final String GROUP = "metrics.k8s.io";
    /** What the aggregator's proxy writes when the APIService is not available (plain text, not a Status). */
    static final String PROXY_UNAVAILABLE = "service unavailable";
    /** client-go's message for a 503 whose body is not a Status. */
    static final String UNABLE = "the server is currently unable to handle the request";

    private static final ResourceType NODES = ResourceTypes.of("v1", "Node");
    private static final ResourceType PODS = ResourceTypes.of("v1", "Pod");

    private final Registry registry;
    private final Supplier<Instant> clock;
    private volatile MetricsSource source = MetricsSource.NONE;

    MetricsApi(Registry registry, Supplier<Instant> clock) {
        this.registry = registry;
        this.clock = clock;
    }

    static boolean serves(ResourceType type) {
        return type.group().equals(GROUP);
    }

    boolean available() {
        return source.available();
    }

    void setSource(MetricsSource value) {
        source = value;
    }

    ApiResponse handle(ApiRequest r) {
        if (!source.available()) {
            throw new StatusException(unavailable(r));
        }
        if (!r.subresource().isEmpty()) {
            throw new StatusException(new Status(404, "NotFound", "the server could not find the requested resource",
                    Optional.empty()));
        }
        if (r.verb() != ApiRequest.Verb.GET && r.verb() != ApiRequest.Verb.LIST) {
            throw new StatusException(Status.methodNotAllowed(r.groupResource(), r.verb().word()));
        }
        boolean pods = r.type().resource().equals("pods");
        if (r.verb() == ApiRequest.Verb.GET) {
            return ApiResponse.ok(pods ? podMetrics(r.namespace(), r.name()) : nodeMetrics(r.name()));
        }
        LabelSelector selector;
        try {
            selector = LabelSelector.parse(r.options().labelSelector());
        } catch (LabelSelector.ParseException e) {
            throw new StatusException(Status.badRequest(e.getMessage()));
        }
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.put("kind", r.type().kind() + "List").put("apiVersion", r.type().apiVersion());
        list.putObject("metadata");
        ArrayNode items = list.putArray("items");
        List<ObjectNode> objects = pods ? registry.inNamespace(PODS, r.namespace()) : registry.inNamespace(NODES, "");
        for (ObjectNode object : objects) {
            if (!selector.matches(labels(object))) {
                continue;
            }
            Optional<ObjectNode> item = pods ? podItem(object) : nodeItem(object);
            item.ifPresent(items::add);
        }
        return ApiResponse.ok(list);
    }

    /**
     * What a client sees when the aggregator cannot reach metrics-server: a 503 whose text body client-go turns
     * into "the server is currently unable to handle the request (get pods.metrics.k8s.io)".
     */
    static Status unavailable(ApiRequest r) {
        String resource = r.type().resource() + "." + GROUP;
        String message = UNABLE + (r.name().isEmpty() ? " (get " + resource + ")" : " (get " + resource + " " + r.name() + ")");
        return new Status(503, "ServiceUnavailable", message, Optional.of(new Status.Details(r.name(), GROUP,
                r.type().resource(), List.of(new Status.Cause("UnexpectedServerResponse", PROXY_UNAVAILABLE, "")), 0)));
    }

    private ObjectNode nodeMetrics(String name) {
        ObjectNode node = registry.get(NODES, "", name)
                .orElseThrow(() -> new StatusException(Status.notFound(GroupResource.core("nodes"), name)));
        ObjectNode item = nodeItem(node).orElseThrow(() -> new StatusException(
                Status.notFound(new GroupResource(GROUP, "nodemetrics"), name)));
        return typed(item, "NodeMetrics");
    }

    private ObjectNode podMetrics(String namespace, String name) {
        ObjectNode pod = registry.get(PODS, namespace, name)
                .orElseThrow(() -> new StatusException(Status.notFound(GroupResource.core("pods"), name)));
        // metrics-server names a missing pod's metrics by namespace/name.
        ObjectNode item = podItem(pod).orElseThrow(() -> new StatusException(
                Status.notFound(new GroupResource(GROUP, "podmetrics"), namespace + "/" + name)));
        return typed(item, "PodMetrics");
    }

    private static ObjectNode typed(ObjectNode item, String kind) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("kind", kind).put("apiVersion", GROUP + "/v1beta1");
        out.setAll(item);
        return out;
    }

    private Optional<ObjectNode> nodeItem(ObjectNode node) {
        return source.node(ObjectMeta.name(node)).map(sample -> {
            ObjectNode item = item(node, false);
            item.put("timestamp", ObjectMeta.time(sample.timestamp()));
            item.put("window", GoDuration.format(sample.window()));
            usage(item.putObject("usage"), sample.cpuNanoCores(), sample.memoryBytes());
            return item;
        });
    }

    private Optional<ObjectNode> podItem(ObjectNode pod) {
        return source.pod(ObjectMeta.namespace(pod), ObjectMeta.name(pod)).map(sample -> {
            ObjectNode item = item(pod, true);
            item.put("timestamp", ObjectMeta.time(sample.timestamp()));
            item.put("window", GoDuration.format(sample.window()));
            ArrayNode containers = item.putArray("containers");
            for (Map.Entry<String, MetricsSource.Usage> c : sample.containers().entrySet()) {
                ObjectNode container = containers.addObject();
                container.put("name", c.getKey());
                usage(container.putObject("usage"), c.getValue().cpuNanoCores(), c.getValue().memoryBytes());
            }
            return item;
        });
    }

    /** metrics-server's object metadata: name, namespace, the time of the answer, the object's labels. */
    private ObjectNode item(ObjectNode object, boolean namespaced) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        ObjectNode metadata = item.putObject("metadata");
        metadata.put("name", ObjectMeta.name(object));
        if (namespaced) {
            metadata.put("namespace", ObjectMeta.namespace(object));
        }
        metadata.put("creationTimestamp", ObjectMeta.time(clock.get()));
        JsonNode labels = object.path("metadata").path("labels");
        if (labels.isObject() && labels.size() > 0) {
            metadata.set("labels", labels.deepCopy());
        }
        return item;
    }

    /** CPU as a scaled quantity of nanocores ({@code 1234567n}), memory in binary units ({@code 9648Ki}). */
    static void usage(ObjectNode usage, long cpuNanoCores, long memoryBytes) {
        usage.put("cpu", Quantity.of(BigDecimal.valueOf(cpuNanoCores, 9), Quantity.Format.DECIMAL_SI).canonical());
        usage.put("memory", Quantity.of(memoryBytes, Quantity.Format.BINARY_SI).canonical());
    }

    private static Map<String, String> labels(ObjectNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.path("metadata").path("labels").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
