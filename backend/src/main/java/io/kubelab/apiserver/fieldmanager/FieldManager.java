package io.kubelab.apiserver.fieldmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.model.ResourceType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * apimachinery's field manager: keeps {@code metadata.managedFields} on every write and merges server-side
 * applies. An update (a create, PUT or non-apply patch) gives its manager the fields it added or changed
 * and takes them from everyone else; an apply makes the configuration its manager's whole intent, removes
 * what it applied before and no longer does (unless someone else owns it too), and fails on fields another
 * manager owns unless forced.
 */
public final class FieldManager {

    private final Supplier<Instant> clock;

    public FieldManager(Supplier<Instant> clock) {
        this.clock = clock;
    }

    /**
     * Records a non-apply write of {@code updated} over {@code live} (null for a create) in
     * {@code updated}'s managedFields, for the request's manager on {@code subresource}. As
     * {@code UpdateNoErrors}, an object whose fields cannot be told apart keeps the live managers.
     */
    public void update(ApiRequest r, JsonNode live, ObjectNode updated, String subresource) {
        ManagedFields managed = liveOrNew(live, updated, !subresource.isEmpty());
        ResourceType type = r.type();
        try {
            FieldType schema = FieldType.forKind(type.apiVersion(), type.kind());
            JsonNode before = live != null ? live : ZeroObjects.of(type.apiVersion(), type.kind());
            Comparison c = Comparison.of(before, updated, schema).without(ResetFields.of(type, subresource));
            FieldSet changed = c.changed();
            String manager = FieldManagers.of(r);
            String id = ManagedFields.identifier(manager, ManagedFields.UPDATE, type.apiVersion(), subresource);
            takeFrom(managed, "", changed, c.removed);
            FieldSet mine = changed.difference(c.removed).difference(ResetFields.STRIPPED);
            if (!mine.isEmpty()) {
                ManagedFields.Entry previous = managed.entries.get(id);
                managed.entries.put(id, new ManagedFields.Entry(manager, ManagedFields.UPDATE, type.apiVersion(), now(),
                        subresource, previous == null ? mine : previous.set().union(mine)));
            }
            managed.encodeInto(updated);
        } catch (FieldPathException e) {
            ObjectNode metadata = updated.with("metadata");
            metadata.remove(ManagedFields.FIELD);
            JsonNode kept = live == null ? null : live.path("metadata").get(ManagedFields.FIELD);
            if (kept != null) {
                metadata.set(ManagedFields.FIELD, kept.deepCopy());
            }
        }
    }

    /** {@code decodeLiveOrNew}: a subresource write, or a body without readable managers, keeps the live ones. */
    private static ManagedFields liveOrNew(JsonNode live, ObjectNode updated, boolean subresource) {
        if (!subresource) {
            if (ManagedFields.isReset(updated)) {
                return new ManagedFields();
            }
            Optional<ManagedFields> fromBody = ManagedFields.decode(updated);
            if (fromBody.isPresent() && !fromBody.get().isEmpty()) {
                return fromBody.get();
            }
        }
        return ManagedFields.decode(live).orElseGet(ManagedFields::new);
    }

    /** Every other manager loses what the write changed (ownership moves) and what it removed. */
    private static void takeFrom(ManagedFields managed, String except, FieldSet changed, FieldSet removed) {
        for (Map.Entry<String, ManagedFields.Entry> e : new ArrayList<>(managed.entries.entrySet())) {
            if (e.getKey().equals(except)) {
                continue;
            }
            FieldSet left = e.getValue().set().difference(changed).difference(removed);
            if (left.isEmpty()) {
                managed.entries.remove(e.getKey());
            } else {
                managed.entries.put(e.getKey(), e.getValue().withSet(left));
            }
        }
    }

