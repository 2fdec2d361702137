/**
 * kube-controller-manager's StatefulSet controller (pkg/controller/statefulset): pods with stable names,
 * hostnames and claims, created in order and removed in reverse, updated from the highest ordinal down.
 */
package io.kubelab.controller.statefulset;
