package io.kubelab.controller.resourcequota;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.admission.PodScopes;
import io.kubelab.apiserver.admission.ResourceQuotaAdmission;
import io.kubelab.model.Quantity;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A namespace's usage of what a ResourceQuota limits, as the quota evaluators count it: object counts
 * ({@code pods}, {@code services}, {@code count/deployments.apps}...), pods' compute requests and limits within
 * the quota's scopes (the pod rules are ResourceQuota admission's, reused), service node ports and load
 * balancers, and claims' storage, also per storage class.
 */
final class QuotaUsage {

    static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    static final ResourceType SERVICES = ResourceTypes.of("v1", "Service");
    static final ResourceType CLAIMS = ResourceTypes.of("v1", "PersistentVolumeClaim");
    /** The counts quotas name without {@code count/}; those of kinds the sandbox does not serve stay at 0. */
    static final Set<String> LEGACY_COUNTS = Set.of("pods", "services", "persistentvolumeclaims", "configmaps", "secrets",
            "replicationcontrollers", "resourcequotas");
    static final String CLASS_SUFFIX = ".storageclass.storage.k8s.io/";

    private QuotaUsage() {
    }

    /** The type a quota key counts objects of, if it names one. */
    static Optional<ResourceType> countedType(String key) {
        if (LEGACY_COUNTS.contains(key)) {
            return ResourceTypes.byGroupResource("", key);
        }
        if (key.startsWith("count/")) {
            String resource = key.substring("count/".length());
            int dot = resource.indexOf('.');
            return dot < 0 ? ResourceTypes.byGroupResource("", resource)
                    : ResourceTypes.byGroupResource(resource.substring(dot + 1), resource.substring(0, dot));
        }
        return Optional.empty();
    }

    /**
     * {@code status.used}: every key of {@code spec.hard} this simulation knows how to count, with its usage.
     * {@code objects} lists a type's objects in the quota's namespace.
     */
    static Map<String, Quantity> used(ObjectNode quota, Function<ResourceType, List<ObjectNode>> objects, Instant now) {
        boolean scoped = !quota.path("spec").path("scopes").isEmpty()
                || !quota.path("spec").path("scopeSelector").path("matchExpressions").isEmpty();
        Map<String, Quantity> used = new TreeMap<>();
        quota.path("spec").path("hard").fieldNames().forEachRemaining(key -> {
            Optional<Quantity> value = usage(key, quota, scoped, objects, now);
            value.ifPresent(v -> used.put(key, v));
        });
        return used;
    }

    private static Optional<Quantity> usage(String key, ObjectNode quota, boolean scoped,
                                            Function<ResourceType, List<ObjectNode>> objects, Instant now) {
        Set<String> podKeys = Set.of("pods", "count/pods", "cpu", "memory", "requests.cpu", "requests.memory",
                "limits.cpu", "limits.memory");
        if (podKeys.contains(key)) {
            Quantity sum = zero();
            for (ObjectNode pod : objects.apply(PODS)) {
                if (!PodScopes.applies(quota, pod)) {
                    continue;
                }
                // count/pods tracks every pod in storage; pods and compute only those still running.
                if (key.equals("count/pods")) {
                    sum = sum.add(one());
                } else if (ResourceQuotaAdmission.charged(pod, now)) {
                    sum = sum.add(key.equals("pods") ? one()
                            : ResourceQuotaAdmission.compute(pod).getOrDefault(key, zero()));
                }
            }
            return Optional.of(sum);
        }
        if (scoped) {
            // Scopes select pods only; nothing else is counted by a scoped quota.
            return Optional.of(zero());
        }
        Optional<ResourceType> counted = countedType(key);
        if (counted.isPresent()) {
            return Optional.of(Quantity.of(objects.apply(counted.get()).size(), Quantity.Format.DECIMAL_SI));
        }
        if (LEGACY_COUNTS.contains(key)) {
            return Optional.of(zero());
        }
        return switch (key) {
            case "services.nodeports" -> Optional.of(count(objects.apply(SERVICES), QuotaUsage::nodePorts));
            case "services.loadbalancers" -> Optional.of(count(objects.apply(SERVICES),
                    s -> s.path("spec").path("type").asText().equals("LoadBalancer") ? 1 : 0));
            case "requests.storage" -> Optional.of(storage(objects.apply(CLAIMS)));
            default -> storageClassUsage(key, objects);
        };
    }

    private static Optional<Quantity> storageClassUsage(String key, Function<ResourceType, List<ObjectNode>> objects) {
        int at = key.indexOf(CLASS_SUFFIX);
        if (at < 0) {
            // Extended resources, hugepages and ephemeral storage are not simulated (see docs/node-lifecycle.md).
            return Optional.empty();
        }
        String className = key.substring(0, at);
        String what = key.substring(at + CLASS_SUFFIX.length());
        List<ObjectNode> claims = objects.apply(CLAIMS).stream()
                .filter(c -> c.path("spec").path("storageClassName").asText("").equals(className)).toList();
        return switch (what) {
            case "persistentvolumeclaims" -> Optional.of(Quantity.of(claims.size(), Quantity.Format.DECIMAL_SI));
            case "requests.storage" -> Optional.of(storage(claims));
            default -> Optional.empty();
        };
    }

    /** A NodePort service uses a node port per port; a LoadBalancer one per port that has one allocated. */
    private static int nodePorts(JsonNode service) {
        String type = service.path("spec").path("type").asText();
        int n = 0;
        for (JsonNode port : service.path("spec").path("ports")) {
            if (type.equals("NodePort") || (type.equals("LoadBalancer") && port.path("nodePort").asInt(0) > 0)) {
                n++;
            }
        }
        return n;
    }

    private static Quantity storage(List<ObjectNode> claims) {
        Quantity sum = zero();
        for (ObjectNode claim : claims) {
            JsonNode request = claim.path("spec").path("resources").path("requests").path("storage");
            if (request.isTextual()) {
                sum = sum.add(Quantity.parse(request.asText()));
            }
        }
        return sum;
    }

    private static Quantity count(List<ObjectNode> objects, Function<JsonNode, Integer> each) {
        int n = 0;
        for (ObjectNode object : objects) {
            n += each.apply(object);
        }
        return Quantity.of(n, Quantity.Format.DECIMAL_SI);
    }

    private static Quantity zero() {
        return Quantity.of(0, Quantity.Format.DECIMAL_SI);
    }

    private static Quantity one() {
        return Quantity.of(1, Quantity.Format.DECIMAL_SI);
    }
}
