/**
 * Layer 3 support for the components. Kubernetes {@code Event} objects written the way client-go 1.32 writes
 * them: {@link io.kubelab.record.EventRecorder} is {@code tools/record} (core/v1, with its EventCorrelator),
 * {@link io.kubelab.record.EventsRecorder} is {@code tools/events} (events.k8s.io/v1, with its series),
 * {@link io.kubelab.record.Recorders} says which component uses which, and
 * {@link io.kubelab.apiserver.EventConversion} maps one API's shape onto the other's.
 */
package io.kubelab.record;
