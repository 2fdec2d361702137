/**
 * The streaming subresources of the Kubernetes API for a real kubectl: {@code pods/exec} and {@code attach}
 * over WebSocket channels ({@code v5.channel.k8s.io} and older), and the {@code proxy} of pods, services and
 * nodes answered by the simulated network. Pure protocol and request logic; the server package carries it.
 */
package io.kubelab.k8sapi.stream;
