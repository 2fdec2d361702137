/**
 * Layer 3. The simulated container runtime and images of one node, used only by that node's kubelet.
 */
package io.kubelab.runtime;
