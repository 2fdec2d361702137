package io.kubelab.apiserver.defaults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.kubelab.apiserver.defaults.Fields.defaultString;
import static io.kubelab.apiserver.defaults.Fields.each;
import static io.kubelab.apiserver.defaults.Fields.object;

/** The remaining core/v1 kinds: Namespace, Node, Secret, ResourceQuota, LimitRange. */
final class CoreDefaults {

    private CoreDefaults() {
    }

    /** {@code SetDefaults_Namespace} and {@code SetDefaults_NamespaceStatus}. */
    static void namespace(ObjectNode ns) {
        String name = object(ns, "metadata") == null ? "" : ns.get("metadata").path("name").asText("");
        if (!name.isEmpty()) {
            Fields.ensureObject(Fields.ensureObject(ns, "metadata"), "labels").put("kubernetes.io/metadata.name", name);
        }
        defaultString(Fields.ensureObject(ns, "status"), "phase", "Active");
    }

    /** {@code SetDefaults_NodeStatus}: allocatable copies capacity when absent. */
    static void node(ObjectNode node) {
        ObjectNode status = object(node, "status");
        if (status == null) {
            return;
        }
        if (Fields.isNil(status, "allocatable") && !Fields.isNil(status, "capacity")) {
            status.set("allocatable", status.get("capacity").deepCopy());
        }
        Fields.resourceList(status, "capacity");
        Fields.resourceList(status, "allocatable");
    }

    /**
     * {@code SetDefaults_Secret}, after the v1 conversion that merges {@code stringData} into {@code data}
     * (base64, overriding a key {@code data} also has) and drops it: it is write-only.
     */
    static void secret(ObjectNode secret) {
        com.fasterxml.jackson.databind.JsonNode stringData = secret.get("stringData");
        if (stringData != null && stringData.isObject()) {
            ObjectNode data = secret.has("data") && secret.get("data").isObject() ? (ObjectNode) secret.get("data")
                    : secret.putObject("data");
            stringData.properties().forEach(e -> data.put(e.getKey(), java.util.Base64.getEncoder()
                    .encodeToString(e.getValue().asText().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        }
        secret.remove("stringData");
        defaultString(secret, "type", "Opaque");
    }

    static void resourceQuota(ObjectNode quota) {
        Fields.resourceList(object(quota, "spec"), "hard");
        ObjectNode status = object(quota, "status");
        Fields.resourceList(status, "hard");
        Fields.resourceList(status, "used");
    }

    /** {@code SetDefaults_LimitRangeItem} for each item, then its resource lists. */
    static void limitRange(ObjectNode limitRange) {
        each(object(limitRange, "spec"), "limits", item -> {
            if ("Container".equals(item.path("type").asText())) {
                copyMissing(item, "max", "default");
                copyMissing(item, "default", "defaultRequest");
                copyMissing(item, "min", "defaultRequest");
            }
            for (String list : new String[] {"max", "min", "default", "defaultRequest", "maxLimitRequestRatio"}) {
                Fields.resourceList(item, list);
            }
        });
    }

    /** Each entry of {@code from} that {@code to} lacks; an empty result stays absent, as omitempty prints it. */
    private static void copyMissing(ObjectNode item, String from, String to) {
        ObjectNode source = object(item, from);
        if (source == null || source.isEmpty()) {
            return;
        }
        ObjectNode target = Fields.ensureObject(item, to);
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        source.fields().forEachRemaining(entries::add);
        for (Map.Entry<String, JsonNode> e : entries) {
            if (!target.has(e.getKey())) {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }
}
