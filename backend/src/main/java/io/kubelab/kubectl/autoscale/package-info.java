/** kubectl autoscale: HorizontalPodAutoscalers as kubectl builds them. */
package io.kubelab.kubectl.autoscale;
