package io.kubelab.k8sapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.util.Comparator;
import java.util.List;

/**
 * Aggregated discovery ({@code apidiscovery.k8s.io} v2 and v2beta1): every group, version and resource of
 * {@code /api} or {@code /apis} in one {@code APIGroupDiscoveryList}. kubectl 1.26+ asks for it first and
 * trusts it only when the answer's Content-Type names the form exactly, so the type goes with the body.
 */
final class AggregatedDiscovery {

    static final String GROUP = "apidiscovery.k8s.io";
    static final String FORM = "APIGroupDiscoveryList";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final ObjectNode CORE_V2 = build(true, "v2", true);
    private static final ObjectNode GROUPS_V2 = build(false, "v2", true);
    private static final ObjectNode GROUPS_V2_WITHOUT_METRICS = build(false, "v2", false);
    private static final ObjectNode CORE_V2BETA1 = build(true, "v2beta1", true);
    private static final ObjectNode GROUPS_V2BETA1 = build(false, "v2beta1", true);
    private static final ObjectNode GROUPS_V2BETA1_WITHOUT_METRICS = build(false, "v2beta1", false);

    private AggregatedDiscovery() {
    }

    static String contentType(String version) {
        return "application/json;g=" + GROUP + ";v=" + version + ";as=" + FORM;
    }

    /** The document for {@code /api} ({@code core}) or {@code /apis} in {@code v2} or {@code v2beta1}; shared, never changed. */
    static ObjectNode document(boolean core, String version, boolean metrics) {
        if (version.equals("v2")) {
            return core ? CORE_V2 : metrics ? GROUPS_V2 : GROUPS_V2_WITHOUT_METRICS;
        }
        return core ? CORE_V2BETA1 : metrics ? GROUPS_V2BETA1 : GROUPS_V2BETA1_WITHOUT_METRICS;
    }

    private static ObjectNode build(boolean core, String version, boolean metrics) {
        ObjectNode doc = NODES.objectNode().put("kind", FORM).put("apiVersion", GROUP + "/" + version);
        doc.putObject("metadata");
        ArrayNode items = doc.putArray("items");
        for (var group : Discovery.GROUPS.entrySet()) {
            if (group.getKey().isEmpty() != core || (!metrics && group.getKey().equals(Discovery.METRICS_GROUP))) {
                continue;
            }
            ObjectNode item = items.addObject();
            ObjectNode meta = item.putObject("metadata");
            if (!group.getKey().isEmpty()) {
                meta.put("name", group.getKey());
            }
            meta.putNull("creationTimestamp");
            ArrayNode versions = item.putArray("versions");
            for (String v : group.getValue()) {
                ObjectNode entry = versions.addObject().put("version", v);
                ArrayNode resources = entry.putArray("resources");
                ResourceTypes.served().stream()
                        .filter(t -> t.group().equals(group.getKey()) && t.version().equals(v))
                        .sorted(Comparator.comparing(ResourceType::resource))
                        .forEach(t -> resources.add(resource(t)));
                entry.put("freshness", "Current");
            }
        }
        return doc;
    }

    private static ObjectNode resource(ResourceType type) {
        ObjectNode r = NODES.objectNode().put("resource", type.resource());
        r.set("responseKind", kind(type.group(), type.version(), type.kind()));
        r.put("scope", type.namespaced() ? "Namespaced" : "Cluster");
        if (!type.singular().isEmpty()) {
            r.put("singularResource", type.singular());
        }
        Discovery.strings(r.putArray("verbs"), type.verbs());
        if (!type.shortNames().isEmpty()) {
            Discovery.strings(r.putArray("shortNames"), type.shortNames());
        }
        if (!type.categories().isEmpty()) {
            Discovery.strings(r.putArray("categories"), type.categories());
        }
        List<String> subs = type.subresources().stream().sorted().toList();
        if (!subs.isEmpty()) {
            ArrayNode array = r.putArray("subresources");
            for (String name : subs) {
                Subresource s = Subresource.of(type, name);
                ObjectNode sub = array.addObject().put("subresource", name);
                sub.set("responseKind", kind(s.group(), s.version(), s.kind()));
                Discovery.strings(sub.putArray("verbs"), s.verbs());
            }
        }
        return r;
    }

    private static ObjectNode kind(String group, String version, String kind) {
        return NODES.objectNode().put("group", group).put("version", version).put("kind", kind);
    }
}
