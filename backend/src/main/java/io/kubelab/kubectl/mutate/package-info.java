/**
 * What the kubectl verbs that change or remove objects share: finding the objects their arguments,
 * selectors and files name (cli-runtime's resource builder), {@code --dry-run}, and the collected
 * per-object errors they print at the end.
 */
package io.kubelab.kubectl.mutate;
