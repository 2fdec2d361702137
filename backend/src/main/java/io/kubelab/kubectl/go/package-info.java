/**
 * Ports of the Go runtime pieces kubectl's output depends on, one implementation shared by every kubectl
 * package: {@link io.kubelab.kubectl.go.TabWriter} ({@code text/tabwriter} with liggitt's RememberWidths fork)
 * ({@link io.kubelab.kubectl.go.TabWriter#kubectl} for printers and commands' tables,
 * {@link io.kubelab.kubectl.go.TabWriter#describe} for describe), {@link io.kubelab.kubectl.go.GoSort}
 * ({@code sort.Sort}, pdqsort) and {@link io.kubelab.kubectl.go.GoText} ({@code strconv.Quote}, {@code %#U},
 * {@code len}). Go's number and JSON texts, which the controllers need too, are {@code model.GoFloats} and
 * {@code model.GoJson}.
 */
package io.kubelab.kubectl.go;
