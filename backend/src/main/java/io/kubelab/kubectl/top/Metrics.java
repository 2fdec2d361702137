package io.kubelab.kubectl.top;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.ServerErrors;
import io.kubelab.model.Quantity;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.util.ArrayList;
import java.util.List;

/** Reading the metrics API as kubectl top does, and printing quantities as its printer does. */
final class Metrics {

    static final ResourceType NODE_METRICS = ResourceTypes.of("metrics.k8s.io/v1beta1", "NodeMetrics");
    static final ResourceType POD_METRICS = ResourceTypes.of("metrics.k8s.io/v1beta1", "PodMetrics");

    private Metrics() {
    }

    static List<ObjectNode> list(KubectlContext ctx, ResourceType type, String namespace, String name, String labels,
                                 String fields) throws KubectlException {
        try {
            if (!name.isEmpty()) {
                return List.of(ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.GET, type, namespace, name))
                        .body());
            }
            ObjectNode list = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.LIST, type, namespace, "")
                    .withOptions(RequestOptions.DEFAULT.withSelectors(labels, fields))).body();
            List<ObjectNode> out = new ArrayList<>();
            list.path("items").forEach(i -> out.add((ObjectNode) i));
            return out;
        } catch (StatusException e) {
            if (e.status().code() == 503) {
                throw KubectlException.error("Metrics API not available");
            }
            throw ServerErrors.of(e);
        }
    }

    /** What kubectl's top sorters compare: CPU as {@code MilliValue()}, memory as {@code Value()}. */
    static long sortKey(Quantity q, String resource) {
        return resource.equals("cpu") ? q.milliValue() : q.value();
    }

    /** {@code 250m}: CPU in millicores, rounded up as Quantity.MilliValue does. */
    static String cpu(Quantity q) {
        return q.milliValue() + "m";
    }

    /** {@code 128Mi}: memory in whole mebibytes, rounded down. */
    static String memory(Quantity q) {
        return (q.value() / (1024 * 1024)) + "Mi";
    }

    static Quantity quantity(JsonNode usage, String resource) {
        String text = usage.path(resource).asText("0");
        return Quantity.parse(text.isEmpty() ? "0" : text);
    }

    /** A row's cells as kubectl's top printer writes them: every cell tab-terminated, the last one too. */
    static void row(StringBuilder table, List<String> cells) {
        for (String cell : cells) {
            table.append(cell).append('\t');
        }
        table.append('\n');
    }
}
