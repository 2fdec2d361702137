/**
 * Layer 5. kubectl, one sub-package per verb, printing exactly what kubectl 1.32 prints.
 */
package io.kubelab.kubectl;
