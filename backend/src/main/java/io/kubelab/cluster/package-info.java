/**
 * Layer 4. The wiring of one sandbox: which components run, on which clock.
 */
package io.kubelab.cluster;
