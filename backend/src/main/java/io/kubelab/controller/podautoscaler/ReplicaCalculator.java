package io.kubelab.controller.podautoscaler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.model.LabelSelector;
import io.kubelab.model.Quantity;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The HPA's replica calculation ({@code replica_calculator.go}): usage over requests against the target,
 * the 0.1 tolerance, and the pods that do not count as they are: pending and not-yet-ready pods are ignored
 * (counted as using nothing on a scale-up), pods without metrics count as using 100% of their request on a
 * scale-down and nothing on a scale-up, so neither drives the HPA the wrong way.
 */
final class ReplicaCalculator {

    /** {@code --horizontal-pod-autoscaler-tolerance}. */
    static final double TOLERANCE = 0.1;
    /** {@code --horizontal-pod-autoscaler-cpu-initialization-period}. */
    static final Duration CPU_INITIALIZATION_PERIOD = Duration.ofMinutes(5);
    /** {@code --horizontal-pod-autoscaler-initial-readiness-delay}. */
    static final Duration INITIAL_READINESS_DELAY = Duration.ofSeconds(30);

    /** A failure with the calculator's own message (wrapped by the controller into its events). */
    static final class CalculationException extends Exception {
        CalculationException(String message) {
            super(message);
        }
    }

    /** The proposal: replicas, the utilization in percent (or -1 for a raw target), the average raw value. */
    record Proposal(int replicas, int utilization, long rawAverage, Instant timestamp) {
    }

    private final ResourceMetricsClient metrics;
    private final Supplier<List<ObjectNode>> pods;
    private final Supplier<Instant> clock;

    ReplicaCalculator(ResourceMetricsClient metrics, Supplier<List<ObjectNode>> pods, Supplier<Instant> clock) {
        this.metrics = metrics;
        this.pods = pods;
        this.clock = clock;
    }

    /** The metrics of the targeted pods, with the pods grouped and the ignored ones' metrics dropped. */
    private record Sampled(ResourceMetricsClient.Result result, List<ObjectNode> pods, Map<String, PodMetric> metrics,
                           Groups groups) {
    }

    private Sampled sample(String resource, String namespace, LabelSelector selector) throws CalculationException {
        ResourceMetricsClient.Result result;
        try {
            result = metrics.resourceMetric(resource, namespace, selector);
        } catch (ResourceMetricsClient.MetricsException e) {
            throw new CalculationException("unable to get metrics for resource " + resource + ": " + e.getMessage());
        }
        List<ObjectNode> podList = pods(namespace, selector);
        Map<String, PodMetric> podMetrics = new LinkedHashMap<>(result.metrics());
        Groups groups = groupPods(podList, podMetrics, resource);
        groups.ignored.forEach(podMetrics::remove);
        return new Sampled(result, podList, podMetrics, groups);
    }

