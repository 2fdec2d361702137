package io.kubelab.controller.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.model.LabelSelector;
import io.kubelab.model.ResourceType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * pkg/controller's ControllerRefManager in small: which objects a controller owns, adopting orphans its
 * selector matches and releasing owned objects it no longer matches, by patching ownerReferences.
 */
public final class OwnerRefs {

    private OwnerRefs() {
    }

    /** metav1.NewControllerRef, fields in the order Go writes them. */
    public static ObjectNode controllerRef(JsonNode owner, String apiVersion, String kind) {
        ObjectNode ref = JsonNodeFactory.instance.objectNode();
        ref.put("apiVersion", apiVersion).put("kind", kind).put("name", ObjectMeta.name(owner))
                .put("uid", ObjectMeta.uid(owner)).put("controller", true).put("blockOwnerDeletion", true);
        return ref;
    }

    /** metav1.GetControllerOf. */
    public static Optional<JsonNode> controllerOf(JsonNode object) {
        for (JsonNode ref : object.path("metadata").path("ownerReferences")) {
            if (ref.path("controller").asBoolean(false)) {
                return Optional.of(ref);
            }
        }
        return Optional.empty();
    }

    public static boolean ownedBy(JsonNode object, JsonNode owner) {
        return controllerOf(object).map(r -> r.path("uid").asText().equals(ObjectMeta.uid(owner))).orElse(false);
    }

    public static Map<String, String> labels(JsonNode object) {
        Map<String, String> labels = new LinkedHashMap<>();
        object.path("metadata").path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /**
     * ClaimObjects: of {@code candidates} in the owner's namespace, those it controls after adopting orphans
     * that match (and pass {@code filter}) and releasing owned ones that no longer match.
     */
    public static List<ObjectNode> claim(ApiServer api, UserInfo user, ResourceType type, ObjectNode owner,
                                         String apiVersion, String kind, LabelSelector selector,
                                         List<ObjectNode> candidates, Predicate<ObjectNode> filter) {
        List<ObjectNode> claimed = new ArrayList<>();
        boolean ownerDeleting = ObjectMeta.deleting(owner);
        for (ObjectNode object : candidates) {
            if (!ObjectMeta.namespace(object).equals(ObjectMeta.namespace(owner))) {
                continue;
            }
            Optional<JsonNode> ref = controllerOf(object);
            boolean matches = selector.matches(labels(object)) && filter.test(object);
            if (ref.isPresent()) {
                if (!ref.get().path("uid").asText().equals(ObjectMeta.uid(owner))) {
                    continue;
                }
                if (matches) {
                    claimed.add(object);
                } else if (!ownerDeleting) {
                    release(api, user, type, object, owner);
                }
            } else if (matches && !ownerDeleting && !ObjectMeta.deleting(object)) {
                adopt(api, user, type, object, owner, apiVersion, kind).ifPresent(claimed::add);
            }
        }
        return claimed;
    }

    private static Optional<ObjectNode> adopt(ApiServer api, UserInfo user, ResourceType type, ObjectNode object,
                                              ObjectNode owner, String apiVersion, String kind) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        ObjectNode metadata = patch.putObject("metadata");
        metadata.putArray("ownerReferences").add(controllerRef(owner, apiVersion, kind));
        metadata.put("uid", ObjectMeta.uid(object));
        try {
            return Optional.of(api.handle(ApiRequest.of(user, ApiRequest.Verb.PATCH, type, ObjectMeta.namespace(object),
                    ObjectMeta.name(object)).withPatch(ApiRequest.PatchType.STRATEGIC, patch)).body());
        } catch (StatusException e) {
            if (e.status().code() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static void release(ApiServer api, UserInfo user, ResourceType type, ObjectNode object, ObjectNode owner) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        ObjectNode metadata = patch.putObject("metadata");
        ArrayNode refs = metadata.putArray("ownerReferences");
        refs.addObject().put("$patch", "delete").put("uid", ObjectMeta.uid(owner));
        metadata.put("uid", ObjectMeta.uid(object));
        try {
            api.handle(ApiRequest.of(user, ApiRequest.Verb.PATCH, type, ObjectMeta.namespace(object),
                    ObjectMeta.name(object)).withPatch(ApiRequest.PatchType.STRATEGIC, patch));
        } catch (StatusException e) {
            if (e.status().code() != 404 && e.status().code() != 422) {
                throw e;
            }
        }
    }
}
