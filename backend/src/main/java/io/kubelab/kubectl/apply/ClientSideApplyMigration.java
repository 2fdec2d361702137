package io.kubelab.kubectl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.fieldmanager.FieldSet;
import io.kubelab.apiserver.fieldmanager.PathElement;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * kubectl's {@code migrateToSSAIfNecessary} (csaupgrade): after a server-side apply, the field managers that
 * wrote the last-applied annotation by client-side apply hand their fields to the applier, so that a later
 * server-side apply can remove them. The JSON patch kubectl sends for it, or empty when nothing is to move.
 */
final class ClientSideApplyMigration {

    private static final String UPDATE = "Update";
    private static final String APPLY = "Apply";
    private static final List<PathElement> LAST_APPLIED = List.of(PathElement.field("metadata"),
            PathElement.field("annotations"), PathElement.field(LastApplied.ANNOTATION));

    private ClientSideApplyMigration() {
    }

    static Optional<ArrayNode> patch(JsonNode object, String applier) {
        JsonNode managed = object.path("metadata").path("managedFields");
        if (!managed.isArray()) {
            return Optional.empty();
        }
        Set<String> csaManagers = new LinkedHashSet<>();
        for (JsonNode e : managed) {
            if (e.path("operation").asText().equals(UPDATE) && e.path("subresource").asText("").isEmpty()
                    && FieldSet.fromFieldsV1(e.path("fieldsV1")).has(LAST_APPLIED)) {
                csaManagers.add(e.path("manager").asText());
            }
        }
        ArrayNode entries = managed.deepCopy();
        for (String csa : csaManagers) {
            entries = upgraded(entries, csa, applier);
        }
        if (entries.equals(managed)) {
            return Optional.empty();
        }
        ArrayNode patch = JsonNodeFactory.instance.arrayNode();
        patch.addObject().put("op", "replace").put("path", "/metadata/managedFields").set("value", entries);
        patch.addObject().put("op", "replace").put("path", "/metadata/resourceVersion")
                .put("value", object.path("metadata").path("resourceVersion").asText());
        return Optional.of(patch);
    }

    /** {@code upgradedManagedFields}: the applier's entry (or the CSA one, turned into it) owns both sets. */
    private static ArrayNode upgraded(ArrayNode entries, String csa, String applier) {
        int target = find(entries, applier, APPLY, null);
        if (target < 0) {
            target = find(entries, csa, UPDATE, null);
            if (target < 0) {
                return entries;
            }
            ((ObjectNode) entries.get(target)).put("operation", APPLY).put("manager", applier);
        }
        ObjectNode ssa = (ObjectNode) entries.get(target);
        int csaIndex = find(entries, csa, UPDATE, ssa.path("apiVersion").asText());
        if (csaIndex >= 0) {
            FieldSet union = FieldSet.fromFieldsV1(ssa.path("fieldsV1"))
                    .union(FieldSet.fromFieldsV1(entries.get(csaIndex).path("fieldsV1")));
            ssa.set("fieldsV1", union.toFieldsV1());
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode e : entries) {
            boolean isCsa = e.path("manager").asText().equals(csa) && e.path("operation").asText().equals(UPDATE)
                    && e.path("subresource").asText("").isEmpty();
            if (!isCsa) {
                out.add(e);
            }
        }
        return out;
    }

    private static int find(ArrayNode entries, String manager, String operation, String apiVersion) {
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            if (e.path("manager").asText().equals(manager) && e.path("operation").asText().equals(operation)
                    && e.path("subresource").asText("").isEmpty()
                    && (apiVersion == null || e.path("apiVersion").asText().equals(apiVersion))) {
                return i;
            }
        }
        return -1;
    }
}