    /** {@code GetResourceReplicas}: a target utilization in percent of the pods' requests. */
    Proposal resourceReplicas(int currentReplicas, int targetUtilization, String resource, String namespace,
                              LabelSelector selector) throws CalculationException {
        Sampled sampled = sample(resource, namespace, selector);
        ResourceMetricsClient.Result result = sampled.result();
        List<ObjectNode> podList = sampled.pods();
        Map<String, PodMetric> podMetrics = sampled.metrics();
        Groups groups = sampled.groups();
        Map<String, Long> requests = requests(podList, resource);
        if (podMetrics.isEmpty()) {
            throw new CalculationException("did not receive metrics for targeted pods (pods might be unready)");
        }
        Utilization u = utilizationRatio(podMetrics, requests, targetUtilization);
        boolean rebalanceIgnored = !groups.ignored.isEmpty() && u.ratio > 1.0;
        if (!rebalanceIgnored && groups.missing.isEmpty()) {
            if (Math.abs(1.0 - u.ratio) <= TOLERANCE) {
                return new Proposal(currentReplicas, u.percent, u.rawAverage, result.timestamp());
            }
            return new Proposal((int) Math.ceil(u.ratio * groups.ready), u.percent, u.rawAverage, result.timestamp());
        }
        for (String pod : groups.missing) {
            if (u.ratio < 1.0) {
                podMetrics.put(pod, new PodMetric(result.timestamp(), Duration.ZERO, requests.getOrDefault(pod, 0L)));
            } else if (u.ratio > 1.0) {
                podMetrics.put(pod, new PodMetric(result.timestamp(), Duration.ZERO, 0));
            }
        }
        if (rebalanceIgnored) {
            for (String pod : groups.ignored) {
                podMetrics.put(pod, new PodMetric(result.timestamp(), Duration.ZERO, 0));
            }
        }
        double newRatio = utilizationRatio(podMetrics, requests, targetUtilization).ratio;
        if (Math.abs(1.0 - newRatio) <= TOLERANCE || (u.ratio < 1.0 && newRatio > 1.0) || (u.ratio > 1.0 && newRatio < 1.0)) {
            return new Proposal(currentReplicas, u.percent, u.rawAverage, result.timestamp());
        }
        int replicas = (int) Math.ceil(newRatio * podMetrics.size());
        if ((newRatio < 1.0 && replicas > currentReplicas) || (newRatio > 1.0 && replicas < currentReplicas)) {
            return new Proposal(currentReplicas, u.percent, u.rawAverage, result.timestamp());
        }
        return new Proposal(replicas, u.percent, u.rawAverage, result.timestamp());
    }

    /** {@code GetRawResourceReplicas}: a target average value per pod, in milli-units. */
    Proposal rawResourceReplicas(int currentReplicas, long targetMilli, String resource, String namespace,
                                 LabelSelector selector) throws CalculationException {
        Sampled sampled = sample(resource, namespace, selector);
        ResourceMetricsClient.Result result = sampled.result();
        List<ObjectNode> podList = sampled.pods();
        Map<String, PodMetric> podMetrics = sampled.metrics();
        Groups groups = sampled.groups();
        if (podMetrics.isEmpty()) {
            throw new CalculationException("did not receive metrics for targeted pods (pods might be unready)");
        }
        long usage = average(podMetrics);
        double ratio = usage / (double) targetMilli;
        boolean rebalanceIgnored = !groups.ignored.isEmpty() && ratio > 1.0;
        if (!rebalanceIgnored && groups.missing.isEmpty()) {
            if (Math.abs(1.0 - ratio) <= TOLERANCE) {
                return new Proposal(currentReplicas, -1, usage, result.timestamp());
            }
            return new Proposal((int) Math.ceil(ratio * groups.ready), -1, usage, result.timestamp());
        }
        for (String pod : groups.missing) {
            podMetrics.put(pod, new PodMetric(result.timestamp(), Duration.ZERO, ratio < 1.0 ? targetMilli : 0));
        }
        if (rebalanceIgnored) {
            for (String pod : groups.ignored) {
                podMetrics.put(pod, new PodMetric(result.timestamp(), Duration.ZERO, 0));
            }
        }
        double newRatio = average(podMetrics) / (double) targetMilli;
        if (Math.abs(1.0 - newRatio) <= TOLERANCE || (ratio < 1.0 && newRatio > 1.0) || (ratio > 1.0 && newRatio < 1.0)) {
            return new Proposal(currentReplicas, -1, usage, result.timestamp());
        }
        return new Proposal((int) Math.ceil(newRatio * podMetrics.size()), -1, usage, result.timestamp());
    }

    private List<ObjectNode> pods(String namespace, LabelSelector selector) throws CalculationException {
        List<ObjectNode> out = pods.get().stream().filter(p -> ObjectMeta.namespace(p).equals(namespace)
                && selector.matches(labels(p))).toList();
        if (out.isEmpty()) {
            throw new CalculationException("no pods returned by selector while calculating replica count");
        }
        return out;
    }

    private record Groups(int ready, Set<String> ignored, Set<String> missing) {
    }

