/**
 * kubectl's JSONPath (client-go {@code util/jsonpath} as kubectl 1.32 runs it): {@link
 * io.kubelab.kubectl.print.jsonpath.JsonPath} parses and executes {@code -o jsonpath=} templates and gives
 * custom-columns and {@code --sort-by} their raw results; {@link io.kubelab.kubectl.print.jsonpath.JsonPathErrors}
 * words failures as kubectl does; {@link io.kubelab.kubectl.print.jsonpath.RelaxedJsonPath} is the
 * {@code .a.b} shorthand sort-by and custom-columns accept.
 */
package io.kubelab.kubectl.print.jsonpath;
