package io.kubelab.runtime.image;

import java.time.Duration;

/**
 * One pulled image.
 *
 * @param reference  the normalised name the runtime reports as the container's {@code image}, e.g.
 *                   {@code docker.io/library/nginx:latest}
 * @param imageId    what {@code containerStatuses[].imageID} shows, e.g.
 *                   {@code docker.io/library/nginx@sha256:<64 hex>} (stable for a given reference)
 * @param sizeBytes  the size the kubelet reports in {@code Successfully pulled image ... Image size: N bytes.}
 * @param pullTime   how long an uncached pull takes (a realistic few seconds, larger images longer)
 * @param program    what a container started from it does
 */
public record Image(String reference, String imageId, long sizeBytes, Duration pullTime, Program program) {
}
