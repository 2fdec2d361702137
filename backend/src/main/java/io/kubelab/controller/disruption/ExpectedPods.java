package io.kubelab.controller.disruption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.StatusException;
import io.kubelab.controller.Informers;
import io.kubelab.controller.OwnerRefs;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How many pods a budget expects ({@code getExpectedPodCount}, {@code getExpectedScale}): with an integer
 * {@code minAvailable} the pods it selects; otherwise the summed scale of the pods' controllers, found as
 * Kubernetes' finders find them (ReplicationController, the Deployment above a ReplicaSet, a ReplicaSet of
 * its own, StatefulSet, then any owner through its {@code scale} subresource).
 */
final class ExpectedPods {

    /** What the sync works from: expected and desired counts, and the pods no controller owns. */
    record Counts(int expected, int desiredHealthy, List<String> unmanaged) {
    }

    /** A count that cannot be made, with Kubernetes' message. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }

    /** ReplicationControllers are not served by the sandbox (yet): a pod they own is counted through its scale. */
    static final Optional<ResourceType> RCS = ResourceTypes.byKind("v1", "ReplicationController");
    static final ResourceType RSS = ResourceTypes.of("apps/v1", "ReplicaSet");
    static final ResourceType DEPLOYMENTS = ResourceTypes.of("apps/v1", "Deployment");
    static final ResourceType STATEFULSETS = ResourceTypes.of("apps/v1", "StatefulSet");

    private final ApiServer api;
    private final Informers informers;

    ExpectedPods(ApiServer api, Informers informers) {
        this.api = api;
        this.informers = informers;
    }

    Counts count(ObjectNode pdb, List<ObjectNode> pods) throws Failure {
        JsonNode spec = pdb.path("spec");
        if (spec.hasNonNull("maxUnavailable")) {
            Scale scale = scale(pods);
            int maxUnavailable = scaled(spec.path("maxUnavailable"), scale.total);
            return new Counts(scale.total, Math.max(0, scale.total - maxUnavailable), scale.unmanaged);
        }
        if (spec.hasNonNull("minAvailable")) {
            if (spec.path("minAvailable").isNumber()) {
                return new Counts(pods.size(), spec.path("minAvailable").asInt(), List.of());
            }
            Scale scale = scale(pods);
            return new Counts(scale.total, scaled(spec.path("minAvailable"), scale.total), scale.unmanaged);
        }
        return new Counts(0, 0, List.of());
    }

    /** {@code GetScaledValueFromIntOrPercent} rounding up. */
    static int scaled(JsonNode value, int total) throws Failure {
        if (value.isNumber()) {
            return value.asInt();
        }
        String text = value.asText();
        if (!text.endsWith("%")) {
            throw new Failure("invalid value for IntOrString: invalid value \"" + text + "\"");
        }
        try {
            int percent = Integer.parseInt(text.substring(0, text.length() - 1));
            return (int) Math.ceil(percent * (double) total / 100);
        } catch (NumberFormatException e) {
            throw new Failure("invalid value for IntOrString: invalid value \"" + text + "\"");
        }
    }

    private record Scale(int total, List<String> unmanaged) {
    }

    private Scale scale(List<ObjectNode> pods) throws Failure {
        Map<String, Integer> byController = new LinkedHashMap<>();
        List<String> unmanaged = new ArrayList<>();
        for (ObjectNode pod : pods) {
            Optional<JsonNode> ref = OwnerRefs.controllerOf(pod);
            if (ref.isEmpty()) {
                unmanaged.add(pod.path("metadata").path("name").asText());
                continue;
            }
            if (byController.containsKey(ref.get().path("uid").asText())) {
                continue;
            }
            String namespace = pod.path("metadata").path("namespace").asText();
            Optional<Map.Entry<String, Integer>> found = find(ref.get(), namespace);
            if (found.isEmpty()) {
                throw new Failure("found no controllers for pod \"" + pod.path("metadata").path("name").asText() + "\"");
            }
            byController.put(found.get().getKey(), found.get().getValue());
        }
        int total = byController.values().stream().mapToInt(Integer::intValue).sum();
        return new Scale(total, unmanaged);
    }

    private Optional<Map.Entry<String, Integer>> find(JsonNode ref, String namespace) throws Failure {
        String kind = ref.path("kind").asText();
        String group = group(ref.path("apiVersion").asText());
        if (kind.equals("ReplicationController") && group.isEmpty() && RCS.isPresent()) {
            return owned(RCS.get(), namespace, ref);
        }
        if (kind.equals("ReplicaSet") && (group.equals("apps") || group.equals("extensions"))) {
            Optional<ObjectNode> rs = object(RSS, namespace, ref);
            if (rs.isEmpty()) {
                return scaleOf(ref, namespace);
            }
            Optional<JsonNode> owner = OwnerRefs.controllerOf(rs.get());
            if (owner.isPresent() && owner.get().path("kind").asText().equals("Deployment")) {
                return owned(DEPLOYMENTS, namespace, owner.get());
            }
            return Optional.of(Map.entry(ref.path("uid").asText(), replicas(rs.get())));
        }
        if (kind.equals("StatefulSet") && group.equals("apps")) {
            return owned(STATEFULSETS, namespace, ref);
        }
        return scaleOf(ref, namespace);
    }

    private Optional<Map.Entry<String, Integer>> owned(ResourceType type, String namespace, JsonNode ref) {
        return object(type, namespace, ref).map(o -> Map.entry(ref.path("uid").asText(), replicas(o)));
    }

    private Optional<ObjectNode> object(ResourceType type, String namespace, JsonNode ref) {
        return informers.of(type).get(namespace + "/" + ref.path("name").asText())
                .filter(o -> o.path("metadata").path("uid").asText().equals(ref.path("uid").asText()));
    }

    /** {@code getScaleController}: any other owner, through its scale subresource. */
    private Optional<Map.Entry<String, Integer>> scaleOf(JsonNode ref, String namespace) throws Failure {
        Optional<ResourceType> type = ResourceTypes.byKind(ref.path("apiVersion").asText(), ref.path("kind").asText());
        if (type.isEmpty()) {
            throw new Failure("no matches for kind \"" + ref.path("kind").asText() + "\" in version \""
                    + ref.path("apiVersion").asText() + "\"");
        }
        if (!type.get().hasSubresource("scale")) {
            throw new Failure(type.get().groupResource() + " does not implement the scale subresource");
        }
        try {
            JsonNode scale = api.handle(ApiRequest.of(Informers.CONTROLLER_MANAGER, ApiRequest.Verb.GET, type.get(), namespace,
                    ref.path("name").asText()).withSubresource("scale")).body();
            if (!scale.path("metadata").path("uid").asText().equals(ref.path("uid").asText())) {
                return Optional.empty();
            }
            return Optional.of(Map.entry(ref.path("uid").asText(), scale.path("spec").path("replicas").asInt(0)));
        } catch (StatusException e) {
            if (e.status().code() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static int replicas(JsonNode workload) {
        return workload.path("spec").path("replicas").asInt(1);
    }

    private static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
