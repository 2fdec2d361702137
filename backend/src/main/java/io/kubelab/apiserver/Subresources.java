package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.model.LabelSelector;
import io.kubelab.model.ResourceTypes;
import io.kubelab.store.Store;
import io.kubelab.store.StoreException;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The subresources with their own shapes: {@code scale} (an autoscaling/v1 Scale over a workload's
 * replicas), {@code binding} (the scheduler's placement of a pod) and {@code eviction} (a delete that
 * honours PodDisruptionBudgets).
 */
final class Subresources {

    private final Registry registry;
    private final Store store;
    private final Patcher patcher;
    private final Supplier<java.time.Instant> clock;

    Subresources(Registry registry, Store store, Patcher patcher, Supplier<java.time.Instant> clock) {
        this.registry = registry;
        this.store = store;
        this.patcher = patcher;
        this.clock = clock;
    }

    ApiResponse handle(ApiRequest r) {
        String sub = r.subresource();
        if (sub.equals("scale") && r.type().hasSubresource("scale")) {
            return scale(r);
        }
        if (sub.equals("binding") && r.type().resource().equals("pods") && r.verb() == ApiRequest.Verb.CREATE) {
            return bind(r);
        }
        if (sub.equals("eviction") && r.type().resource().equals("pods") && r.verb() == ApiRequest.Verb.CREATE) {
            return evict(r);
        }
        if (r.type().hasSubresource(sub)) {
            throw new StatusException(Status.methodNotAllowed(new GroupResource(r.type().group(),
                    r.type().resource() + "/" + sub), r.verb().word()));
        }
        throw new StatusException(new Status(404, "NotFound", "the server could not find the requested resource",
                Optional.empty()));
    }

    // ---- scale ----------------------------------------------------------------------------------------------

    private ApiResponse scale(ApiRequest r) {
        ObjectNode parent = registry.get(r);
        switch (r.verb()) {
            case GET:
                return ApiResponse.ok(scaleOf(parent));
            case UPDATE:
            case PATCH:
                ObjectNode current = scaleOf(parent);
                ObjectNode wanted = r.verb() == ApiRequest.Verb.PATCH ? patcher.apply(r, current).object()
                        : requireScale(r);
                String rv = ObjectMeta.resourceVersion(wanted);
                if (!rv.isEmpty() && !rv.equals(ObjectMeta.resourceVersion(parent))) {
                    throw new StatusException(Status.conflict(new GroupResource(r.type().group(), r.type().resource()),
                            r.name()));
                }
                long replicas = wanted.path("spec").path("replicas").asLong(0);
                if (replicas < 0) {
                    throw new StatusException(Status.invalid("autoscaling", "Scale", r.name(), List.of(
                            new Status.Cause("FieldValueInvalid", "Invalid value: " + replicas
                                    + ": must be greater than or equal to 0", "spec.replicas"))));
                }
                ObjectNode updated = parent.deepCopy();
                updated.with("spec").put("replicas", replicas);
                ApiRequest main = new ApiRequest(r.user(), ApiRequest.Verb.UPDATE, r.type(), r.namespace(), r.name(), "",
                        Optional.of(updated), ApiRequest.PatchType.NONE, r.options());
                return ApiResponse.ok(scaleOf(registry.update(main, updated, "scale")));
            default:
                throw new StatusException(Status.methodNotAllowed(new GroupResource(r.type().group(),
                        r.type().resource() + "/scale"), r.verb().word()));
        }
    }

    private static ObjectNode requireScale(ApiRequest r) {
        JsonNode body = r.body().orElseThrow(() -> new StatusException(Status.badRequest("the body of the request was empty")));
        if (!body.isObject() || !body.path("kind").asText().equals("Scale")) {
            throw new StatusException(Status.badRequest("the kind in the data (" + body.path("kind").asText()
                    + ") does not match the expected kind (Scale)"));
        }
        return (ObjectNode) body;
    }

