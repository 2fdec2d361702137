/**
 * Layer 2. The sandbox's etcd: revisions, resourceVersions, optimistic concurrency, list and watch.
 */
package io.kubelab.store;
