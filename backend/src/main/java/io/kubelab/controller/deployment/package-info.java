/**
 * Layer 3. kube-controller-manager's deployment controller, after Kubernetes 1.32
 * {@code pkg/controller/deployment}: {@code sync.go} (new ReplicaSet, scaling, cleanup, status),
 * {@code rolling.go}, {@code recreate.go}, {@code progress.go} and {@code util/deployment_util.go}.
 */
package io.kubelab.controller.deployment;
