package io.kubelab.controller.podautoscaler;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.clock.GoDuration;
import io.kubelab.controller.Informers;
import io.kubelab.model.LabelSelector;
import io.kubelab.model.Quantity;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HPA's resource metrics client: PodMetrics from {@code metrics.k8s.io} through the API server, one
 * value per pod (the sum over its containers), as {@code pkg/controller/podautoscaler/metrics} reads them.
 */
final class ResourceMetricsClient {

    static final ResourceType POD_METRICS = ResourceTypes.of("metrics.k8s.io/v1beta1", "PodMetrics");

    /** A failure in the client's words; {@link #getMessage()} is what the HPA puts into its events. */
    static final class MetricsException extends Exception {
        MetricsException(String message) {
            super(message);
        }
    }

    record Result(Map<String, PodMetric> metrics, Instant timestamp) {
    }

    private final ApiServer api;

    ResourceMetricsClient(ApiServer api) {
        this.api = api;
    }

    Result resourceMetric(String resource, String namespace, LabelSelector selector) throws MetricsException {
        JsonNode list;
        try {
            list = api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.LIST, POD_METRICS, namespace, "")
                    .withOptions(RequestOptions.DEFAULT.withSelectors(selector.toString(), ""))).body();
        } catch (StatusException e) {
            throw new MetricsException("unable to fetch metrics from resource metrics API: " + e.status().message());
        }
        JsonNode items = list.path("items");
        if (items.size() == 0) {
            throw new MetricsException("no metrics returned from resource metrics API");
        }
        Map<String, PodMetric> out = new LinkedHashMap<>();
        for (JsonNode item : items) {
            long sum = 0;
            boolean missing = item.path("containers").size() == 0;
            for (JsonNode c : item.path("containers")) {
                String value = c.path("usage").path(resource).asText("");
                if (value.isEmpty()) {
                    missing = true;
                    break;
                }
                sum += Quantity.parse(value).milliValue();
            }
            if (!missing) {
                out.put(item.path("metadata").path("name").asText(), new PodMetric(timestamp(item), window(item), sum));
            }
        }
        return new Result(out, timestamp(items.get(0)));
    }

    private static Instant timestamp(JsonNode item) {
        return Instant.parse(item.path("timestamp").asText());
    }

    private static Duration window(JsonNode item) {
        return GoDuration.parse(item.path("window").asText("0s"));
    }
}
