package io.kubelab.apiserver.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.GroupResource;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.model.Quantity;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Refuses a create that would take a namespace over one of its ResourceQuotas: object counts
 * ({@code pods}, {@code services}, {@code count/deployments.apps}...) and pods' compute requests and
 * limits. Usage is counted from the stored objects, so it is right even before the quota controller has
 * written {@code status.used}.
 */
public final class ResourceQuotaAdmission implements AdmissionPlugin {

    private static final Map<String, String> LEGACY_COUNTS = Map.of("pods", "pods", "services", "services",
            "configmaps", "configmaps", "secrets", "secrets", "persistentvolumeclaims", "persistentvolumeclaims",
            "replicationcontrollers", "replicationcontrollers", "resourcequotas", "resourcequotas");

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
        JsonNode hard = quota.path("spec").path("hard");
        Map<String, Quantity> requested = new TreeMap<>();
        String countName = LEGACY_COUNTS.containsKey(r.type().resource()) && r.type().group().isEmpty()
                ? r.type().resource() : null;
        String qualified = "count/" + r.type().groupResource();
        for (String name : new String[]{countName, qualified}) {
            if (name != null && hard.has(name)) {
                requested.put(name, Quantity.of(1, Quantity.Format.DECIMAL_SI));
            }
        }
        List<String> missing = new ArrayList<>();
        if (r.is("", "pods")) {
            Map<String, Quantity> compute = compute(r.object());
            hard.properties().forEach(e -> {
                String resource = e.getKey();
                if (isCompute(resource)) {
                    Quantity value = compute.get(resource);
                    if (value == null) {
                        missing.add(resource);
                    } else {
                        requested.put(resource, value);
                    }
                }
            });
        }
        if (!missing.isEmpty()) {
            List<String> names = new ArrayList<>();
            r.object().path("spec").path("containers").forEach(c -> names.add(c.path("name").asText()));
            throw new StatusException(Status.forbidden(new GroupResource(r.type().group(), r.type().resource()),
                    r.name(), "failed quota: " + ObjectMeta.name(quota) + ": must specify "
                            + String.join(",", missing)));
        }
        if (requested.isEmpty()) {
            return;
        }
        Map<String, Quantity> used = usage(r, requested.keySet());
        List<String> over = new ArrayList<>();
        requested.forEach((resource, amount) -> {
            Quantity limit = Quantity.parse(hard.path(resource).asText());
            if (used.get(resource).add(amount).compareTo(limit) > 0) {
                over.add(resource);
            }
        });
        if (!over.isEmpty()) {
            throw new StatusException(Status.forbidden(new GroupResource(r.type().group(), r.type().resource()),
                    r.name(), "exceeded quota: " + ObjectMeta.name(quota) + ", requested: " + list(over, requested)
                            + ", used: " + list(over, used) + ", limited: " + limits(over, hard)));
        }
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

    private static boolean isCompute(String resource) {
        return resource.equals("cpu") || resource.equals("memory") || resource.startsWith("requests.")
                || resource.startsWith("limits.");
    }

    private Map<String, Quantity> usage(AdmissionRequest r, java.util.Set<String> resources) {
        Map<String, Quantity> used = new TreeMap<>();
        resources.forEach(name -> used.put(name, Quantity.of(0, Quantity.Format.DECIMAL_SI)));
        List<ObjectNode> existing = r.objects().inNamespace(r.type(), r.namespace());
        for (ObjectNode object : existing) {
            if (r.is("", "pods") && terminal(object)) {
                continue;
            }
            for (String name : resources) {
                if (name.equals(r.type().resource()) || name.startsWith("count/")) {
                    used.put(name, used.get(name).add(Quantity.of(1, Quantity.Format.DECIMAL_SI)));
                }
            }
            if (r.is("", "pods")) {
                compute(object).forEach((name, value) -> {
                    if (used.containsKey(name)) {
                        used.put(name, used.get(name).add(value));
                    }
                });
            }
        }
        return used;
    }

    private static boolean terminal(ObjectNode pod) {
        String phase = pod.path("status").path("phase").asText();
        return phase.equals("Succeeded") || phase.equals("Failed") || ObjectMeta.deleting(pod);
    }

    /** A pod's requests and limits summed over its containers, under the names quotas use. */
    static Map<String, Quantity> compute(JsonNode pod) {
        Map<String, Quantity> out = new TreeMap<>();
        for (JsonNode container : pod.path("spec").path("containers")) {
            for (String resource : new String[]{"cpu", "memory"}) {
                JsonNode request = container.path("resources").path("requests").get(resource);
                JsonNode limit = container.path("resources").path("limits").get(resource);
                if (request != null) {
                    out.merge(resource, Quantity.parse(request.asText()), Quantity::add);
                    out.merge("requests." + resource, Quantity.parse(request.asText()), Quantity::add);
                }
                if (limit != null) {
                    out.merge("limits." + resource, Quantity.parse(limit.asText()), Quantity::add);
                }
            }
        }
        return out;
    }

    static ResourceType podType() {
        return ResourceTypes.of("v1", "Pod");
    }
}
