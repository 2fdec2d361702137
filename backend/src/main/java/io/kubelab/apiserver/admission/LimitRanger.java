package io.kubelab.apiserver.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.GroupResource;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.model.Quantity;
import io.kubelab.model.ResourceTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies the namespace's LimitRanges of type Container to new pods: fills missing requests and limits
 * from {@code defaultRequest} and {@code default} (recording what it set in the pod's annotation) and
 * refuses containers outside {@code min}/{@code max}.
 */
public final class LimitRanger implements AdmissionPlugin {

    static final String ANNOTATION = "kubernetes.io/limit-ranger";

    @Override
    public String name() {
        return "LimitRanger";
    }

    @Override
    public void admit(AdmissionRequest r) {
        if (r.operation() != AdmissionRequest.Operation.CREATE || !r.is("", "pods") || !r.subresource().isEmpty()) {
            return;
        }
        List<String> notes = new ArrayList<>();
        for (ObjectNode range : r.objects().inNamespace(ResourceTypes.of("v1", "LimitRange"), r.namespace())) {
            for (JsonNode limit : range.path("spec").path("limits")) {
                if (limit.path("type").asText().equals("Container")) {
                    for (String list : new String[]{"initContainers", "containers"}) {
                        for (JsonNode container : r.object().path("spec").path(list)) {
                            applyDefaults((ObjectNode) container, limit, notes);
                        }
                    }
                }
            }
        }
        if (!notes.isEmpty()) {
            r.object().with("metadata").with("annotations").put(ANNOTATION, "LimitRanger plugin set: "
                    + String.join("; ", notes));
        }
    }

    private static void applyDefaults(ObjectNode container, JsonNode limit, List<String> notes) {
        ObjectNode resources = container.with("resources");
        String name = container.path("name").asText();
        List<String> requests = fill(resources, "requests", limit.path("defaultRequest"));
        List<String> limits = fill(resources, "limits", limit.path("default"));
        // A request the user left out, with a limit defaulted, takes the limit: Kubernetes' order.
        for (String resource : limits) {
            if (!resources.path("requests").has(resource) && !limit.path("defaultRequest").has(resource)) {
                resources.with("requests").set(resource, resources.path("limits").get(resource).deepCopy());
                requests.add(resource);
            }
        }
        if (!requests.isEmpty()) {
            notes.add(String.join(", ", requests) + " request for " + kind(container) + " " + name);
        }
        if (!limits.isEmpty()) {
            notes.add(String.join(", ", limits) + " limit for " + kind(container) + " " + name);
        }
        if (resources.isEmpty()) {
            container.remove("resources");
        }
    }

    private static String kind(ObjectNode container) {
        return "container";
    }

    private static List<String> fill(ObjectNode resources, String field, JsonNode defaults) {
        List<String> set = new ArrayList<>();
        Map<String, JsonNode> sorted = new TreeMap<>();
        defaults.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
        sorted.forEach((resource, value) -> {
            if (!resources.path(field).has(resource)) {
                resources.with(field).set(resource, value.deepCopy());
                set.add(resource);
            }
        });
        return set;
    }

    @Override
    public void validate(AdmissionRequest r) {
        if (r.operation() != AdmissionRequest.Operation.CREATE || !r.is("", "pods") || !r.subresource().isEmpty()) {
            return;
        }
        for (ObjectNode range : r.objects().inNamespace(ResourceTypes.of("v1", "LimitRange"), r.namespace())) {
            for (JsonNode limit : range.path("spec").path("limits")) {
                if (!limit.path("type").asText().equals("Container")) {
                    continue;
                }
                for (JsonNode container : r.object().path("spec").path("containers")) {
                    check(r, container, limit);
                }
            }
        }
    }

    private static void check(AdmissionRequest r, JsonNode container, JsonNode limit) {
        JsonNode resources = container.path("resources");
        limit.path("max").properties().forEach(e -> {
            JsonNode value = resources.path("limits").get(e.getKey());
            if (value == null) {
                deny(r, "maximum " + e.getKey() + " usage per Container is " + e.getValue().asText()
                        + ".  No limit is specified");
            } else if (Quantity.parse(value.asText()).compareTo(Quantity.parse(e.getValue().asText())) > 0) {
                deny(r, "maximum " + e.getKey() + " usage per Container is " + e.getValue().asText()
                        + ", but limit is " + value.asText());
            }
        });
        limit.path("min").properties().forEach(e -> {
            JsonNode value = resources.path("requests").get(e.getKey());
            if (value == null) {
                deny(r, "minimum " + e.getKey() + " usage per Container is " + e.getValue().asText()
                        + ".  No request is specified");
            } else if (Quantity.parse(value.asText()).compareTo(Quantity.parse(e.getValue().asText())) < 0) {
                deny(r, "minimum " + e.getKey() + " usage per Container is " + e.getValue().asText()
                        + ", but request is " + value.asText());
            }
        });
    }

    private static void deny(AdmissionRequest r, String why) {
        throw new StatusException(Status.forbidden(GroupResource.core("pods"), r.name(), why));
    }
}
