/**
 * Layer 3. kube-proxy of one simulated node: Service virtual IPs to endpoints.
 */
package io.kubelab.proxy;
