package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.admission.AdmissionRequest;
import io.kubelab.apiserver.admission.AdmissionRequest.Operation;
import io.kubelab.apiserver.fieldmanager.FieldManager;
import io.kubelab.model.ResourceType;
import io.kubelab.store.Keys;
import io.kubelab.store.ListOptions;
import io.kubelab.store.Store;
import io.kubelab.store.StoreException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The generic registry (apiserver's {@code genericregistry.Store}): the write path of every kind, with
 * the kind's {@link Strategy} where they differ. Callers have been authenticated and authorized.
 */
final class Registry implements Strategy.Context {

    private static final java.util.Set<String> STATUS_KEEPS_ANNOTATIONS =
            java.util.Set.of("deployments", "replicasets", "daemonsets", "statefulsets");

    /** etcd's request limit: an object beyond it is refused, whatever its kind. */
    static final int MAX_OBJECT_BYTES = 3 * 1024 * 1024 / 2;
    private static final int GENERATE_NAME_ATTEMPTS = 8;

    private final Store store;
    private final Pipeline pipeline;
    private final Supplier<Instant> clock;
    private final RandomGenerator random;
    private final FieldManager fieldManager;

    Registry(Store store, Pipeline pipeline, Supplier<Instant> clock, RandomGenerator random) {
        this.store = store;
        this.pipeline = pipeline;
        this.clock = clock;
        this.random = random;
        this.fieldManager = new FieldManager(clock);
    }

    /** The managedFields bookkeeping every write goes through, and server-side apply's merge. */
    FieldManager fieldManager() {
        return fieldManager;
    }

    /** An apply's object already carries its managers; every other write is recorded as an update. */
    private void recordUpdate(ApiRequest r, ObjectNode live, ObjectNode object, String subresource) {
        if (r.patchType() != ApiRequest.PatchType.APPLY) {
            // Go's decoded object has its zero-valued structs before the field manager reads it.
            GoZeroValues.apply(object);
            fieldManager.update(r, live, object, subresource);
        }
    }

    static String key(ResourceType type, String namespace, String name) {
        return type.namespaced() ? Keys.namespaced(type.resource(), namespace, name)
                : Keys.clusterScoped(type.resource(), name);
    }

    static String prefix(ResourceType type, String namespace) {
        return type.namespaced() && !namespace.isEmpty() ? Keys.prefix(type.resource(), namespace)
                : Keys.prefix(type.resource());
    }

    ObjectNode get(ApiRequest r) {
        return store.get(key(r.type(), r.namespace(), r.name()))
                .orElseThrow(() -> new StatusException(Status.notFound(r.groupResource(), r.name())));
    }

    // ---- create ------------------------------------------------------------------------------------------

    ObjectNode create(ApiRequest r, ObjectNode object) {
        Strategy strategy = Strategies.of(r.type());
        ObjectNode metadata = ObjectMeta.of(object);
        if (!ObjectMeta.resourceVersion(object).isEmpty()) {
            throw new StatusException(Status.internalError("resourceVersion should not be set on objects to be created"));
        }
        GoNulls.strip(object);
        pipeline.defaulter().apply(object);
        recordUpdate(r, null, object, r.subresource());
        // kube-apiserver's order: system fields, mutating admission, the strategy, the generated name.
        metadata.put("uid", Names.uid(random));
        metadata.put("creationTimestamp", ObjectMeta.time(clock.get()));
        metadata.remove(List.of("deletionTimestamp", "deletionGracePeriodSeconds"));
        // Until the name is generated, admission names the object by its generateName (apiserver's admission errors).
        String admissionName = metadata.path("name").asText("").isEmpty()
                ? metadata.path("generateName").asText("") : metadata.path("name").asText();
        pipeline.admit(new AdmissionRequest(Operation.CREATE, r.user(), r.type(), r.namespace(), admissionName,
                r.subresource(), object, Optional.empty(), r.options().dryRun(), this));
        if (strategy.tracksGeneration()) {
            metadata.put("generation", 1);
        } else {
            metadata.remove("generation");
        }
        if (strategy.resetsStatusOnCreate() && r.type().hasSubresource("status")) {
            object.remove("status");
        }
        boolean generated = metadata.path("name").asText("").isEmpty()
                && !metadata.path("generateName").asText("").isEmpty();
        if (generated) {
            metadata.put("name", Names.generate(metadata.path("generateName").asText(), random));
        }
        strategy.prepareForCreate(object, this);
        AdmissionRequest admission = new AdmissionRequest(Operation.CREATE, r.user(), r.type(), r.namespace(),
                ObjectMeta.name(object), r.subresource(), object, Optional.empty(), r.options().dryRun(), this);
        validate(r.type(), object, pipeline.validator().validateCreate(object));
        pipeline.validate(admission);
        GoZeroValues.apply(object);
        checkSize(r, object);
        if (r.options().dryRun()) {
            // A dry run reads the key as the real write would, so an existing object still answers AlreadyExists.
            Optional<ObjectNode> existing = store.get(key(r.type(), r.namespace(), ObjectMeta.name(object)));
            if (existing.isPresent()) {
                throw alreadyExists(r, existing.get());
            }
            return object;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                // The object is this request's own copy of the body (requireObject), built up in place: the store
                // may keep it rather than copy it once more.
                return store.createHandingOver(key(r.type(), r.namespace(), ObjectMeta.name(object)), object);
            } catch (StoreException.AlreadyExists e) {
                if (!generated || attempt == GENERATE_NAME_ATTEMPTS) {
                    throw alreadyExists(r, store.get(key(r.type(), r.namespace(), ObjectMeta.name(object)))
                            .orElse(object));
                }
                metadata.put("name", Names.generate(metadata.path("generateName").asText(), random));
            } catch (StoreException e) {
                throw StoreErrors.toStatus(e, r.groupResource(), ObjectMeta.name(object));
            }
        }
    }

    /** Kubernetes says when the name is taken by an object on its way out, since waiting will free it. */
    private static StatusException alreadyExists(ApiRequest r, ObjectNode existing) {
        Status status = Status.alreadyExists(r.groupResource(), ObjectMeta.name(existing));
        if (ObjectMeta.deleting(existing)) {
            status = new Status(status.code(), status.reason(), "object is being deleted: " + status.message(),
                    status.details());
        }
        return new StatusException(status);
    }

    // ---- update ------------------------------------------------------------------------------------------

    /**
     * Replaces the stored object with {@code object} (a PUT, or the result of a patch). On the main
     * resource the status is kept as stored; on {@code status} only the status changes.
     */
    ObjectNode update(ApiRequest r, ObjectNode object) {
        return update(r, object, r.subresource());
    }

    /**
     * {@link #update}, recorded in managedFields as a write through {@code managerSubresource} (the scale
     * subresource writes its parent as an update of the main resource).
     */
    ObjectNode update(ApiRequest r, ObjectNode object, String managerSubresource) {
        // A status (or finalize) update builds its object from a copy of the stored one, so reading that copy
        // too would be one copy too many: the stored object is only read here.
        boolean fromOld = r.subresource().equals("status") || r.subresource().equals("finalize");
        ObjectNode old = fromOld ? read(r) : get(r);
        String requestedVersion = ObjectMeta.resourceVersion(object);
        if (!requestedVersion.isEmpty() && !requestedVersion.equals(ObjectMeta.resourceVersion(old))) {
            throw new StatusException(Status.conflict(r.groupResource(), r.name()));
        }
        Strategy strategy = Strategies.of(r.type());
        GoNulls.strip(object);
        pipeline.defaulter().apply(object);
        ObjectNode updated;
        if (r.subresource().equals("finalize")) {
            // namespaces/finalize changes spec.finalizers and nothing else; emptied on a deleting namespace, it
            // lets the namespace go.
            updated = old.deepCopy();
            JsonNode finalizers = object.path("spec").path("finalizers");
            if (finalizers.isArray() && !finalizers.isEmpty()) {
                updated.with("spec").set("finalizers", finalizers.deepCopy());
            } else {
                updated.with("spec").remove("finalizers");
            }
        } else if (r.subresource().equals("status")) {
            updated = old.deepCopy();
            updated.set("status", object.path("status").deepCopy());
            if (STATUS_KEEPS_ANNOTATIONS.contains(r.type().resource())) {
                // The apps status strategies reset only the spec (and a Deployment's labels): the deployment
                // controller records its revision annotation through the status endpoint.
                JsonNode annotations = object.path("metadata").path("annotations");
                if (annotations.isObject() && !annotations.isEmpty()) {
                    ObjectMeta.of(updated).set("annotations", annotations.deepCopy());
                } else {
                    ObjectMeta.of(updated).remove("annotations");
                }
            }
            if (r.type().resource().equals("persistentvolumes")) {
                VolumeStrategies.stampPhase(updated, old, clock.get());
            }
        } else {
            updated = object;
            if (r.type().hasSubresource("status")) {
                if (old.has("status")) {
                    updated.set("status", old.get("status").deepCopy());
                } else {
                    updated.remove("status");
                }
            }
        }
        ObjectNode metadata = ObjectMeta.of(updated);
        JsonNode oldMeta = old.path("metadata");
        metadata.put("resourceVersion", ObjectMeta.resourceVersion(old));
        if (ObjectMeta.uid(updated).isEmpty()) {
            metadata.put("uid", ObjectMeta.uid(old));
        }
        for (String field : List.of("creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation")) {
            if (oldMeta.has(field)) {
                metadata.set(field, oldMeta.get(field).deepCopy());
            } else {
                metadata.remove(field);
            }
        }
        if (fromOld && r.patchType() == ApiRequest.PatchType.APPLY) {
            // An apply to /status built its managers on the whole object; the copy of the stored one has the old ones.
            JsonNode applied = object.path("metadata").get("managedFields");
            ObjectMeta.of(updated).remove("managedFields");
            if (applied != null) {
                ObjectMeta.of(updated).set("managedFields", applied);
            }
        }
        recordUpdate(r, old, updated, managerSubresource);
        if (r.subresource().isEmpty()) {
            strategy.prepareForUpdate(updated, old, this);
        }
        AdmissionRequest admission = new AdmissionRequest(Operation.UPDATE, r.user(), r.type(), r.namespace(),
                r.name(), r.subresource(), updated, Optional.of(old), r.options().dryRun(), this);
        pipeline.admit(admission);
        if (!statusFromComponent(r)) {
            validate(r.type(), updated, pipeline.validator().validateUpdate(updated, old));
        }
        pipeline.validate(admission);
        GoZeroValues.apply(updated);
        // Compared once both sides look as Go writes them, so a re-applied manifest is no change.
        if (strategy.tracksGeneration() && !r.subresource().equals("status") && strategy.generationChanged(updated, old)) {
            metadata.put("generation", oldMeta.path("generation").asLong(0) + 1);
        }
        checkSize(r, updated);
        if (updated.equals(old) || r.options().dryRun()) {
            return updated;
        }
        try {
            if (ObjectMeta.deleting(updated) && updated.path("metadata").path("finalizers").isEmpty()
                    && !strategy.holdsDelete(updated) && graceElapsed(updated)) {
                store.delete(key(r.type(), r.namespace(), r.name()), Long.parseLong(ObjectMeta.resourceVersion(old)));
                return updated;
            }
            long expected = Long.parseLong(ObjectMeta.resourceVersion(old));
            // A status or finalize update's object is this request's own copy: the store may keep it.
            return fromOld ? store.updateHandingOver(key(r.type(), r.namespace(), r.name()), updated, expected)
                    : store.update(key(r.type(), r.namespace(), r.name()), updated, expected);
        } catch (StoreException e) {
            throw StoreErrors.toStatus(e, r.groupResource(), r.name());
        }
    }

    /**
     * A status update by one of the simulation's components changes only the status (and an apps object's
     * annotations, which the components write well-formed), and validation reads no status: the rest is
     * the stored object, valid when it was written. Kubernetes' status strategies likewise validate only
     * the status and the metadata update ({@code ValidatePodStatusUpdate}); a student's request is still
     * validated whole.
     */
    private static boolean statusFromComponent(ApiRequest r) {
        return r.user().isComponent() && r.subresource().equals("status");
    }

    private ObjectNode read(ApiRequest r) {
        return store.read(key(r.type(), r.namespace(), r.name()))
                .orElseThrow(() -> new StatusException(Status.notFound(r.groupResource(), r.name())));
    }

    private boolean graceElapsed(ObjectNode object) {
        return object.path("metadata").path("deletionGracePeriodSeconds").asLong(0) == 0;
    }


    // ---- delete ------------------------------------------------------------------------------------------

    /** The deleted object, the object now terminating, or null when the kind answers with a Status. */
    ObjectNode delete(ApiRequest r) {
        ObjectNode old = get(r);
        String uid = ObjectMeta.uid(old);
        if (r.options().preconditionUid().isPresent() && !r.options().preconditionUid().get().equals(uid)) {
            throw new StatusException(Status.conflictPrecondition(r.groupResource(), r.name(), "UID",
                    r.options().preconditionUid().get(), uid));
        }
        String rv = ObjectMeta.resourceVersion(old);
        if (r.options().preconditionResourceVersion().isPresent()
                && !r.options().preconditionResourceVersion().get().equals(rv)) {
            throw new StatusException(Status.conflictPrecondition(r.groupResource(), r.name(), "ResourceVersion",
                    r.options().preconditionResourceVersion().get(), rv));
        }
        Strategy strategy = Strategies.of(r.type());
        ObjectNode object = old.deepCopy();
        AdmissionRequest admission = new AdmissionRequest(Operation.DELETE, r.user(), r.type(), r.namespace(), r.name(),
                r.subresource(), object, Optional.of(old), r.options().dryRun(), this);
        pipeline.admit(admission);
        pipeline.validate(admission);
        if (r.type().group().isEmpty() && r.type().resource().equals("namespaces") && !ObjectMeta.deleting(old)) {
            return startNamespaceDeletion(r, object, rv);
        }
        if (strategy.holdsDelete(old)) {
            throw new StatusException(Status.conflictWith(r.groupResource(), r.name(), "The system is ensuring all "
                    + "content is removed from this namespace.  Upon completion, this namespace will automatically "
                    + "be purged by the system."));
        }
        long grace = strategy.gracePeriod(old, r.options().gracePeriodSeconds());
        ObjectNode metadata = ObjectMeta.of(object);
        addPropagationFinalizer(metadata, r.options());
        boolean waits = grace > 0 || !metadata.path("finalizers").isEmpty() || strategy.holdsDelete(object);
        try {
            if (waits) {
                if (ObjectMeta.deleting(old)) {
                    long current = old.path("metadata").path("deletionGracePeriodSeconds").asLong(0);
                    if (grace >= current && object.equals(old)) {
                        return old;
                    }
                }
                Instant now = clock.get();
                if (!ObjectMeta.deleting(old)) {
                    metadata.put("deletionTimestamp", ObjectMeta.time(now.plusSeconds(grace)));
                    metadata.put("deletionGracePeriodSeconds", grace);
                    if (metadata.path("generation").asLong(0) > 0) {
                        metadata.put("generation", metadata.path("generation").asLong() + 1);
                    }
                } else if (grace < metadata.path("deletionGracePeriodSeconds").asLong(0)) {
                    // Kubernetes moves the deadline back by the old grace and forward by the new one.
                    Instant deadline = Instant.parse(metadata.path("deletionTimestamp").asText())
                            .minusSeconds(metadata.path("deletionGracePeriodSeconds").asLong()).plusSeconds(grace);
                    metadata.put("deletionTimestamp", ObjectMeta.time(deadline));
                    metadata.put("deletionGracePeriodSeconds", grace);
                }
                strategy.markDeleting(object);
                if (r.options().dryRun()) {
                    return object;
                }
                return store.update(key(r.type(), r.namespace(), r.name()), object, Long.parseLong(rv));
            }
            if (r.options().dryRun()) {
                return strategy.returnsDeletedObject() ? old : null;
            }
            ObjectNode deleted = store.delete(key(r.type(), r.namespace(), r.name()), Long.parseLong(rv));
            return strategy.returnsDeletedObject() ? deleted : null;
        } catch (StoreException.Conflict e) {
            // Someone wrote between our read and our delete: Kubernetes retries against the new state.
            return delete(r);
        } catch (StoreException e) {
            throw StoreErrors.toStatus(e, r.groupResource(), r.name());
        }
    }

    /**
     * A namespace's first delete only marks it: Terminating, a deletion timestamp and no grace period,
     * the propagation finalizers asked for. The namespace controller empties it and finalizes it.
     */
    private ObjectNode startNamespaceDeletion(ApiRequest r, ObjectNode namespace, String rv) {
        ObjectNode metadata = ObjectMeta.of(namespace);
        metadata.put("deletionTimestamp", ObjectMeta.time(clock.get()));
        addPropagationFinalizer(metadata, r.options());
        Strategies.of(r.type()).markDeleting(namespace);
        if (r.options().dryRun()) {
            return namespace;
        }
        try {
            return store.update(key(r.type(), "", r.name()), namespace, Long.parseLong(rv));
        } catch (StoreException e) {
            throw StoreErrors.toStatus(e, r.groupResource(), r.name());
        }
    }

    /** Orphan and Foreground deletes wait for the garbage collector through their finalizers. */
    private static void addPropagationFinalizer(ObjectNode metadata, RequestOptions options) {
        String policy = options.propagationPolicy().orElse("Background");
        if (policy.equals("Orphan")) {
            ObjectMeta.addFinalizer(metadata, "orphan");
        } else if (policy.equals("Foreground")) {
            ObjectMeta.addFinalizer(metadata, "foregroundDeletion");
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private void validate(ResourceType type, ObjectNode object, List<Status.Cause> causes) {
        if (!causes.isEmpty()) {
            throw new StatusException(Status.invalid(type.group(), type.kind(), ObjectMeta.name(object), causes));
        }
    }

    private static void checkSize(ApiRequest r, ObjectNode object) {
        if (JsonSize.atLeast(object, MAX_OBJECT_BYTES) > MAX_OBJECT_BYTES) {
            throw new StatusException(Status.requestEntityTooLarge("limit is " + MAX_OBJECT_BYTES));
        }
    }

    static ObjectNode successStatus(ResourceType type, String name, String uid) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("kind", "Status").put("apiVersion", "v1");
        out.putObject("metadata");
        out.put("status", "Success");
        ObjectNode details = out.putObject("details");
        details.put("name", name);
        if (!type.group().isEmpty()) {
            details.put("group", type.group());
        }
        details.put("kind", type.resource());
        details.put("uid", uid);
        return out;
    }

    @Override
    public List<ObjectNode> all(ResourceType type) {
        return store.list(Keys.prefix(type.resource()), ListOptions.all()).items();
    }

    @Override
    public List<ObjectNode> inNamespace(ResourceType type, String namespace) {
        return store.list(prefix(type, namespace), ListOptions.all()).items();
    }

    @Override
    public Optional<ObjectNode> get(ResourceType type, String namespace, String name) {
        return store.get(key(type, namespace, name));
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public Instant now() {
        return clock.get();
    }

    List<ObjectNode> listAll(ResourceType type, String namespace) {
        return new ArrayList<>(inNamespace(type, namespace));
    }
}
