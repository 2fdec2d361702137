/**
 * Layer 3, below the kubelet. Simulated container images: what a registry serves (names, tags, digests,
 * sizes) and what a container of each image does once started (its output, exit, HTTP service, exec).
 * The kubelet sees images only through {@link io.kubelab.runtime.image.ImageCatalogue}.
 */
package io.kubelab.runtime.image;
