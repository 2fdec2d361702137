/** kubectl delete: removing objects and waiting until they are gone. */
package io.kubelab.kubectl.delete;
