/**
 * kube-controller-manager's DaemonSet controller (pkg/controller/daemon): one pod per eligible node, placed
 * by the scheduler through a node-name affinity, rolled out by RollingUpdate or OnDelete.
 */
package io.kubelab.controller.daemon;
