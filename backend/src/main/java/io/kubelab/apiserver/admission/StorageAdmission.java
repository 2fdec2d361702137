package io.kubelab.apiserver.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
            addFinalizer(r.object(), "kubernetes.io/pvc-protection");
        } else if (r.is("", "persistentvolumes")) {
            addFinalizer(r.object(), "kubernetes.io/pv-protection");
        }
    }

    private static void addFinalizer(ObjectNode object, String finalizer) {
        ObjectNode metadata = object.with("metadata");
        JsonNode existing = metadata.path("finalizers");
        for (JsonNode f : existing) {
            if (f.asText().equals(finalizer)) {
                return;
            }
        }
        (existing.isArray() ? (ArrayNode) existing : metadata.putArray("finalizers")).add(finalizer);
    }
}
