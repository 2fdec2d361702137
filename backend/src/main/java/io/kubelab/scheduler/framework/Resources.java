package io.kubelab.scheduler.framework;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.model.Quantity;

import java.util.Map;
import java.util.TreeMap;

/**
 * A pod's resource requests as the scheduler counts them ({@code resourcehelper.PodRequests}): containers
 * summed, sidecar init containers ({@code restartPolicy: Always}) added, other init containers taken as the
 * largest single moment if that is more, overhead added. CPU is in millicores, everything else in units.
 */
public final class Resources {

    /** {@code DefaultMilliCPURequest}: what scoring assumes for a container that requests no CPU. */
    public static final long DEFAULT_MILLI_CPU = 100;
    /** {@code DefaultMemoryRequest}: 200 MiB, assumed for a container that requests no memory. */
    public static final long DEFAULT_MEMORY = 200L * 1024 * 1024;

    private Resources() {
    }

    /** The pod's requests, by resource name; CPU in millicores. */
    public static Map<String, Long> requests(JsonNode pod) {
        return totals(pod.path("spec"), false);
    }

    /**
     * The requests with containers that name no CPU or memory counted at the defaults
     * ({@code NonMissingContainerRequests}), as the scoring plugins see them.
     */
    public static Map<String, Long> nonZeroRequests(JsonNode pod) {
        return totals(pod.path("spec"), true);
    }

    private static Map<String, Long> totals(JsonNode spec, boolean nonZero) {
        Map<String, Long> sum = new TreeMap<>();
        for (JsonNode container : spec.path("containers")) {
            add(sum, container, nonZero);
        }
        Map<String, Long> sidecars = new TreeMap<>();
        Map<String, Long> initPeak = new TreeMap<>();
        for (JsonNode container : spec.path("initContainers")) {
            Map<String, Long> moment;
            if (container.path("restartPolicy").asText("").equals("Always")) {
                add(sidecars, container, nonZero);
                moment = new TreeMap<>(sidecars);
            } else {
                moment = new TreeMap<>(sidecars);
                add(moment, container, nonZero);
            }
            moment.forEach((resource, value) -> initPeak.merge(resource, value, Math::max));
        }
        sidecars.forEach((resource, value) -> sum.merge(resource, value, Long::sum));
        initPeak.forEach((resource, value) -> sum.merge(resource, value, Math::max));
        spec.path("overhead").properties().forEach(e -> sum.merge(e.getKey(), amount(e.getKey(), e.getValue()), Long::sum));
        return sum;
    }

    private static void add(Map<String, Long> into, JsonNode container, boolean nonZero) {
        JsonNode requests = container.path("resources").path("requests");
        requests.properties().forEach(e -> into.merge(e.getKey(), amount(e.getKey(), e.getValue()), Long::sum));
        if (nonZero) {
            if (!requests.has("cpu")) {
                into.merge("cpu", DEFAULT_MILLI_CPU, Long::sum);
            }
            if (!requests.has("memory")) {
                into.merge("memory", DEFAULT_MEMORY, Long::sum);
            }
        }
    }

    /** A quantity as the scheduler holds it: millicores for CPU, whole units (rounded up) otherwise. */
    public static long amount(String resource, JsonNode value) {
        Quantity quantity = Quantity.parse(value.asText());
        return resource.equals("cpu") ? quantity.milliValue() : quantity.value();
    }
}
