package io.kubelab.controller;

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
import io.kubelab.model.Labels;
import io.kubelab.model.ResourceType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * pkg/controller's {@code ControllerRefManager}: a controller keeps what it owns and still selects,
 * releases what it owns but no longer selects, and adopts orphans it selects, unless it (or the orphan) is
 * being deleted. {@link #claimObject} writes the whole object back (the ReplicaSet and Deployment
 * controllers); {@link #claimObjects} patches ownerReferences as Kubernetes does (DaemonSet, StatefulSet).
 */
public final class ControllerRefManager {

    private enum Claim { IGNORE, KEEP, RELEASE, ADOPT }

    private ControllerRefManager() {
    }

    /** {@code ClaimObject}'s rule for one object whose match against the owner's selector is {@code matches}. */
    private static Claim decide(JsonNode owner, boolean matches, JsonNode object) {
        Optional<JsonNode> ref = OwnerRefs.controllerOf(object);
        boolean ownerDeleting = ObjectMeta.deleting(owner);
        if (ref.isPresent()) {
            if (!ref.get().path("uid").asText().equals(ObjectMeta.uid(owner))) {
                return Claim.IGNORE;
            }
            return matches ? Claim.KEEP : ownerDeleting ? Claim.IGNORE : Claim.RELEASE;
        }
        if (ownerDeleting || !matches || ObjectMeta.deleting(object)
                || !ObjectMeta.namespace(owner).equals(ObjectMeta.namespace(object))) {
            return Claim.IGNORE;
        }
        return Claim.ADOPT;
    }

    /**
     * Whether {@code owner} may count {@code object} as its own, adopting or releasing it on the way by an
     * update of the whole object; the controller reference is built from the owner's apiVersion and kind.
     */
    public static boolean claimObject(ApiServer api, ResourceType type, JsonNode owner, LabelSelector selector,
                                      JsonNode object) {
        return switch (decide(owner, selector.matches(Labels.of(object)), object)) {
            case KEEP -> true;
            case IGNORE -> false;
            case RELEASE -> rewrite(api, type, object, false, owner);
            case ADOPT -> rewrite(api, type, object, true, owner);
        };
    }

    /** Adds or removes {@code owner}'s controller reference; a vanished object is nobody's to count. */
    private static boolean rewrite(ApiServer api, ResourceType type, JsonNode object, boolean adopt, JsonNode owner) {
        ObjectNode copy = (ObjectNode) object.deepCopy();
        ObjectNode metadata = ObjectMeta.of(copy);
        ArrayNode refs = metadata.has("ownerReferences") ? (ArrayNode) metadata.get("ownerReferences")
                : metadata.putArray("ownerReferences");
        for (int i = refs.size() - 1; i >= 0; i--) {
            if (refs.get(i).path("uid").asText().equals(ObjectMeta.uid(owner))) {
                refs.remove(i);
            }
        }
        if (adopt) {
            refs.add(OwnerRefs.controllerRef(owner));
        }
        if (refs.isEmpty()) {
            metadata.remove("ownerReferences");
        }
        try {
            api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.UPDATE, type,
                    ObjectMeta.namespace(object), ObjectMeta.name(object)).withBody(copy));
            return adopt;
        } catch (StatusException e) {
            if (e.status().code() == 404) {
                return false;
            }
            throw e;
        }
    }

    /**
     * {@code ClaimObjects}: of {@code candidates} in the owner's namespace, those it controls after adopting
     * orphans that match (and pass {@code filter}) and releasing owned ones that no longer match, by
     * strategic merge patches of ownerReferences.
     */
    public static List<ObjectNode> claimObjects(ApiServer api, UserInfo user, ResourceType type, ObjectNode owner,
                                                String apiVersion, String kind, LabelSelector selector,
                                                List<ObjectNode> candidates, Predicate<ObjectNode> filter) {
        List<ObjectNode> claimed = new ArrayList<>();
        for (ObjectNode object : candidates) {
            if (!ObjectMeta.namespace(object).equals(ObjectMeta.namespace(owner))) {
                continue;
            }
            boolean matches = selector.matches(Labels.of(object)) && filter.test(object);
            switch (decide(owner, matches, object)) {
                case KEEP -> claimed.add(object);
                case RELEASE -> release(api, user, type, object, owner);
                case ADOPT -> adopt(api, user, type, object, owner, apiVersion, kind).ifPresent(claimed::add);
                case IGNORE -> {
                }
            }
        }
        return claimed;
    }

    private static Optional<ObjectNode> adopt(ApiServer api, UserInfo user, ResourceType type, ObjectNode object,
                                              ObjectNode owner, String apiVersion, String kind) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        ObjectNode metadata = patch.putObject("metadata");
        metadata.putArray("ownerReferences").add(OwnerRefs.controllerRef(owner, apiVersion, kind));
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
        metadata.putArray("ownerReferences").addObject().put("$patch", "delete").put("uid", ObjectMeta.uid(owner));
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
