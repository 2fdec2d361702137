/**
 * Layer 3. The kubelet of one simulated node; drives its node's container runtime.
 */
package io.kubelab.kubelet;