    static ObjectNode scaleOf(ObjectNode parent) {
        ObjectNode scale = JsonNodeFactory.instance.objectNode();
        scale.put("kind", "Scale").put("apiVersion", "autoscaling/v1");
        ObjectNode metadata = scale.putObject("metadata");
        JsonNode source = parent.path("metadata");
        for (String field : new String[]{"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
            if (source.has(field)) {
                metadata.set(field, source.get(field).deepCopy());
            }
        }
        ObjectNode spec = scale.putObject("spec");
        long replicas = parent.path("spec").path("replicas").asLong(0);
        if (replicas != 0) {
            spec.put("replicas", replicas);
        }
        ObjectNode status = scale.putObject("status");
        status.put("replicas", parent.path("status").path("replicas").asLong(0));
        String selector = LabelSelector.fromJson(parent.path("spec").path("selector")).toString();
        if (!selector.isEmpty()) {
            status.put("selector", selector);
        }
        return scale;
    }

    // ---- binding --------------------------------------------------------------------------------------------

    private ApiResponse bind(ApiRequest r) {
        JsonNode body = r.body().orElseThrow(() -> new StatusException(Status.badRequest("the body of the request was empty")));
        String node = body.path("target").path("name").asText("");
        String name = body.path("metadata").path("name").asText(r.name());
        GroupResource bindings = GroupResource.core("pods/binding");
        if (node.isEmpty()) {
            throw new StatusException(Status.invalid("", "Binding", name, List.of(
                    new Status.Cause("FieldValueRequired", "Required value", "target.name"))));
        }
        for (int attempt = 0; ; attempt++) {
            ObjectNode pod = registry.get(r);
            if (ObjectMeta.deleting(pod)) {
                throw new StatusException(Status.conflictWith(bindings, name, "pod " + name
                        + " is being deleted, cannot be assigned to a host"));
            }
            String assigned = pod.path("spec").path("nodeName").asText("");
            if (!assigned.isEmpty()) {
                throw new StatusException(Status.conflictWith(bindings, name, "pod " + name
                        + " is already assigned to node " + io.kubelab.model.FieldErrors.goQuote(assigned)));
            }
            pod.with("spec").put("nodeName", node);
            setCondition(pod, "PodScheduled", "True");
            if (r.options().dryRun()) {
                return new ApiResponse(201, success(201), List.of());
            }
            try {
                // The pod is this request's own copy, read above: the store may keep it.
                store.updateHandingOver(Registry.key(r.type(), r.namespace(), name), pod,
                        Long.parseLong(ObjectMeta.resourceVersion(pod)));
                return new ApiResponse(201, success(201), List.of());
            } catch (StoreException.Conflict e) {
                if (attempt > 3) {
                    throw StoreErrors.toStatus(e, r.groupResource(), name);
                }
            } catch (StoreException e) {
                throw StoreErrors.toStatus(e, r.groupResource(), name);
            }
        }
    }

    private void setCondition(ObjectNode pod, String type, String value) {
        ArrayNode conditions = pod.with("status").withArray("conditions");
        for (JsonNode condition : conditions) {
            if (condition.path("type").asText().equals(type)) {
                ObjectNode c = (ObjectNode) condition;
                if (!c.path("status").asText().equals(value)) {
                    c.put("status", value).put("lastTransitionTime", ObjectMeta.time(clock.get()));
                }
                c.remove(List.of("reason", "message"));
                return;
            }
        }
        ObjectNode c = conditions.addObject();
        c.putNull("lastProbeTime");
        c.put("lastTransitionTime", ObjectMeta.time(clock.get())).put("status", value).put("type", type);
    }

    // ---- eviction -------------------------------------------------------------------------------------------

    private ApiResponse evict(ApiRequest r) {
        String bodyName = r.body().map(b -> b.path("metadata").path("name").asText("")).orElse("");
        if (!bodyName.isEmpty() && !bodyName.equals(r.name())) {
            throw new StatusException(Status.badRequest("name in URL does not match name in Eviction object"));
        }
        ObjectNode pod = registry.get(r);
        String phase = pod.path("status").path("phase").asText("");
        boolean ignoresBudgets = phase.equals("Succeeded") || phase.equals("Failed") || phase.equals("Pending")
                || ObjectMeta.deleting(pod);
        if (!ignoresBudgets) {
            List<ObjectNode> budgets = registry.inNamespace(ResourceTypes.of("policy/v1", "PodDisruptionBudget"),
                    r.namespace()).stream().filter(b -> selects(b, pod)).toList();
            if (budgets.size() > 1) {
                // Kubernetes answers with a bare Status here: code 500, no reason.
                throw new StatusException(new Status(500, "", "This pod has more than one PodDisruptionBudget, which "
                        + "the eviction subresource does not support.", Optional.empty()));
            }
            if (budgets.size() == 1 && !(notReady(pod) && budgetHealthy(budgets.get(0)))) {
                useBudget(r, budgets.get(0));
            }
        }
        JsonNode deleteOptions = r.body().map(b -> b.path("deleteOptions")).orElse(JsonNodeFactory.instance.objectNode());
        RequestOptions options = r.options();
        if (deleteOptions.has("gracePeriodSeconds")) {
            options = options.withGracePeriod(deleteOptions.path("gracePeriodSeconds").asLong());
        }
        if (!r.options().dryRun()) {
            registry.delete(new ApiRequest(r.user(), ApiRequest.Verb.DELETE, r.type(), r.namespace(), r.name(), "",
                    Optional.empty(), ApiRequest.PatchType.NONE, options));
        }
        return new ApiResponse(201, success(201), List.of());
    }

    private static boolean notReady(ObjectNode pod) {
        for (JsonNode condition : pod.path("status").path("conditions")) {
            if (condition.path("type").asText().equals("Ready")) {
                return !condition.path("status").asText().equals("True");
            }
        }
        return true;
    }

    /** An unready pod may go without spending a disruption while the budget is met (IfHealthyBudget). */
    private static boolean budgetHealthy(ObjectNode budget) {
        JsonNode status = budget.path("status");
        return status.path("desiredHealthy").asInt(0) > 0
                && status.path("currentHealthy").asInt(0) >= status.path("desiredHealthy").asInt(0);
    }

    private void useBudget(ApiRequest r, ObjectNode budget) {
        JsonNode status = budget.path("status");
        if (status.path("observedGeneration").asLong(0) < budget.path("metadata").path("generation").asLong(0)) {
            throw new StatusException(new Status(429, "TooManyRequests",
                    "Cannot evict pod as it would violate the pod's disruption budget.",
                    Optional.of(new Status.Details("", "", "", List.of(new Status.Cause("DisruptionBudget",
                            "The disruption budget " + ObjectMeta.name(budget) + " is still being processed by the server.",
                            "")), 10))));
        }
        if (status.path("disruptionsAllowed").asInt(0) <= 0) {
            String message = "The disruption budget " + ObjectMeta.name(budget) + " needs "
                    + status.path("desiredHealthy").asInt(0) + " healthy pods and has "
                    + status.path("currentHealthy").asInt(0) + " currently";
            throw new StatusException(new Status(429, "TooManyRequests",
                    "Cannot evict pod as it would violate the pod's disruption budget.",
                    Optional.of(new Status.Details("", "", "", List.of(new Status.Cause("DisruptionBudget", message, "")),
                            0))));
        }
        if (r.options().dryRun()) {
            return;
        }
        ObjectNode updated = budget.deepCopy();
        ObjectNode newStatus = updated.with("status");
        newStatus.put("disruptionsAllowed", status.path("disruptionsAllowed").asInt() - 1);
        newStatus.with("disruptedPods").put(r.name(), ObjectMeta.time(clock.get()));
        try {
            store.update(Registry.key(ResourceTypes.of("policy/v1", "PodDisruptionBudget"), r.namespace(),
                    ObjectMeta.name(budget)), updated, Long.parseLong(ObjectMeta.resourceVersion(budget)));
        } catch (StoreException.Conflict e) {
            throw new StatusException(Status.tooManyRequests(
                    "Cannot evict pod as it would violate the pod's disruption budget.", 0));
        }
    }

    private static boolean selects(ObjectNode budget, ObjectNode pod) {
        JsonNode selector = budget.path("spec").path("selector");
        if (selector.isMissingNode() || selector.isNull()) {
            return false;
        }
        return LabelSelector.fromJson(selector).matches(io.kubelab.store.SelectionPredicate.labelsOf(pod));
    }

    static ObjectNode success(int code) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("kind", "Status").put("apiVersion", "v1");
        out.putObject("metadata");
        out.put("status", "Success").put("code", code);
        return out;
    }
}
