/**
 * {@code kubectl explain}: kubectl 1.32's OpenAPI v3 {@code plaintext} template over the API server's
 * documents, with its word wrapping, resource resolution and errors.
 */
package io.kubelab.kubectl.explain;
