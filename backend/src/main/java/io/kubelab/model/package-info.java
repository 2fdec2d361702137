/**
 * Layer 1. Kubernetes object model: the kinds a sandbox stores, serialised exactly as Kubernetes 1.32 does.
 */
package io.kubelab.model;
