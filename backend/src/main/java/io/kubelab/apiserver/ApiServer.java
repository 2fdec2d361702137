package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.fieldmanager.FieldManagers;
import io.kubelab.apiserver.schema.StrictDecoding;
import io.kubelab.events.ComponentEvents;
import io.kubelab.model.FieldSelector;
import io.kubelab.model.LabelSelector;
import io.kubelab.model.ResourceType;
import io.kubelab.store.ListOptions;
import io.kubelab.store.ListResult;
import io.kubelab.store.SelectionPredicate;
import io.kubelab.store.Store;
import io.kubelab.store.StoreException;
import io.kubelab.store.WatchEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * A sandbox's kube-apiserver: every request, from the terminal's kubectl, a real kubectl over HTTP or a
 * simulated component, goes through authorization, then the registry's defaulting, admission and
 * validation, then the store. Failures are thrown as {@link StatusException}s in Kubernetes' words.
 */
public final class ApiServer {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiServer.class);

    private final Store store;
    private final Registry registry;
    private final Pipeline pipeline;
    private final Authorizer authorizer;
    private final RequestEvents events;
    private final Patcher patcher;
    private final PodLogs logs;
    private final Supplier<Instant> clock;
    private final Subresources subresources;
    private final MetricsApi metrics;
    private final Map<String, CreateOnly> createOnly = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean running = true;

    /** A resource that answers a POST with a computed object and stores nothing (the access reviews). */
    public interface CreateOnly {
        ObjectNode create(ApiRequest request, ObjectNode body);
    }

    public void registerCreateOnly(String groupResource, CreateOnly handler) {
        createOnly.put(groupResource, handler);
    }

    public ApiServer(Store store, Pipeline pipeline, Authorizer authorizer, Patcher patcher, PodLogs logs,
                     Supplier<Instant> clock, RandomGenerator random, ComponentEvents events) {
        this.store = store;
        this.logs = logs;
        this.clock = clock;
        this.pipeline = pipeline;
        this.authorizer = authorizer;
        this.patcher = patcher;
        this.registry = new Registry(store, pipeline, clock, random);
        this.events = new RequestEvents(events);
        this.subresources = new Subresources(registry, store, patcher, clock);
        this.metrics = new MetricsApi(registry, clock);
    }

    /** The backend of the aggregated metrics.k8s.io API (metrics-server), as the cluster's wiring reaches it. */
    private PodExec podExec = PodExec.NONE;

    public void setMetricsSource(MetricsSource source) {
        metrics.setSource(source);
    }

    /**
     * Whether metrics-server's APIService is available: while it is not, the aggregator leaves
     * {@code metrics.k8s.io} out of discovery and its requests fail with a 503.
     */
    public boolean metricsAvailable() {
        return metrics.available();
    }

    /** How {@code pods/exec} reaches the kubelets, as the cluster's wiring provides it. */
    public void setPodExec(PodExec value) {
        podExec = value;
    }

    /**
     * {@code POST pods/<name>/exec}: authorized as {@code create pods/exec}, then run by the pod's kubelet in
     * the container. Kubernetes' refusals for a pod that cannot take it, in its words.
     */
    public PodExec.Result exec(ApiRequest r, String container, java.util.List<String> command) {
        return exec(r, container, command, "");
    }

    /** {@code pods/exec} with {@code stdin} as the command's whole standard input ({@code kubectl exec -i}). */
    public PodExec.Result exec(ApiRequest r, String container, java.util.List<String> command, String stdin) {
        ObjectNode pod = connect(r, "exec");
        String phase = pod.path("status").path("phase").asText("");
        if (phase.equals("Succeeded") || phase.equals("Failed")) {
            throw new StatusException(Status.badRequest("cannot exec into a container in a completed pod; current phase is "
                    + phase));
        }
        String node = pod.path("spec").path("nodeName").asText("");
        boolean running = false;
        for (com.fasterxml.jackson.databind.JsonNode status : pod.path("status").path("containerStatuses")) {
            if (status.path("name").asText().equals(container) && status.path("state").has("running")) {
                running = true;
            }
        }
        if (node.isEmpty() || !running) {
            throw new StatusException(Status.badRequest("unable to upgrade connection: container not found (\""
                    + container + "\")"));
        }
        PodExec.Result result = podExec.exec(node, ObjectMeta.uid(pod), container, command, stdin).orElseThrow(() ->
                new StatusException(Status.internalError("error dialing backend: dial tcp " + node
                        + ":10250: connect: no route to host")));
        if (result == PodExec.NOT_RUNNING) {
            throw new StatusException(Status.badRequest("unable to upgrade connection: container not found (\""
                    + container + "\")"));
        }
        return result;
    }

    /**
     * A connect request ({@code pods/exec}, {@code attach}, {@code portforward}, the {@code proxy} of pods,
     * services and nodes): authenticated and authorized as {@code r}'s verb on the subresource, as
     * kube-apiserver's filters do; the object it goes to, or its {@code NotFound}.
     */
    public ObjectNode connect(ApiRequest r, String subresource) {
        checkRunning();
        ApiRequest create = new ApiRequest(r.user(), r.verb(), r.type(), r.namespace(), r.name(),
                subresource, Optional.empty(), ApiRequest.PatchType.NONE, r.options());
        String object = ObjectMeta.reference(r.type().kind(), r.namespace(), r.name());
        events.authenticated(create, object);
        authorize(create, object);
        ApiRequest read = new ApiRequest(r.user(), ApiRequest.Verb.GET, r.type(), r.namespace(), r.name(), "",
                Optional.empty(), ApiRequest.PatchType.NONE, r.options());
        return registry.get(read);
    }

    /** {@code sim stop apiserver}: every request fails until it is started again. */
    public void setRunning(boolean value) {
        running = value;
    }

    public boolean running() {
        return running;
    }

    public Store store() {
        return store;
    }

    /**
     * Watch notifications happen inside the store's write, before this request's own "admitted" and
     * "stored" events; they are held back until those are out, so the events read in the order a
     * student expects.
     */
    private final java.util.ArrayDeque<Runnable> heldNotifications = new java.util.ArrayDeque<>();
    private int requestsInFlight;

    public ApiResponse handle(ApiRequest r) {
        synchronized (heldNotifications) {
            requestsInFlight++;
        }
        try {
            return handleNow(r, false);
        } finally {
            releaseNotifications();
        }
    }

    private void releaseNotifications() {
        List<Runnable> ready;
        synchronized (heldNotifications) {
            if (--requestsInFlight > 0) {
                return;
            }
            ready = new java.util.ArrayList<>(heldNotifications);
            heldNotifications.clear();
        }
        ready.forEach(Runnable::run);
    }

    private ApiResponse handleNow(ApiRequest r, boolean authorized) {
        if (EventsApi.serves(r.type())) {
            checkRunning();
            // Authorized as events.k8s.io, as Kubernetes does; the core events underneath are ours to read.
            authorize(r, ObjectMeta.reference("Event", r.namespace(), r.name()));
            try {
                List<String> warnings = checkEventsV1Body(r);
                ApiResponse response = EventsApi.fromCore(handleNow(EventsApi.toCore(r,
                        core -> handleNow(core, true).body(), patcher), true));
                return warnings.isEmpty() ? response : new ApiResponse(response.code(), response.body(), warnings);
            } catch (StatusException e) {
                throw EventsApi.asEventsError(e);
            } catch (RuntimeException e) {
                LOG.error("{} events.k8s.io {}/{} failed", r.verb(), r.namespace(), r.name(), e);
                throw new StatusException(Status.internalError(String.valueOf(e.getMessage())));
            }
        }
        if (HpaApi.serves(r.type())) {
            return handleHpaV1(r);
        }
        // A create names its object in the body: the trip is narrated with that name.
        String object = ObjectMeta.reference(r.type().kind(), r.namespace(),
                r.name().isEmpty() && r.verb() == ApiRequest.Verb.CREATE ? bodyName(r) : r.name());
        checkRunning();
        events.authenticated(r, object);
        try {
            if (!authorized) {
                authorize(r, object);
            }
            if (r.subresource().equals("status") && !r.type().hasSubresource("status")) {
                throw new StatusException(new Status(404, "NotFound", "the server could not find the requested resource",
                        Optional.empty()));
            }
            boolean finalize = r.subresource().equals("finalize") && r.type().hasSubresource("finalize")
                    && r.verb() == ApiRequest.Verb.UPDATE;
            if (!r.subresource().isEmpty() && !r.subresource().equals("status") && !finalize) {
                ApiResponse response = subresources.handle(r);
                if (r.verb() == ApiRequest.Verb.GET) {
                    events.read(r, object);
                } else {
                    events.stored(r, object, r.subresource(), store.revision());
                }
                return response;
            }
            if (r.type().createOnly()) {
                return computed(r);
            }
            FieldManagers.checkOptions(r);
            if (MetricsApi.serves(r.type())) {
                events.read(r, object);
                return metrics.handle(r);
            }
            return switch (r.verb()) {
                case GET -> {
                    events.read(r, object);
                    yield ApiResponse.ok(registry.get(r));
                }
                case LIST -> {
                    events.read(r, object);
                    yield ApiResponse.ok(list(r));
                }
                case CREATE -> create(r);
                case UPDATE -> {
                    ObjectNode body = requireObject(r);
                    List<String> warnings = decode(r, body);
                    ApiResponse response = write(r, body, "updated");
                    yield new ApiResponse(response.code(), response.body(), warnings);
                }
                case PATCH -> {
                    if (r.patchType() == ApiRequest.PatchType.APPLY) {
                        yield serverSideApply(r);
                    }
                    Patcher.Patched patched = patcher.apply(r, registry.get(r));
                    ApiResponse response = write(r, patched.object(), "patched");
                    yield new ApiResponse(response.code(), response.body(), patched.warnings());
                }
                case DELETE -> delete(r);
                case DELETECOLLECTION -> deleteCollection(r);
                case WATCH -> throw new IllegalArgumentException("watch through ApiServer.watch");
            };
        } catch (InvalidObject e) {
            throw reject(r, object, new StatusException(Status.invalid(r.type().group(), r.type().kind(),
                    r.name().isEmpty() ? bodyName(r) : r.name(), e.causes())));
        } catch (StatusException e) {
            throw reject(r, object, e);
        } catch (StoreException e) {
            throw reject(r, object, StoreErrors.toStatus(e, r.groupResource(), r.name()));
        } catch (RuntimeException e) {
            // A bug of ours must reach the client as Kubernetes reports its own: a 500, never a crash.
            LOG.error("{} {} {}/{} failed", r.verb(), r.type().groupResource(), r.namespace(), r.name(), e);
            throw reject(r, object, new StatusException(Status.internalError(String.valueOf(e.getMessage()))));
        }
    }

    private ApiResponse computed(ApiRequest r) {
        CreateOnly handler = createOnly.get(r.type().group() + "/" + r.type().resource());
        if (r.verb() != ApiRequest.Verb.CREATE || handler == null) {
            throw new StatusException(Status.methodNotAllowed(r.groupResource(), r.verb().word()));
        }
        return ApiResponse.created(handler.create(r, requireObject(r)));
    }

    /**
     * The user a request acts as under {@code --as}/{@code --as-group}: allowed only if the requester may
     * {@code impersonate} that user (or service account) and each group, as kube-apiserver's filter checks.
     */
    public UserInfo impersonate(UserInfo requester, String user, List<String> groups) {
        checkRunning();
        if (!requester.isSuperuser()) {
            if (user.startsWith("system:serviceaccount:") && user.split(":").length == 4) {
                String[] parts = user.split(":");
                checkImpersonation(requester, IMPERSONATED_SERVICE_ACCOUNTS, parts[2], parts[3]);
            } else {
                checkImpersonation(requester, IMPERSONATED_USERS, "", user);
            }
            for (String group : groups) {
                checkImpersonation(requester, IMPERSONATED_GROUPS, "", group);
            }
        }
        return UserInfo.impersonated(user, groups);
    }

    private static final ResourceType IMPERSONATED_USERS = new ResourceType("", "v1", "User", "users", "user", false,
            List.of(), List.of(), List.of("impersonate"), List.of());
    private static final ResourceType IMPERSONATED_GROUPS = new ResourceType("", "v1", "Group", "groups", "group",
            false, List.of(), List.of(), List.of("impersonate"), List.of());
    private static final ResourceType IMPERSONATED_SERVICE_ACCOUNTS = new ResourceType("", "v1", "ServiceAccount",
            "serviceaccounts", "serviceaccount", true, List.of(), List.of(), List.of("impersonate"), List.of());

    private void checkImpersonation(UserInfo requester, ResourceType type, String namespace, String name) {
        Optional<String> why = authorizer.deny(requester, "impersonate", type, "", namespace, name);
        if (why.isPresent()) {
            throw new StatusException(Status.forbidden(new GroupResource("", type.resource()), name, why.get()));
        }
    }

    /**
     * autoscaling/v1: authorized as itself (the same group and resource as v2), its body decoded strictly
     * in v1, then served by the stored autoscaling/v2 objects through {@link HpaConversion}.
     */
    private ApiResponse handleHpaV1(ApiRequest r) {
        checkRunning();
        authorize(r, ObjectMeta.reference(r.type().kind(), r.namespace(), r.name()));
        List<String> warnings = (r.verb() == ApiRequest.Verb.CREATE || r.verb() == ApiRequest.Verb.UPDATE)
                && r.body().isPresent() && r.body().get() instanceof ObjectNode body ? decode(r, body) : List.of();
        ApiResponse response;
        try {
            response = HpaApi.fromStored(handleNow(HpaApi.toStored(r, stored -> handleNow(stored, true).body(),
                    patcher), true));
        } catch (StatusException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("{} autoscaling/v1 {}/{} failed", r.verb(), r.namespace(), r.name(), e);
            throw new StatusException(Status.internalError(String.valueOf(e.getMessage())));
        }
        if (warnings.isEmpty()) {
            return response;
        }
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(response.warnings());
        return new ApiResponse(response.code(), response.body(), all);
    }

    /**
     * An events.k8s.io body is decoded and validated in its own version before it is converted to the core
     * form, so its own rules (a required eventTime, reportingController...) and its unknown fields count.
     */
    private List<String> checkEventsV1Body(ApiRequest r) {
        if ((r.verb() != ApiRequest.Verb.CREATE && r.verb() != ApiRequest.Verb.UPDATE) || r.body().isEmpty()
                || !(r.body().get() instanceof ObjectNode body)) {
            return List.of();
        }
        List<String> warnings = decode(r, body);
        ObjectNode event = body.deepCopy();
        GoNulls.strip(event);
        if (ObjectMeta.namespace(event).isEmpty()) {
            ObjectMeta.of(event).put("namespace", r.namespace());
        }
        pipeline.defaulter().apply(event);
        List<Status.Cause> causes = r.verb() == ApiRequest.Verb.CREATE ? pipeline.validator().validateCreate(event)
                : pipeline.validator().validateUpdate(event, EventConversion.toEventsV1(registry.get(
                new ApiRequest(r.user(), ApiRequest.Verb.GET, EventsApi.CORE, r.namespace(), r.name(), "",
                        Optional.empty(), ApiRequest.PatchType.NONE, r.options()))));
        if (!causes.isEmpty()) {
            throw new StatusException(Status.invalid("events.k8s.io", "Event", ObjectMeta.name(event), causes));
        }
        return warnings;
    }

    /**
     * Strict decoding of a create or update body (type errors, unknown fields, depth). The simulation's own
     * components build their objects from the same schemas' fields, as Kubernetes' components build typed
     * Go structs, so their bodies cannot fail it and skip it: it was a tenth of a request's cost.
     */
    private static List<String> decode(ApiRequest r, ObjectNode body) {
        if (r.user().isComponent()) {
            return List.of();
        }
        return StrictDecoding.check(body, r.type(), r.options().fieldValidation());
    }

    private StatusException reject(ApiRequest r, String object, StatusException e) {
        events.rejected(r, object, e.status());
        return e;
    }

    private void checkRunning() {
        if (!running) {
            throw new StatusException(Status.serviceUnavailable("the simulated kube-apiserver is stopped"));
        }
    }

    private void authorize(ApiRequest r, String object) {
        if (!r.user().isSuperuser()) {
            Optional<String> why = authorizer.deny(r.user(), r.verb().word(), r.type(), r.subresource(),
                    r.namespace(), r.name());
            if (why.isPresent()) {
                events.forbidden(r, object, why.get());
                throw new StatusException(Status.forbidden(subresourceResource(r), r.name(), why.get()));
            }
        }
        events.authorized(r, object);
    }

    private static GroupResource subresourceResource(ApiRequest r) {
        String resource = r.subresource().isEmpty() ? r.type().resource() : r.type().resource() + "/" + r.subresource();
        return new GroupResource(r.type().group(), resource);
    }

    private ApiResponse create(ApiRequest r) {
        ObjectNode body = requireObject(r);
        List<String> warnings = decode(r, body);
        ObjectNode stored = registry.create(r, body);
        String object = ObjectMeta.reference(r.type().kind(), r.namespace(), ObjectMeta.name(stored));
        finishWrite(r, object, stored, "stored");
        return new ApiResponse(201, stored, warnings);
    }

    /**
     * A server-side apply: the configuration merged into the live object by the field manager, then written
     * through the normal update path, or created (201) when there is no such object yet.
     */
    private ApiResponse serverSideApply(ApiRequest r) {
        JsonNode body = r.body().orElseThrow(() -> new StatusException(Status.badRequest("the body of the request was empty")));
        if (!(body instanceof ObjectNode config)) {
            throw new StatusException(Status.badRequest("error decoding YAML: error unmarshaling JSON: while decoding "
                    + "JSON: json: cannot unmarshal " + (body.isArray() ? "array" : "string")
                    + " into Go value of type map[string]interface {}"));
        }
        Optional<ObjectNode> live = registry.get(r.type(), r.namespace(), r.name());
        if (live.isEmpty() && !r.subresource().isEmpty()) {
            throw new StatusException(Status.notFound(r.groupResource(), r.name()));
        }
        ObjectNode applied = registry.fieldManager().apply(r, live, config, r.subresource());
        if (live.isPresent()) {
            List<String> warnings = decode(r.withBody(config), config.deepCopy());
            ApiResponse response = write(r, applied, "patched");
            return new ApiResponse(response.code(), response.body(), warnings);
        }
        String bodyName = ObjectMeta.name(applied);
        if (!bodyName.equals(r.name())) {
            throw new StatusException(Status.badRequest("the name of the object (" + bodyName
                    + ") does not match the name on the URL (" + r.name() + ")"));
        }
        return create(new ApiRequest(r.user(), ApiRequest.Verb.CREATE, r.type(), r.namespace(), r.name(), "",
                Optional.of(applied), ApiRequest.PatchType.APPLY, r.options()));
    }

    private ApiResponse write(ApiRequest r, ObjectNode body, String action) {
        String bodyName = ObjectMeta.name(body);
        if (!bodyName.isEmpty() && !bodyName.equals(r.name())) {
            throw new StatusException(Status.badRequest("the name of the object (" + bodyName
                    + ") does not match the name on the URL (" + r.name() + ")"));
        }
        ObjectMeta.of(body).put("name", r.name());
        ObjectNode stored = registry.update(r, body);
        finishWrite(r, ObjectMeta.reference(r.type().kind(), r.namespace(), r.name()), stored, action);
        return ApiResponse.ok(stored);
    }

    private void finishWrite(ApiRequest r, String object, ObjectNode stored, String action) {
        events.admitted(r, object, pipeline.admissionNames());
        if (r.options().dryRun()) {
            events.dryRun(r, object);
        } else {
            events.stored(r, object, action, Long.parseLong(ObjectMeta.resourceVersion(stored).isEmpty() ? "0"
                    : ObjectMeta.resourceVersion(stored)));
        }
    }

    private ApiResponse delete(ApiRequest r) {
        String object = ObjectMeta.reference(r.type().kind(), r.namespace(), r.name());
        ObjectNode before = registry.get(r);
        ObjectNode result = registry.delete(r);
        if (!r.options().dryRun()) {
            boolean gone = store.get(Registry.key(r.type(), r.namespace(), r.name())).isEmpty();
            events.stored(r, object, gone ? "deleted" : "terminating", store.revision());
        }
        if (result == null) {
            return ApiResponse.ok(Registry.successStatus(r.type(), r.name(), ObjectMeta.uid(before)));
        }
        return ApiResponse.ok(result);
    }

    private ApiResponse deleteCollection(ApiRequest r) {
        ListResult items = store.list(Registry.prefix(r.type(), r.namespace()), ListOptions.matching(predicate(r)));
        ObjectNode out = listObject(r.type(), items);
        for (ObjectNode item : items.items()) {
            try {
                registry.delete(new ApiRequest(r.user(), ApiRequest.Verb.DELETE, r.type(), ObjectMeta.namespace(item),
                        ObjectMeta.name(item), "", Optional.empty(), ApiRequest.PatchType.NONE, r.options()));
            } catch (StatusException e) {
                if (e.status().code() != 404) {
                    throw e;
                }
            }
        }
        return ApiResponse.ok(out);
    }

    private ObjectNode list(ApiRequest r) {
        ListOptions options = ListOptions.matching(predicate(r));
        if (r.options().limit() > 0) {
            options = options.withLimit(r.options().limit());
        }
        if (r.options().continueToken().isPresent()) {
            options = options.withContinue(r.options().continueToken().get());
        }
        if (r.options().sharedObjects()) {
            return sharedListObject(r.type(), store.list(Registry.prefix(r.type(), r.namespace()),
                    options.sharedObjects()));
        }
        return listObject(r.type(), store.list(Registry.prefix(r.type(), r.namespace()), options));
    }

    /** {@link #listObject} over the stored objects themselves: nothing is removed from them, nothing copied. */
    private static ObjectNode sharedListObject(ResourceType type, ListResult result) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("kind", type.kind() + "List").put("apiVersion", type.apiVersion());
        ObjectNode metadata = out.putObject("metadata");
        metadata.put("resourceVersion", Long.toString(result.revision()));
        result.continueToken().ifPresent(t -> metadata.put("continue", t));
        result.remainingItemCount().ifPresent(n -> metadata.put("remainingItemCount", n));
        ArrayNode items = out.putArray("items");
        result.items().forEach(items::add);
        return out;
    }

    /** The {@code <Kind>List}; items carry no apiVersion and kind, as in Kubernetes' typed lists. */
    static ObjectNode listObject(ResourceType type, ListResult result) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("kind", type.kind() + "List").put("apiVersion", type.apiVersion());
        ObjectNode metadata = out.putObject("metadata");
        metadata.put("resourceVersion", Long.toString(result.revision()));
        result.continueToken().ifPresent(t -> metadata.put("continue", t));
        result.remainingItemCount().ifPresent(n -> metadata.put("remainingItemCount", n));
        ArrayNode items = out.putArray("items");
        for (ObjectNode item : result.items()) {
            item.remove("apiVersion");
            item.remove("kind");
            items.add(item);
        }
        return out;
    }

    /**
     * Watches a resource as a list-then-watch client does. {@code resourceVersion} "" or "0" starts with the
     * current objects as ADDED; a number resumes after that revision (410 Gone if compacted).
     */
    public Store.Watch watch(ApiRequest r, Consumer<WatchEvent> sink) {
        return watch(r, false, sink);
    }

    /**
     * A watch whose events' objects are shared with the other shared watches of the same change (an informer's
     * read-only cache): {@code sink} must not change them. Spares a copy of every change per watcher.
     */
    public Store.Watch watchShared(ApiRequest r, Consumer<WatchEvent> sink) {
        return watch(r, true, sink);
    }

    private Store.Watch watch(ApiRequest r, boolean shared, Consumer<WatchEvent> sink) {
        checkRunning();
        String object = ObjectMeta.reference(r.type().kind(), r.namespace(), r.name());
        events.authenticated(r, object);
        authorize(r, object);
        if (EventsApi.serves(r.type())) {
            return watchNow(EventsApi.toCore(r, registry::get, patcher), shared, EventsApi.converting(sink));
        }
        if (HpaApi.serves(r.type())) {
            return watchNow(HpaApi.toStored(r, registry::get, patcher), shared, HpaApi.converting(sink));
        }
        return watchNow(r, shared, sink);
    }

    private Store.Watch watchNow(ApiRequest r, boolean shared, Consumer<WatchEvent> sink) {
        String rv = r.options().resourceVersion();
        long from;
        try {
            from = rv.isEmpty() ? 0 : Long.parseLong(rv);
        } catch (NumberFormatException e) {
            throw new StatusException(Status.badRequest("invalid resource version: " + rv));
        }
        String watcher = RequestEvents.component(r.user());
        String node = RequestEvents.node(r.user());
        Consumer<WatchEvent> notifying = event -> {
            if (event.type() != WatchEvent.Type.BOOKMARK) {
                String ref = ObjectMeta.reference(r.type().kind(), ObjectMeta.namespace(event.object()),
                        ObjectMeta.name(event.object()));
                String type = event.type().name().toLowerCase(java.util.Locale.ROOT);
                Runnable note = () -> events.notified(watcher, node, ref, type, r.type().kind());
                synchronized (heldNotifications) {
                    if (requestsInFlight > 0) {
                        heldNotifications.add(note);
                        note = null;
                    }
                }
                if (note != null) {
                    note.run();
                }
            }
            sink.accept(event);
        };
        try {
            return store.watch(Registry.prefix(r.type(), r.namespace()), from, predicate(r),
                    r.options().allowWatchBookmarks(), shared, notifying);
        } catch (StoreException e) {
            throw StoreErrors.toStatus(e, r.groupResource(), r.name());
        }
    }

    private SelectionPredicate predicate(ApiRequest r) {
        LabelSelector labels;
        FieldSelector fields;
        try {
            labels = LabelSelector.parse(r.options().labelSelector());
        } catch (LabelSelector.ParseException e) {
            throw new StatusException(Status.badRequest(e.getMessage()));
        }
        try {
            fields = FieldSelector.parse(r.options().fieldSelector());
        } catch (FieldSelector.ParseException e) {
            throw new StatusException(Status.badRequest(e.getMessage()));
        }
        if (!r.name().isEmpty()) {
            fields = FieldSelector.parse(join(r.options().fieldSelector(), "metadata.name=" + r.name()));
        }
        Strategy strategy = Strategies.of(r.type());
        boolean namespaced = r.type().namespaced();
        Map<String, String> supported = strategy.fields(JsonNodeFactory.instance.objectNode(), namespaced);
        for (FieldSelector.Term term : fields.terms()) {
            if (!supported.containsKey(term.field())) {
                throw new StatusException(Status.badRequest("field label not supported: " + term.field()));
            }
        }
        if (fields.isEmpty()) {
            return new SelectionPredicate(labels, fields, o -> strategy.fields(o, namespaced));
        }
        return new SelectionPredicate(labels, fields,
                fieldsMemos.computeIfAbsent(r.type(), t -> new FieldsMemo(o -> strategy.fields(o, namespaced))));
    }

    /** Per kind, the fields of the objects a write is being checked against every field-selecting watch with. */
    private final Map<ResourceType, FieldsMemo> fieldsMemos = new java.util.concurrent.ConcurrentHashMap<>();

    private static String join(String selector, String term) {
        return selector.isEmpty() ? term : selector + "," + term;
    }

    private static ObjectNode requireObject(ApiRequest r) {
        JsonNode body = r.body().orElseThrow(() -> new StatusException(Status.badRequest("the body of the request was empty")));
        if (!(body instanceof ObjectNode object)) {
            throw new StatusException(Status.badRequest("Object 'Kind' is missing in '" + body + "'"));
        }
        ObjectNode copy = object.deepCopy();
        checkTypeMeta(r, copy);
        checkNamespace(r, copy);
        return copy;
    }

    private static void checkTypeMeta(ApiRequest r, ObjectNode object) {
        String kind = object.path("kind").asText("");
        if (kind.isEmpty()) {
            throw new StatusException(Status.badRequest("Object 'Kind' is missing in '" + object + "'"));
        }
        String apiVersion = object.path("apiVersion").asText("");
        if (!apiVersion.equals(r.type().apiVersion())) {
            throw new StatusException(Status.badRequest("the API version in the data (" + apiVersion
                    + ") does not match the expected API version (" + r.type().apiVersion() + ")"));
        }
        if (!kind.equals(r.type().kind()) && !r.subresource().equals("status")) {
            throw new StatusException(Status.badRequest("the kind in the data (" + kind
                    + ") does not match the expected kind (" + r.type().kind() + ")"));
        }
    }

    private static void checkNamespace(ApiRequest r, ObjectNode object) {
        ObjectNode metadata = ObjectMeta.of(object);
        if (!r.type().namespaced()) {
            metadata.remove("namespace");
            return;
        }
        String namespace = metadata.path("namespace").asText("");
        if (!namespace.isEmpty() && !namespace.equals(r.namespace())) {
            throw new StatusException(Status.badRequest(
                    "the namespace of the provided object does not match the namespace sent on the request"));
        }
        metadata.put("namespace", r.namespace());
    }

    private static String bodyName(ApiRequest r) {
        return r.body().map(ObjectMeta::name).orElse("");
    }

    /**
     * {@code GET pods/<name>/log}: a container's log as text, after the same checks kube-apiserver and the
     * kubelet make. A pod not yet on a node has no log yet and answers empty, as Kubernetes does.
     */
    public String podLog(ApiRequest r, LogOptions options) {
        ObjectNode pod = logTarget(r, options);
        String container = PodLogReader.container(pod, options.container());
        if (pod.path("spec").path("nodeName").asText("").isEmpty()) {
            return "";
        }
        boolean previous = PodLogReader.instance(pod, container, options.previous());
        return PodLogReader.render(logs.read(r.namespace(), r.name(), container, previous), options, clock.get());
    }

    /**
     * {@code kubectl logs -f}: what {@link #podLog} answers, then every new line as the runtime writes it,
     * until the returned handle is run.
     */
    public Runnable followPodLog(ApiRequest r, LogOptions options, Consumer<String> sink) {
        ObjectNode pod = logTarget(r, options);
        String container = PodLogReader.container(pod, options.container());
        if (pod.path("spec").path("nodeName").asText("").isEmpty()) {
            return () -> { };
        }
        boolean previous = PodLogReader.instance(pod, container, options.previous());
        String backlog = PodLogReader.render(logs.read(r.namespace(), r.name(), container, previous), options,
                clock.get());
        if (!backlog.isEmpty()) {
            sink.accept(backlog);
        }
        return logs.follow(r.namespace(), r.name(), container, PodLogReader.following(options, sink));
    }

    private ObjectNode logTarget(ApiRequest r, LogOptions options) {
        ApiRequest read = new ApiRequest(r.user(), ApiRequest.Verb.GET, r.type(), r.namespace(), r.name(), "log",
                Optional.empty(), ApiRequest.PatchType.NONE, r.options());
        checkRunning();
        String object = ObjectMeta.reference("Pod", r.namespace(), r.name());
        events.authenticated(read, object);
        authorize(read, object);
        PodLogReader.validate(r.name(), options);
        ObjectNode pod = registry.get(read);
        events.read(read, object);
        return pod;
    }

    /** A stored object read without a request: for components' caches and tests. */
    public Optional<ObjectNode> peek(ResourceType type, String namespace, String name) {
        return registry.get(type, namespace, name);
    }

    public List<ObjectNode> peekAll(ResourceType type, String namespace) {
        return registry.inNamespace(type, namespace);
    }
}
