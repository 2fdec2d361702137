package io.kubelab.kubelet;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Mirror pods: the API's copies of the static pods the kubelet runs from {@code /etc/kubernetes/manifests}
 * (annotation {@code kubernetes.io/config.mirror}). Deleting one does not stop the static pod.
 */
final class MirrorPods {

    static final String MIRROR = "kubernetes.io/config.mirror";

    private MirrorPods() {
    }

    static boolean isMirror(ObjectNode pod) {
        return pod.path("metadata").path("annotations").has(MIRROR);
    }

    /** The mirror pod to post again: same name, labels, annotations, owner and spec; a new object otherwise. */
    static ObjectNode fresh(ObjectNode pod) {
        ObjectNode out = pod.deepCopy();
        out.remove("status");
        ObjectNode meta = out.with("metadata");
        for (String field : List.of("uid", "resourceVersion", "creationTimestamp", "deletionTimestamp",
                "deletionGracePeriodSeconds", "managedFields", "generation", "finalizers")) {
            meta.remove(field);
        }
        return out;
    }
}
