/**
 * Layer 3. CoreDNS: names of Services and Pods inside the simulated cluster.
 */
package io.kubelab.dns;
