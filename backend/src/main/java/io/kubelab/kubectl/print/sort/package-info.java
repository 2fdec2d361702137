/**
 * kubectl's {@code --sort-by} over a list of objects ({@link io.kubelab.kubectl.print.sort.SortBy}), with Go's
 * unstable sort reproduced so ties and missing fields come out in kubectl's order.
 */
package io.kubelab.kubectl.print.sort;
