package io.kubelab.controller.podautoscaler;

import java.time.Duration;
import java.time.Instant;

/** One pod's sample of a resource, summed over its containers: {@code value} in milli-units. */
record PodMetric(Instant timestamp, Duration window, long value) {
}
