/**
 * Layer 5. {@code kubectl describe}: one describer per kind as kubectl 1.32's {@code describe.go} registers
 * them, and its generic describer for every other kind, printing byte for byte what kubectl prints.
 * {@link io.kubelab.kubectl.describe.Describers#describe} is the entry point; related objects (events,
 * pods, ReplicaSets, EndpointSlices, quotas, leases) are read through the API server as the student.
 * The layout machinery is kubectl's own: a {@code PrefixWriter} over Go's tabwriter (padding 2).
 * The golden files under {@code golden/kubectl/describe} were printed by the real kubectl 1.32.
 */
package io.kubelab.kubectl.describe;
