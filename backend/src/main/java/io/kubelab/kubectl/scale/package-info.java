/** kubectl scale: new sizes through the scale subresource. */
package io.kubelab.kubectl.scale;
