/**
 * Ports of the Go runtime pieces kubectl's output depends on, one implementation shared by every kubectl
 * package: {@link io.kubelab.kubectl.go.TabWriter} ({@code text/tabwriter} with liggitt's RememberWidths fork)
 * and {@link io.kubelab.kubectl.go.GoSort} ({@code sort.Sort}/{@code sort.Stable}, pdqsort).
 */
package io.kubelab.kubectl.go;
