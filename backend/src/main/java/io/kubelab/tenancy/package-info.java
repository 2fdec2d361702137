/**
 * Layer 6. Sandboxes as tenants: their identities, bearer tokens, records of state in Hazelcast, and the
 * member that hosts each one's running state.
 */
package io.kubelab.tenancy;
