package io.kubelab.apiserver;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The backend of the aggregated {@code metrics.k8s.io} API (metrics-server), as the API server reaches it:
 * the cluster's wiring provides one, so the API server never calls a component itself. Samples are
 * metrics-server's: CPU as a rate over the {@code window} between two scrapes, memory as the working set.
 */
public interface MetricsSource {

    /**
     * Whether the APIService's backend answers: metrics-server's pod is Running and Ready. When it is not,
     * requests fail as an unavailable aggregated API does (503).
     */
    boolean available();

    /** The latest sample of node {@code node}, if metrics-server has two scrapes of it. */
    Optional<Sample> node(String node);

    /** The latest sample of pod {@code namespace/name}, if metrics-server has two scrapes of each container. */
    Optional<PodSample> pod(String namespace, String name);

    /** What a node or one container used: CPU in nanocores, memory working set in bytes. */
    record Sample(Instant timestamp, Duration window, long cpuNanoCores, long memoryBytes) {
    }

    /** A pod's containers (by name, in the pod's order) sampled together. */
    record PodSample(Instant timestamp, Duration window, Map<String, Usage> containers) {
    }

    record Usage(long cpuNanoCores, long memoryBytes) {
    }

    /** No metrics-server installed: every request is answered as an unavailable API. */
    MetricsSource NONE = new MetricsSource() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public Optional<Sample> node(String node) {
            return Optional.empty();
        }

        @Override
        public Optional<PodSample> pod(String namespace, String name) {
            return Optional.empty();
        }
    };

}