    /**
     * A server-side apply of {@code config} to {@code live} (empty when the object does not exist yet): the
     * merged object with its managedFields, ready for the registry's create or update.
     */
    public ObjectNode apply(ApiRequest r, Optional<ObjectNode> live, ObjectNode config, String subresource) {
        ResourceType type = r.type();
        String patchVersion = config.path("apiVersion").asText("");
        if (!patchVersion.equals(type.apiVersion())) {
            throw new StatusException(Status.badRequest("Incorrect version specified in apply patch. Specified patch "
                    + "version: " + patchVersion + ", expected: " + type.apiVersion()));
        }
        JsonNode appliedManagers = config.path("metadata").get(ManagedFields.FIELD);
        if (appliedManagers != null && !appliedManagers.isNull()) {
            throw new StatusException(Status.badRequest("metadata.managedFields must be nil"));
        }
        ManagedFields managed = live.isEmpty() ? new ManagedFields() : ManagedFields.decode(live.get())
                .orElseThrow(() -> new StatusException(Status.internalError("failed to decode managed fields")));
        JsonNode base = live.isPresent() ? live.get() : ZeroObjects.of(type.apiVersion(), type.kind());
        FieldType schema = FieldType.forKind(type.apiVersion(), type.kind());
        FieldSet reset = ResetFields.of(type, subresource);
        String manager = r.options().fieldManager();
        String id = ManagedFields.identifier(manager, ManagedFields.APPLY, "", subresource);
        try {
            ObjectNode merged = (ObjectNode) ApplyMerge.merge(base, config, schema);
            merged.with("metadata").remove(ManagedFields.FIELD);
            FieldSet applied = ToFieldSet.of(config, schema).recursiveDifference(reset);
            ManagedFields.Entry last = managed.entries.get(id);
            managed.entries.put(id, new ManagedFields.Entry(manager, ManagedFields.APPLY, type.apiVersion(),
                    last == null ? null : last.time(), subresource, applied));
            if (last != null && !last.set().isEmpty()) {
                FieldSet owned = new FieldSet();
                managed.entries.values().forEach(e -> owned.addAll(e.set()));
                FieldSet toRemove = ToFieldSet.of(merged, schema).difference(owned).intersection(last.set());
                merged = (ObjectNode) ApplyMerge.remove(merged, toRemove, schema);
            }
            Comparison c = Comparison.of(base, merged, schema).without(reset);
            FieldSet changed = c.changed();
            if (!r.options().force()) {
                checkConflicts(managed, id, changed, manager.equals(ClientSideApply.MANAGER)
                        ? ClientSideApply.allowedConflicts(live.orElse(null), type.apiVersion(), schema)
                        : Optional.empty());
            }
            takeFrom(managed, id, changed, c.removed);
            if (!c.changed().isEmpty() || !c.removed.isEmpty()) {
                ManagedFields.Entry mine = managed.entries.get(id);
                managed.entries.put(id, new ManagedFields.Entry(manager, ManagedFields.APPLY, type.apiVersion(), now(),
                        subresource, mine.set()));
            }
            ManagedFields.Entry mine = managed.entries.get(id);
            FieldSet stripped = mine.set().difference(ResetFields.STRIPPED);
            if (stripped.isEmpty()) {
                managed.entries.remove(id);
            } else {
                managed.entries.put(id, mine.withSet(stripped));
            }
            if (manager.equals(ClientSideApply.MANAGER)) {
                ClientSideApply.record(live.orElse(null), merged, config);
            }
            managed.encodeInto(merged);
            return merged;
        } catch (FieldPathException e) {
            throw new StatusException(Status.internalError("failed to create typed patch object ("
                    + type.group() + (type.group().isEmpty() ? "" : "/") + type.version() + ", Kind=" + type.kind() + ") "
                    + (r.namespace().isEmpty() ? "" : r.namespace() + "/") + r.name() + ": " + e.getMessage()));
        }
    }

    /**
     * Fails with the fields other managers own that the apply changes, but for those the client-side apply
     * annotation shows kubectl's own ({@code allowed}); if those were all, the apply goes on as if forced.
     */
    private static void checkConflicts(ManagedFields managed, String applier, FieldSet changed,
                                       Optional<FieldSet> allowed) {
        List<ApplyConflicts.Conflict> conflicts = new ArrayList<>();
        managed.entries.keySet().stream().sorted().forEach(id -> {
            if (!id.equals(applier)) {
                ManagedFields.Entry entry = managed.entries.get(id);
                entry.set().intersection(changed).forEachPath(path -> {
                    if (allowed.isEmpty() || !allowed.get().has(path)) {
                        conflicts.add(new ApplyConflicts.Conflict(entry, FieldSet.pathString(path)));
                    }
                });
            }
        });
        if (!conflicts.isEmpty()) {
            throw new StatusException(ApplyConflicts.status(conflicts));
        }
    }

    private String now() {
        return ObjectMeta.time(clock.get());
    }
}
