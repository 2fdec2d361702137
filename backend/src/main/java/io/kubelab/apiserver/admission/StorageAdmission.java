package io.kubelab.apiserver.admission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.model.ResourceTypes;

/**
 * DefaultStorageClass (a claim without a class gets the default one) and StorageObjectInUseProtection
 * (claims and volumes carry the protection finalizers that keep them while in use).
 */
public final class StorageAdmission implements AdmissionPlugin {

    static final String DEFAULT_CLASS = "storageclass.kubernetes.io/is-default-class";

    @Override
    public String name() {
        return "DefaultStorageClass,StorageObjectInUseProtection";
    }

    @Override
    public void admit(AdmissionRequest r) {
        if (r.operation() != AdmissionRequest.Operation.CREATE || !r.subresource().isEmpty()) {
            return;
        }
        if (r.is("", "persistentvolumeclaims")) {
            ObjectNode spec = r.object().with("spec");
            if (!spec.has("storageClassName")) {
                r.objects().all(ResourceTypes.of("storage.k8s.io/v1", "StorageClass")).stream()
                        .filter(c -> c.path("metadata").path("annotations").path(DEFAULT_CLASS).asText().equals("true"))
                        .findFirst()
                        .ifPresent(c -> spec.put("storageClassName", c.path("metadata").path("name").asText()));
            }
            ObjectMeta.addFinalizer(r.object().with("metadata"), "kubernetes.io/pvc-protection");
        } else if (r.is("", "persistentvolumes")) {
            ObjectMeta.addFinalizer(r.object().with("metadata"), "kubernetes.io/pv-protection");
        }
    }
}
