/**
 * Layer 5. The HTTP face of a sandbox's API server, for a real kubectl (DESIGN 3.3).
 */
package io.kubelab.k8sapi;
