package io.kubelab.controller.job;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The delay before a job replaces a failed pod ({@code backoff_utils.go}): 10 s after the first failure since
 * the last success, doubling with each further failure, at most 10 minutes ({@code DefaultJobPodFailureBackOff},
 * {@code MaxJobPodFailureBackOff} in 1.32), counted from when the last failed pod finished.
 *
 * <p>Kubernetes keeps the count in memory and adds the pods it sees finish. We count it again from the job's
 * pods each time, which gives the same number while the pods exist and survives a restart.
 */
record PodBackoff(int failuresAfterLastSuccess, Instant lastFailureTime) {

    static final Duration DEFAULT = Duration.ofSeconds(10);
    static final Duration MAX = Duration.ofMinutes(10);

    static PodBackoff of(List<JsonNode> pods, JsonNode job) {
        Instant lastSuccess = null;
        for (JsonNode pod : pods) {
            if (JobPods.succeeded(pod)) {
                Instant t = JobPods.finishedAt(pod);
                lastSuccess = lastSuccess == null || t.isAfter(lastSuccess) ? t : lastSuccess;
            }
        }
        int failures = 0;
        Instant lastFailure = null;
        for (JsonNode pod : pods) {
            if (!JobPods.failed(pod, job)) {
                continue;
            }
            Instant t = JobPods.finishedAt(pod);
            if (lastSuccess == null || t.isAfter(lastSuccess)) {
                failures++;
                lastFailure = lastFailure == null || t.isAfter(lastFailure) ? t : lastFailure;
            }
        }
        return new PodBackoff(failures, lastFailure);
    }

    /** {@code getRemainingTimeForFailuresCount}: how long to wait from {@code now}, zero when no wait is due. */
    Duration remaining(Instant now) {
        if (failuresAfterLastSuccess == 0) {
            return Duration.ZERO;
        }
        Duration backoff = DEFAULT;
        for (int i = 1; i < failuresAfterLastSuccess; i++) {
            backoff = backoff.multipliedBy(2);
            if (backoff.compareTo(MAX) >= 0) {
                backoff = MAX;
                break;
            }
        }
        Duration elapsed = Duration.between(lastFailureTime, now);
        return backoff.compareTo(elapsed) < 0 ? Duration.ZERO : backoff.minus(elapsed);
    }
}
