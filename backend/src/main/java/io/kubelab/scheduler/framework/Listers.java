package io.kubelab.scheduler.framework;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/**
 * What plugins look up besides nodes and pods, read from the scheduler's informers: claims, volumes,
 * storage classes, and the workloads whose selectors give a pod its default spreading.
 */
public interface Listers {

    Optional<ObjectNode> claim(String namespace, String name);

    Optional<ObjectNode> volume(String name);

    Optional<ObjectNode> storageClass(String name);

    List<ObjectNode> volumes();

    /** A namespace's labels, for affinity terms with a {@code namespaceSelector}. */
    java.util.Map<String, String> namespaceLabels(String namespace);

    List<String> namespaces();

    /** The namespace's Services. */
    List<ObjectNode> services(String namespace);

    /** A ReplicationController, ReplicaSet or StatefulSet by kind and name. */
    Optional<ObjectNode> controller(String namespace, String kind, String name);
}
