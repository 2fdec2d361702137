package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

/** Namespaces: Active on create, always carrying the {@code kubernetes} finalizer and their name label. */
final class NamespaceStrategy implements Strategy {

    static final String FINALIZER = "kubernetes";
    static final String NAME_LABEL = "kubernetes.io/metadata.name";

    @Override
    public void prepareForCreate(ObjectNode namespace, Context context) {
        namespace.putObject("status").put("phase", "Active");
        ObjectNode spec = namespace.with("spec");
        JsonNode finalizers = spec.path("finalizers");
        boolean has = false;
        for (JsonNode f : finalizers) {
            has |= f.asText().equals(FINALIZER);
        }
        if (!has) {
            (finalizers.isArray() ? (ArrayNode) finalizers : spec.putArray("finalizers")).add(FINALIZER);
        }
        label(namespace);
    }

    @Override
    public void prepareForUpdate(ObjectNode namespace, ObjectNode old, Context context) {
        namespace.set("spec", old.path("spec").deepCopy());
        label(namespace);
    }

    private static void label(ObjectNode namespace) {
        ObjectNode metadata = namespace.with("metadata");
        metadata.with("labels").put(NAME_LABEL, metadata.path("name").asText());
    }

    @Override
    public boolean holdsDelete(ObjectNode namespace) {
        return !namespace.path("spec").path("finalizers").isEmpty();
    }

    @Override
    public void markDeleting(ObjectNode namespace) {
        namespace.with("status").put("phase", "Terminating");
    }

    @Override
    public Set<String> extraFields() {
        return Set.of("status.phase");
    }
}