    private Groups groupPods(List<ObjectNode> podList, Map<String, PodMetric> podMetrics, String resource) {
        int ready = 0;
        Set<String> ignored = new HashSet<>();
        Set<String> missing = new HashSet<>();
        Instant now = clock.get();
        for (ObjectNode pod : podList) {
            String name = ObjectMeta.name(pod);
            String phase = pod.path("status").path("phase").asText("");
            if (ObjectMeta.deleting(pod) || phase.equals("Failed")) {
                continue;
            }
            if (phase.equals("Pending")) {
                ignored.add(name);
                continue;
            }
            PodMetric metric = podMetrics.get(name);
            if (metric == null) {
                missing.add(name);
                continue;
            }
            if (resource.equals("cpu") && unreadyCpu(pod, metric, now)) {
                ignored.add(name);
                continue;
            }
            ready++;
        }
        return new Groups(ready, ignored, missing);
    }

    /** A CPU sample that says nothing yet: the pod is not ready, or it started so recently its CPU is warming up. */
    private static boolean unreadyCpu(ObjectNode pod, PodMetric metric, Instant now) {
        JsonNode condition = null;
        for (JsonNode c : pod.path("status").path("conditions")) {
            if (c.path("type").asText().equals("Ready")) {
                condition = c;
            }
        }
        String start = pod.path("status").path("startTime").asText("");
        if (condition == null || start.isEmpty()) {
            return true;
        }
        Instant started = Instant.parse(start);
        boolean ready = !condition.path("status").asText().equals("False");
        Instant transition = condition.path("lastTransitionTime").isTextual()
                ? Instant.parse(condition.path("lastTransitionTime").asText()) : Instant.EPOCH;
        if (started.plus(CPU_INITIALIZATION_PERIOD).isAfter(now)) {
            return !ready || metric.timestamp().isBefore(transition.plus(metric.window()));
        }
        return !ready && started.plus(INITIAL_READINESS_DELAY).isAfter(transition);
    }

    /** Each pod's request: the sum over its containers (and restartable init containers); all must have one. */
    private static Map<String, Long> requests(List<ObjectNode> podList, String resource) throws CalculationException {
        Map<String, Long> out = new HashMap<>();
        for (ObjectNode pod : podList) {
            long sum = 0;
            List<JsonNode> containers = new java.util.ArrayList<>();
            pod.path("spec").path("containers").forEach(containers::add);
            for (JsonNode c : pod.path("spec").path("initContainers")) {
                if (c.path("restartPolicy").asText("").equals("Always")) {
                    containers.add(c);
                }
            }
            for (JsonNode c : containers) {
                String request = c.path("resources").path("requests").path(resource).asText("");
                long milli = request.isEmpty() ? 0 : Quantity.parse(request).milliValue();
                if (milli == 0) {
                    throw new CalculationException("missing request for " + resource + " in container "
                            + c.path("name").asText() + " of Pod " + ObjectMeta.name(pod));
                }
                sum += milli;
            }
            out.put(ObjectMeta.name(pod), sum);
        }
        return out;
    }

    private record Utilization(double ratio, int percent, long rawAverage) {
    }

    /** {@code GetResourceUtilizationRatio}: the percentage is truncated, as Go's integer division does. */
    private static Utilization utilizationRatio(Map<String, PodMetric> podMetrics, Map<String, Long> requests, int target)
            throws CalculationException {
        long metricsTotal = 0;
        long requestsTotal = 0;
        int entries = 0;
        for (Map.Entry<String, PodMetric> e : podMetrics.entrySet()) {
            Long request = requests.get(e.getKey());
            if (request == null) {
                continue;
            }
            metricsTotal += e.getValue().value();
            requestsTotal += request;
            entries++;
        }
        if (requestsTotal == 0) {
            throw new CalculationException("no metrics returned matched known pods");
        }
        int percent = (int) (metricsTotal * 100 / requestsTotal);
        return new Utilization(percent / (double) target, percent, metricsTotal / entries);
    }

    private static long average(Map<String, PodMetric> podMetrics) {
        long total = 0;
        for (PodMetric m : podMetrics.values()) {
            total += m.value();
        }
        return total / podMetrics.size();
    }

    private static Map<String, String> labels(ObjectNode object) {
        Map<String, String> out = new HashMap<>();
        object.path("metadata").path("labels").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
