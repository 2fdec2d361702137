package io.kubelab.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;

import java.util.Optional;

/**
 * Owner references as apimachinery's {@code metav1} helpers read and write them: {@code NewControllerRef},
 * {@code GetControllerOf}, {@code IsControlledBy}. Claiming (adopt and release) is {@link ControllerRefManager}.
 */
public final class OwnerRefs {

    private OwnerRefs() {
    }

    /** {@code metav1.NewControllerRef} for an owner that carries its own apiVersion and kind. */
    public static ObjectNode controllerRef(JsonNode owner) {
        return controllerRef(owner, owner.path("apiVersion").asText(), owner.path("kind").asText());
    }

    /** {@code metav1.NewControllerRef}: controller and blockOwnerDeletion both true, fields in Go's order. */
    public static ObjectNode controllerRef(JsonNode owner, String apiVersion, String kind) {
        ObjectNode ref = JsonNodeFactory.instance.objectNode();
        ref.put("apiVersion", apiVersion).put("kind", kind).put("name", ObjectMeta.name(owner))
                .put("uid", ObjectMeta.uid(owner)).put("controller", true).put("blockOwnerDeletion", true);
        return ref;
    }

    /** {@code metav1.GetControllerOf}: the reference marked {@code controller: true}, if any. */
    public static Optional<JsonNode> controllerOf(JsonNode object) {
        for (JsonNode ref : object.path("metadata").path("ownerReferences")) {
            if (ref.path("controller").asBoolean(false)) {
                return Optional.of(ref);
            }
        }
        return Optional.empty();
    }

    /** The key ({@code namespace/name}) of the object's controller when it is of {@code kind}. */
    public static Optional<String> controllerKey(JsonNode object, String kind) {
        return controllerOf(object).filter(ref -> ref.path("kind").asText().equals(kind))
                .map(ref -> ObjectMeta.namespace(object) + "/" + ref.path("name").asText());
    }

    /** {@code metav1.IsControlledBy}: the controller reference names {@code owner}'s uid. */
    public static boolean ownedBy(JsonNode object, JsonNode owner) {
        return controllerOf(object).map(ref -> ref.path("uid").asText().equals(ObjectMeta.uid(owner))).orElse(false);
    }
}
