package io.kubelab.k8sapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The legacy discovery documents ({@code /api}, {@code /apis}, {@code /apis/G}, {@code /api/v1},
 * {@code /apis/G/V}) built once from {@link ResourceTypes}, in kube-apiserver's shapes.
 */
final class Discovery {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Group name to its versions, in discovery's priority order (core first). */
    static final Map<String, List<String>> GROUPS = groups();

    /** Shared by every request: serialised, never changed. */
    /** The group that metrics-server serves through the aggregator: listed only while it is available. */
    static final String METRICS_GROUP = "metrics.k8s.io";
    private static final ObjectNode GROUP_LIST = buildGroupList(true);
    private static final ObjectNode GROUP_LIST_WITHOUT_METRICS = buildGroupList(false);

    private Discovery() {
    }

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (ResourceType type : ResourceTypes.served()) {
            List<String> versions = groups.computeIfAbsent(type.group(), g -> new ArrayList<>());
            if (!versions.contains(type.version())) {
                versions.add(type.version());
            }
        }
        return groups;
    }

    /** {@code /apis}; the aggregator leaves out an APIService that is not available, as metrics-server's may be. */
    static ObjectNode groupList(boolean metrics) {
        return metrics ? GROUP_LIST : GROUP_LIST_WITHOUT_METRICS;
    }

    /** {@code /api}; {@code serverAddress} is the control plane's {@code IP:6443}, as kubeadm advertises it. */
    static ObjectNode apiVersions(String serverAddress) {
        ObjectNode doc = NODES.objectNode().put("kind", "APIVersions");
        ArrayNode versions = doc.putArray("versions");
        GROUPS.get("").forEach(versions::add);
        doc.putArray("serverAddressByClientCIDRs").addObject().put("clientCIDR", "0.0.0.0/0")
                .put("serverAddress", serverAddress);
        return doc;
    }

    private static ObjectNode buildGroupList(boolean metrics) {
        ObjectNode doc = NODES.objectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = doc.putArray("groups");
        GROUPS.keySet().stream().filter(g -> !g.isEmpty() && (metrics || !g.equals(METRICS_GROUP)))
                .forEach(g -> groups.add(groupBody(g)));
        return doc;
    }

    static Optional<ObjectNode> group(String name) {
        if (name.isEmpty() || !GROUPS.containsKey(name)) {
            return Optional.empty();
        }
        ObjectNode doc = NODES.objectNode().put("kind", "APIGroup").put("apiVersion", "v1");
        doc.setAll(groupBody(name));
        return Optional.of(doc);
    }

    private static ObjectNode groupBody(String group) {
        ObjectNode body = NODES.objectNode().put("name", group);
        ArrayNode versions = body.putArray("versions");
        for (String version : GROUPS.get(group)) {
            versions.addObject().put("groupVersion", group + "/" + version).put("version", version);
        }
        String preferred = GROUPS.get(group).get(0);
        body.putObject("preferredVersion").put("groupVersion", group + "/" + preferred).put("version", preferred);
        return body;
    }

    /** {@code APIResourceList} of one group version; the core one has no apiVersion, as Kubernetes writes it. */
    static Optional<ObjectNode> resources(String group, String version) {
        List<ResourceType> types = ResourceTypes.served().stream()
                .filter(t -> t.group().equals(group) && t.version().equals(version)).toList();
        if (types.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode doc = NODES.objectNode().put("kind", "APIResourceList");
        if (!group.isEmpty()) {
            doc.put("apiVersion", "v1");
        }
        doc.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
        List<ObjectNode> entries = new ArrayList<>();
        for (ResourceType type : types) {
            ObjectNode entry = NODES.objectNode().put("name", type.resource()).put("singularName", type.singular())
                    .put("namespaced", type.namespaced()).put("kind", type.kind());
            strings(entry.putArray("verbs"), type.verbs());
            if (!type.shortNames().isEmpty()) {
                strings(entry.putArray("shortNames"), type.shortNames());
            }
            if (!type.categories().isEmpty()) {
                strings(entry.putArray("categories"), type.categories());
            }
            entries.add(entry);
            for (String sub : type.subresources()) {
                Subresource s = Subresource.of(type, sub);
                ObjectNode subEntry = NODES.objectNode().put("name", type.resource() + "/" + sub)
                        .put("singularName", "").put("namespaced", type.namespaced());
                if (!s.group().equals(group) || !s.version().equals(version)) {
                    subEntry.put("group", s.group()).put("version", s.version());
                }
                subEntry.put("kind", s.kind());
                strings(subEntry.putArray("verbs"), s.verbs());
                entries.add(subEntry);
            }
        }
        entries.sort(Comparator.comparing(e -> e.path("name").asText()));
        entries.forEach(doc.putArray("resources")::add);
        return Optional.of(doc);
    }

    static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
