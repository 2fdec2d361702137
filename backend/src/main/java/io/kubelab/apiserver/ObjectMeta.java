package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Reading and writing the metadata fields the registry manages. */
public final class ObjectMeta {

    private ObjectMeta() {
    }

    public static ObjectNode of(ObjectNode object) {
        JsonNode metadata = object.get("metadata");
        return metadata instanceof ObjectNode m ? m : object.putObject("metadata");
    }

    public static String name(JsonNode object) {
        return object.path("metadata").path("name").asText("");
    }

    public static String namespace(JsonNode object) {
        return object.path("metadata").path("namespace").asText("");
    }

    public static String uid(JsonNode object) {
        return object.path("metadata").path("uid").asText("");
    }

    public static String resourceVersion(JsonNode object) {
        return object.path("metadata").path("resourceVersion").asText("");
    }

    public static boolean deleting(JsonNode object) {
        return object.path("metadata").hasNonNull("deletionTimestamp");
    }

    /** Kubernetes' {@code metav1.Time}: RFC 3339 in UTC, whole seconds. */
    public static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** {@code metav1.MicroTime}, as events' {@code eventTime} and leases use it. */
    public static String microTime(Instant instant) {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        String text = micros.truncatedTo(ChronoUnit.SECONDS).toString();
        return text.substring(0, text.length() - 1) + String.format(".%06dZ", micros.getNano() / 1000);
    }

    /** Adds {@code finalizer} to an object's metadata unless it is already there. */
    public static void addFinalizer(ObjectNode metadata, String finalizer) {
        JsonNode existing = metadata.path("finalizers");
        for (JsonNode f : existing) {
            if (f.asText().equals(finalizer)) {
                return;
            }
        }
        (existing.isArray() ? (com.fasterxml.jackson.databind.node.ArrayNode) existing
                : metadata.putArray("finalizers")).add(finalizer);
    }

    /** {@code Pod/default/web}; cluster-scoped objects have an empty namespace part. */
    public static String reference(String kind, String namespace, String name) {
        return kind + "/" + namespace + "/" + name;
    }
}
