package io.kubelab.apiserver.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.GroupResource;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.model.Quantity;
import io.kubelab.model.ResourceTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Refuses a create that would take a namespace over one of its ResourceQuotas: object counts
 * ({@code pods}, {@code services}, {@code count/deployments.apps}...) and pods' compute requests and
 * limits, within the quota's scopes. Usage is counted from the stored objects, so it is right even before
 * the quota controller has written {@code status.used}.
 */
public final class ResourceQuotaAdmission implements AdmissionPlugin {

    private static final Set<String> LEGACY_COUNTS = Set.of("pods", "services", "configmaps", "secrets",
            "persistentvolumeclaims", "replicationcontrollers", "resourcequotas");
    /** Resources every container must state once a quota tracks them (Kubernetes' backward-compatible rule). */
    private static final Set<String> CONTAINER_CONSTRAINED = Set.of("cpu", "memory", "requests.cpu", "requests.memory",
            "limits.cpu", "limits.memory");

    @Override
    public String name() {
        return "ResourceQuota";
    }

    @Override
    public void validate(AdmissionRequest r) {
        if (r.operation() != AdmissionRequest.Operation.CREATE || !r.type().namespaced() || !r.subresource().isEmpty()) {
            return;
        }
        for (ObjectNode quota : r.objects().inNamespace(ResourceTypes.of("v1", "ResourceQuota"), r.namespace())) {
            check(r, quota);
        }
    }

    private void check(AdmissionRequest r, ObjectNode quota) {
        boolean pods = r.is("", "pods");
        if (!PodScopes.applies(quota, pods ? r.object() : null)) {
            return;
        }
        JsonNode hard = quota.path("spec").path("hard");
        Map<String, Quantity> requested = new TreeMap<>();
        String qualified = "count/" + r.type().groupResource();
        if (hard.has(qualified)) {
            requested.put(qualified, one());
        }
        if (r.type().group().isEmpty() && LEGACY_COUNTS.contains(r.type().resource()) && hard.has(r.type().resource())) {
            requested.put(r.type().resource(), one());
        }
        if (pods) {
            requireContainerValues(r, quota, hard);
            Map<String, Quantity> compute = compute(r.object());
            hard.properties().forEach(e -> {
                if (compute.containsKey(e.getKey())) {
                    requested.put(e.getKey(), compute.get(e.getKey()));
                }
            });
        }
        if (requested.isEmpty()) {
            return;
        }
        Map<String, Quantity> used = usage(r, quota, requested.keySet());
        List<String> over = new ArrayList<>();
        requested.forEach((resource, amount) -> {
            if (used.get(resource).add(amount).compareTo(Quantity.parse(hard.path(resource).asText())) > 0) {
                over.add(resource);
            }
        });
        if (!over.isEmpty()) {
            throw forbidden(r, "exceeded quota: " + ObjectMeta.name(quota) + ", requested: " + list(over, requested)
                    + ", used: " + list(over, used) + ", limited: " + limits(over, hard));
        }
    }

    /** {@code must specify limits.cpu for: b; limits.memory for: b}: every container, init containers too. */
    private static void requireContainerValues(AdmissionRequest r, ObjectNode quota, JsonNode hard) {
        Map<String, Set<String>> missing = new TreeMap<>();
        for (String list : new String[]{"containers", "initContainers"}) {
            for (JsonNode container : r.object().path("spec").path(list)) {
                JsonNode resources = container.path("resources");
                hard.properties().forEach(e -> {
                    String resource = e.getKey();
                    if (!CONTAINER_CONSTRAINED.contains(resource)) {
                        return;
                    }
                    String name = resource.contains(".") ? resource.substring(resource.indexOf('.') + 1) : resource;
                    String where = resource.startsWith("limits.") ? "limits" : "requests";
                    if (!resources.path(where).has(name)) {
                        missing.computeIfAbsent(resource, k -> new TreeSet<>()).add(container.path("name").asText());
                    }
                });
            }
        }
        if (!missing.isEmpty()) {
            List<String> parts = new ArrayList<>();
            missing.forEach((resource, names) -> parts.add(resource + " for: " + String.join(",", names)));
            throw forbidden(r, "failed quota: " + ObjectMeta.name(quota) + ": must specify " + String.join("; ", parts));
        }
    }

    private Map<String, Quantity> usage(AdmissionRequest r, ObjectNode quota, Set<String> resources) {
        Map<String, Quantity> used = new TreeMap<>();
        resources.forEach(name -> used.put(name, Quantity.of(0, Quantity.Format.DECIMAL_SI)));
        boolean pods = r.is("", "pods");
        Instant now = r.objects().now();
        for (ObjectNode object : r.objects().inNamespace(r.type(), r.namespace())) {
            if (pods && !PodScopes.applies(quota, object)) {
                continue;
            }
            for (String name : resources) {
                if (name.startsWith("count/")) {
                    used.put(name, used.get(name).add(one()));
                }
            }
            // The pods count and compute only charge pods that still run, or are within their grace period.
            if (pods && !charged(object, now)) {
                continue;
            }
            if (used.containsKey(r.type().resource())) {
                used.put(r.type().resource(), used.get(r.type().resource()).add(one()));
            }
            if (pods) {
                compute(object).forEach((name, value) -> {
                    if (used.containsKey(name)) {
                        used.put(name, used.get(name).add(value));
                    }
                });
            }
        }
        return used;
    }

    public static boolean charged(ObjectNode pod, Instant now) {
        String phase = pod.path("status").path("phase").asText();
        if (phase.equals("Succeeded") || phase.equals("Failed")) {
            return false;
        }
        JsonNode metadata = pod.path("metadata");
        if (metadata.hasNonNull("deletionTimestamp") && metadata.has("deletionGracePeriodSeconds")) {
            Instant end = Instant.parse(metadata.path("deletionTimestamp").asText())
                    .plusSeconds(metadata.path("deletionGracePeriodSeconds").asLong());
            return !now.isAfter(end);
        }
        return true;
    }

    /** A pod's requests and limits under the names quotas use ({@code cpu} is {@code requests.cpu}). */
    public static Map<String, Quantity> compute(JsonNode pod) {
        Map<String, Quantity> out = new TreeMap<>();
        for (String kind : new String[]{"requests", "limits"}) {
            PodResources.totals(pod.path("spec"), kind).forEach((resource, value) -> {
                if (resource.equals("cpu") || resource.equals("memory")) {
                    out.put(kind + "." + resource, value);
                    if (kind.equals("requests")) {
                        out.put(resource, value);
                    }
                }
            });
        }
        return out;
    }

    private static Quantity one() {
        return Quantity.of(1, Quantity.Format.DECIMAL_SI);
    }

    private static StatusException forbidden(AdmissionRequest r, String why) {
        return new StatusException(Status.forbidden(new GroupResource(r.type().group(), r.type().resource()), r.name(),
                why));
    }

    private static String list(List<String> names, Map<String, Quantity> values) {
        List<String> out = new ArrayList<>();
        names.forEach(n -> out.add(n + "=" + values.get(n)));
        return String.join(",", out);
    }

    private static String limits(List<String> names, JsonNode hard) {
        List<String> out = new ArrayList<>();
        names.forEach(n -> out.add(n + "=" + hard.path(n).asText()));
        return String.join(",", out);
    }
}
