package io.kubelab.apiserver.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.GroupResource;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.model.FieldErrors;
import io.kubelab.model.Quantity;
import io.kubelab.model.ResourceTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies the namespace's LimitRanges to new pods, as the LimitRanger plugin does: fills each container's
 * missing requests and limits from the Container items' {@code defaultRequest} and {@code default}
 * (noting what it set in the pod's {@code kubernetes.io/limit-ranger} annotation), then refuses
 * containers and pods outside {@code min}, {@code max} and {@code maxLimitRequestRatio}, every violation
 * in one message.
 */
public final class LimitRanger implements AdmissionPlugin {

    static final String ANNOTATION = "kubernetes.io/limit-ranger";

    @Override
    public String name() {
        return "LimitRanger";
    }

    private static boolean applies(AdmissionRequest r) {
        return r.operation() == AdmissionRequest.Operation.CREATE && r.is("", "pods") && r.subresource().isEmpty();
    }

    private static List<ObjectNode> ranges(AdmissionRequest r) {
        return r.objects().inNamespace(ResourceTypes.of("v1", "LimitRange"), r.namespace());
    }

    /**
     * Each LimitRange in turn, as runLimitFunc does: its Container items' defaults (a later item winning)
     * fill what is still missing, and a range that set something writes the annotation anew.
     */
    @Override
    public void admit(AdmissionRequest r) {
        if (!applies(r)) {
            return;
        }
        for (ObjectNode range : ranges(r)) {
            Map<String, JsonNode> defaultRequests = new TreeMap<>();
            Map<String, JsonNode> defaultLimits = new TreeMap<>();
            for (JsonNode item : range.path("spec").path("limits")) {
                if (item.path("type").asText().equals("Container")) {
                    item.path("defaultRequest").properties().forEach(e -> defaultRequests.put(e.getKey(), e.getValue()));
                    item.path("default").properties().forEach(e -> defaultLimits.put(e.getKey(), e.getValue()));
                }
            }
            if (defaultRequests.isEmpty() && defaultLimits.isEmpty()) {
                continue;
            }
            List<String> notes = new ArrayList<>();
            for (String list : new String[]{"containers", "initContainers"}) {
                for (JsonNode container : r.object().path("spec").path(list)) {
                    if (container instanceof ObjectNode c) {
                        merge(c, defaultRequests, defaultLimits,
                                list.equals("containers") ? "container" : "init container", notes);
                    }
                }
            }
            if (!notes.isEmpty()) {
                r.object().with("metadata").with("annotations").put(ANNOTATION, "LimitRanger plugin set: "
                        + String.join("; ", notes));
            }
        }
    }

    private static void merge(ObjectNode container, Map<String, JsonNode> requests, Map<String, JsonNode> limits,
                              String kind, List<String> notes) {
        if (!(container.get("resources") instanceof ObjectNode)) {
            container.putObject("resources");
        }
        ObjectNode resources = (ObjectNode) container.get("resources");
        List<String> setRequests = fill(resources, "requests", requests);
        List<String> setLimits = fill(resources, "limits", limits);
        String name = container.path("name").asText();
        if (!setRequests.isEmpty()) {
            notes.add(String.join(", ", setRequests) + " request for " + kind + " " + name);
        }
        if (!setLimits.isEmpty()) {
            notes.add(String.join(", ", setLimits) + " limit for " + kind + " " + name);
        }
    }

    private static List<String> fill(ObjectNode resources, String field, Map<String, JsonNode> defaults) {
        List<String> set = new ArrayList<>();
        defaults.forEach((resource, value) -> {
            if (!resources.path(field).has(resource)) {
                if (!(resources.get(field) instanceof ObjectNode)) {
                    resources.putObject(field);
                }
                ((ObjectNode) resources.get(field)).set(resource, value.deepCopy());
                set.add(resource);
            }
        });
        return set;
    }

    @Override
    public void validate(AdmissionRequest r) {
        if (!applies(r)) {
            return;
        }
        JsonNode spec = r.object().path("spec");
        for (ObjectNode range : ranges(r)) {
            List<String> errors = new ArrayList<>();
            for (JsonNode item : range.path("spec").path("limits")) {
                String type = item.path("type").asText();
                if (type.equals("Container")) {
                    for (String list : new String[]{"containers", "initContainers"}) {
                        for (JsonNode container : spec.path(list)) {
                            check(item, type, container.path("resources").path("requests"),
                                    container.path("resources").path("limits"), errors);
                        }
                    }
                } else if (type.equals("Pod")) {
                    check(item, type, podTotals(spec, "requests"), podTotals(spec, "limits"), errors);
                }
            }
            // Kubernetes stops at the first LimitRange that refuses the pod.
            if (!errors.isEmpty()) {
                throw new StatusException(Status.forbidden(GroupResource.core("pods"), r.name(),
                        FieldErrors.aggregate(errors)));
            }
        }
    }

    private static void check(JsonNode item, String type, JsonNode requests, JsonNode limits, List<String> errors) {
        sorted(item.path("min")).forEach((resource, enforced) -> {
            JsonNode request = requests.get(resource);
            JsonNode limit = limits.get(resource);
            if (request == null) {
                errors.add("minimum " + resource + " usage per " + type + " is " + enforced + ".  No request is specified");
            } else if (q(request).compareTo(q(enforced)) < 0) {
                errors.add("minimum " + resource + " usage per " + type + " is " + enforced + ", but request is "
                        + request.asText());
            } else if (limit != null && q(limit).compareTo(q(enforced)) < 0) {
                errors.add("minimum " + resource + " usage per " + type + " is " + enforced + ", but limit is "
                        + limit.asText());
            }
        });
        sorted(item.path("max")).forEach((resource, enforced) -> {
            JsonNode request = requests.get(resource);
            JsonNode limit = limits.get(resource);
            if (limit == null) {
                errors.add("maximum " + resource + " usage per " + type + " is " + enforced + ".  No limit is specified");
            } else if (q(limit).compareTo(q(enforced)) > 0) {
                errors.add("maximum " + resource + " usage per " + type + " is " + enforced + ", but limit is "
                        + limit.asText());
            } else if (request != null && q(request).compareTo(q(enforced)) > 0) {
                errors.add("maximum " + resource + " usage per " + type + " is " + enforced + ", but request is "
                        + request.asText());
            }
        });
        sorted(item.path("maxLimitRequestRatio")).forEach((resource, enforced) -> {
            JsonNode request = requests.get(resource);
            JsonNode limit = limits.get(resource);
            String prefix = resource + " max limit to request ratio per " + type + " is " + enforced;
            if (request == null || q(request).milliValue() == 0) {
                errors.add(prefix + ", but no request is specified or request is 0");
            } else if (limit == null || q(limit).milliValue() == 0) {
                errors.add(prefix + ", but no limit is specified or limit is 0");
            } else {
                double ratio = (double) q(limit).milliValue() / q(request).milliValue();
                if (ratio * 1000 > q(enforced).milliValue()) {
                    errors.add(prefix + ", but provided ratio is " + String.format(Locale.ROOT, "%f", ratio));
                }
            }
        });
    }

    private static JsonNode podTotals(JsonNode spec, String field) {
        ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        PodResources.totals(spec, field).forEach((resource, value) -> out.put(resource, value.toString()));
        return out;
    }

    private static Map<String, String> sorted(JsonNode values) {
        Map<String, String> out = new TreeMap<>();
        values.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static Quantity q(JsonNode value) {
        return Quantity.parse(value.asText());
    }

    private static Quantity q(String value) {
        return Quantity.parse(value);
    }
}
