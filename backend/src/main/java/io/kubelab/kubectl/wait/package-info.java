/** kubectl wait: conditions awaited in simulated time. */
package io.kubelab.kubectl.wait;
