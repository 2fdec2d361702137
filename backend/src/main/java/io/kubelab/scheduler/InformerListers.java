package io.kubelab.scheduler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.controller.Informer;
import io.kubelab.model.Labels;
import io.kubelab.scheduler.framework.Listers;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plugins' listers, read from the scheduler's own informers. ReplicationControllers are not served by
 * the sandbox's API server, so none is ever found.
 */
final class InformerListers implements Listers {

    private final Informer claims;
    private final Informer volumes;
    private final Informer classes;
    private final Informer services;
    private final Informer replicaSets;
    private final Informer statefulSets;
    private final Informer namespaces;

    InformerListers(Informer claims, Informer volumes, Informer classes, Informer services, Informer replicaSets,
                    Informer statefulSets, Informer namespaces) {
        this.claims = claims;
        this.volumes = volumes;
        this.classes = classes;
        this.services = services;
        this.replicaSets = replicaSets;
        this.statefulSets = statefulSets;
        this.namespaces = namespaces;
    }

    /** Every informer behind these listers. */
    List<Informer> informers() {
        return List.of(claims, volumes, classes, services, replicaSets, statefulSets, namespaces);
    }

    @Override
    public Optional<ObjectNode> claim(String namespace, String name) {
        return claims.get(namespace + "/" + name);
    }

    @Override
    public Optional<ObjectNode> volume(String name) {
        return volumes.get(name);
    }

    @Override
    public Optional<ObjectNode> storageClass(String name) {
        return classes.get(name);
    }

    @Override
    public List<ObjectNode> volumes() {
        return volumes.list();
    }

    @Override
    public Map<String, String> namespaceLabels(String namespace) {
        return namespaces.get(namespace).map(Labels::of).orElse(Map.of());
    }

    @Override
    public List<String> namespaces() {
        return namespaces.list().stream().map(ObjectMeta::name).toList();
    }

    @Override
    public List<ObjectNode> services(String namespace) {
        return services.list().stream().filter(s -> ObjectMeta.namespace(s).equals(namespace)).toList();
    }

    @Override
    public Optional<ObjectNode> controller(String namespace, String kind, String name) {
        Informer informer = switch (kind) {
            case "ReplicaSet" -> replicaSets;
            case "StatefulSet" -> statefulSets;
            default -> null;
        };
        return informer == null ? Optional.empty() : informer.get(namespace + "/" + name);
    }
}
