package io.kubelab.apiserver.admission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.GroupResource;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.model.ResourceTypes;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Nothing is created in a namespace that does not exist or is being deleted, and the system namespaces
 * cannot be deleted.
 */
public final class NamespaceLifecycle implements AdmissionPlugin {

    static final Set<String> IMMORTAL = Set.of("default", "kube-system", "kube-public");

    @Override
    public String name() {
        return "NamespaceLifecycle";
    }

    /** Runs first among the mutating plugins, so a missing namespace is what the user hears about. */
    @Override
    public void admit(AdmissionRequest r) {
        if (r.operation() == AdmissionRequest.Operation.DELETE && r.is("", "namespaces") && IMMORTAL.contains(r.name())) {
            throw new StatusException(Status.forbidden(GroupResource.core("namespaces"), r.name(),
                    "this namespace may not be deleted"));
        }
        if (r.operation() != AdmissionRequest.Operation.CREATE || !r.type().namespaced()) {
            return;
        }
        Optional<ObjectNode> namespace = r.objects().get(ResourceTypes.of("v1", "Namespace"), "", r.namespace());
        if (namespace.isEmpty()) {
            throw new StatusException(Status.notFound(GroupResource.core("namespaces"), r.namespace()));
        }
        boolean terminating = ObjectMeta.deleting(namespace.get())
                || namespace.get().path("status").path("phase").asText().equals("Terminating");
        if (terminating) {
            Status forbidden = Status.forbidden(new GroupResource(r.type().group(), r.type().resource()),
                    r.name().isEmpty() ? "Unknown" : r.name(), "unable to create new content in namespace "
                            + r.namespace() + " because it is being terminated");
            Status.Details details = forbidden.details().orElseThrow();
            throw new StatusException(new Status(forbidden.code(), forbidden.reason(), forbidden.message(),
                    Optional.of(new Status.Details(details.name(), details.group(), details.kind(),
                            List.of(new Status.Cause("NamespaceTerminating", "namespace " + r.namespace()
                                    + " is being terminated", "metadata.namespace")), 0))));
        }
    }
}
