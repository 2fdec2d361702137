/** kubectl set and its subcommands: image, env, resources, selector and serviceaccount of existing objects. */
package io.kubelab.kubectl.set;
