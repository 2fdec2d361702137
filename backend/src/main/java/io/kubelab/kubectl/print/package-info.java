/**
 * What kubectl does with a server-side Table: cli-runtime's {@code HumanReadablePrinter}
 * ({@code decorateTable}: NAMESPACE, {@code -L} and LABELS columns, the {@code kind/name} prefix;
 * {@code printTable}: upper-cased headers, {@code -o wide}, {@code --no-headers}, cells cut at line breaks)
 * through Go's tabwriter with kubectl's settings and liggitt's RememberWidths
 * ({@link io.kubelab.kubectl.go.TabWriter}). {@link io.kubelab.kubectl.print.TableText} prints one or
 * several kinds as {@code kubectl get} does; {@link io.kubelab.kubectl.print.TableStream} is {@code get -w}.
 */
package io.kubelab.kubectl.print;
