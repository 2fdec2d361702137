/** kubectl label: labels changed with merge patches. */
package io.kubelab.kubectl.label;
