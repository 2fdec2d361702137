/**
 * The Tables the API server serves ({@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io}), as
 * Kubernetes 1.32 builds them: {@link io.kubelab.apiserver.printers.TablePrinters} holds printers.go's
 * handlers ({@code AddHandlers}) for every kind we serve, generated wide as the API server always does
 * (clients hide priority-1 columns themselves), metrics-server's tables for the metrics API, and the default
 * convertor (Name, Created At) for kinds without a printer (Role, ClusterRole, LimitRange). Cells are JSON
 * as Go marshals them: {@code int64} numbers, booleans, strings. Ages are
 * {@link io.kubelab.model.HumanDuration}. The terminal's kubectl and a real kubectl over HTTP read the same
 * Table; {@code io.kubelab.kubectl.print} turns it into text.
 */
package io.kubelab.apiserver.printers;
