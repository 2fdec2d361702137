/**
 * Layer 3. kube-controller-manager's replicaset controller (Kubernetes 1.32 {@code pkg/controller/replicaset})
 * and the parts of {@code pkg/controller/controller_utils.go} every workload controller shares: owner
 * references, pod readiness and availability, slow-start batches, the ranking of pods for deletion.
 */
package io.kubelab.controller.replicaset;
