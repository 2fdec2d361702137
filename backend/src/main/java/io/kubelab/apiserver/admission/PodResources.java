package io.kubelab.apiserver.admission;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.model.Quantity;

import java.util.Map;
import java.util.TreeMap;

/**
 * A pod's total requests or limits as Kubernetes 1.32 computes them ({@code resourcehelper.PodRequests}):
 * containers summed; sidecars (init containers with {@code restartPolicy: Always}) run alongside them and
 * are added; other init containers run one at a time, each next to the sidecars started before it, and
 * the pod needs the largest of those moments if that is more. Overhead is added to requests, and to a
 * limit only where there is one.
 */
final class PodResources {

    private PodResources() {
    }

    static Map<String, Quantity> totals(JsonNode spec, String field) {
        Map<String, Quantity> sum = new TreeMap<>();
        for (JsonNode container : spec.path("containers")) {
            add(sum, container.path("resources").path(field));
        }
        Map<String, Quantity> sidecars = new TreeMap<>();
        Map<String, Quantity> initPeak = new TreeMap<>();
        for (JsonNode container : spec.path("initContainers")) {
            JsonNode values = container.path("resources").path(field);
            Map<String, Quantity> moment;
            if (container.path("restartPolicy").asText("").equals("Always")) {
                add(sidecars, values);
                moment = new TreeMap<>(sidecars);
            } else {
                moment = new TreeMap<>(sidecars);
                add(moment, values);
            }
            moment.forEach((resource, value) -> initPeak.merge(resource, value, PodResources::max));
        }
        sidecars.forEach((resource, value) -> sum.merge(resource, value, Quantity::add));
        initPeak.forEach((resource, value) -> sum.merge(resource, value, PodResources::max));
        spec.path("overhead").properties().forEach(e -> {
            if (field.equals("requests") || sum.containsKey(e.getKey())) {
                sum.merge(e.getKey(), Quantity.parse(e.getValue().asText()), Quantity::add);
            }
        });
        return sum;
    }

    private static void add(Map<String, Quantity> into, JsonNode values) {
        values.properties().forEach(e -> into.merge(e.getKey(), Quantity.parse(e.getValue().asText()), Quantity::add));
    }

    private static Quantity max(Quantity a, Quantity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
