/** kubectl annotate: annotations changed with merge patches. */
package io.kubelab.kubectl.annotate;
