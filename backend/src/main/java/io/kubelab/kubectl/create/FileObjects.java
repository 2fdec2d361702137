package io.kubelab.kubectl.create;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.resource.Manifests;
import io.kubelab.model.LabelSelector;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects of {@code -f} as kubectl's resource builder hands them to create, apply and replace: every
 * kind mapped to a served type (an unknown kind is an error of its own), filtered by {@code -l}, the
 * namespace defaulted (and dropped from cluster-scoped objects).
 */
public final class FileObjects {

    /** One object to write, where it came from, its type and the namespace it goes to ("" if cluster-scoped). */
    public record Item(String source, ObjectNode object, ResourceType type, String namespace) {
        public String name() {
            return object.path("metadata").path("name").asText();
        }
    }

    public static final String FILENAME = "filename";
    public static final String RECURSIVE = "recursive";

    private FileObjects() {
    }

    /**
     * Reads {@code -f}/{@code -R} and maps every object; {@code selector} is {@code -l} (empty for none). An
     * object of a kind the server does not serve goes to {@code errors}, and the others still go ahead.
     */
    public static List<Item> read(KubectlContext ctx, ParsedFlags flags, String selector, BatchErrors errors)
            throws KubectlException {
        List<Manifests.Manifest> manifests = Manifests.read(ctx.workstation(), flags.strings(FILENAME),
                flags.bool(RECURSIVE), ctx.stdin());
        LabelSelector labels;
        try {
            labels = selector.isEmpty() ? LabelSelector.everything() : LabelSelector.parse(selector);
        } catch (IllegalArgumentException e) {
            throw KubectlException.error(e.getMessage());
        }
        List<Item> items = new ArrayList<>();
        for (Manifests.Manifest m : manifests) {
            ObjectNode object = m.object();
            String apiVersion = object.path("apiVersion").asText();
            String kind = object.path("kind").asText();
            ResourceType type = ResourceTypes.byKind(apiVersion, kind).orElse(null);
            if (type == null) {
                errors.add("resource mapping not found for name: \"" + object.path("metadata")
                        .path("name").asText() + "\" namespace: \"" + object.path("metadata").path("namespace").asText()
                        + "\" from \"" + m.source() + "\": no matches for kind \"" + kind + "\" in version \""
                        + apiVersion + "\"\nensure CRDs are installed first");
                continue;
            }
            if (!labels.matches(labelsOf(object))) {
                continue;
            }
            ObjectNode metadata = object.with("metadata");
            String namespace = "";
            if (type.namespaced()) {
                namespace = metadata.path("namespace").asText("");
                if (namespace.isEmpty()) {
                    namespace = ctx.namespace();
                    metadata.put("namespace", namespace);
                }
            } else {
                metadata.remove("namespace");
            }
            items.add(new Item(m.source(), object, type, namespace));
        }
        return items;
    }

    /** The mismatch kubectl refuses when {@code -n} names another namespace than the object's, or null. */
    public static String namespaceMismatch(KubectlContext ctx, Item item) {
        if (!ctx.namespaceGiven() || !item.type().namespaced() || item.namespace().equals(ctx.namespace())) {
            return null;
        }
        return "the namespace from the provided object \"" + item.namespace() + "\" does not match the namespace \""
                + ctx.namespace() + "\". You must pass '--namespace=" + item.namespace() + "' to perform this operation.";
    }

    private static Map<String, String> labelsOf(ObjectNode object) {
        Map<String, String> out = new HashMap<>();
        object.path("metadata").path("labels").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
