/**
 * Layer 3. kube-scheduler: filter and score plugins, binding through the API server.
 */
package io.kubelab.scheduler;
