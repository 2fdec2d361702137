/**
 * pkg/controller/history: ControllerRevisions, the template snapshots the DaemonSet and StatefulSet
 * controllers keep so they can tell old pods from new and roll back; plus the pod and owner-reference
 * helpers both controllers share (pkg/controller's ControllerRefManager, pkg/api/v1/pod's readiness).
 */
package io.kubelab.controller.history;
