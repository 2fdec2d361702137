package io.kubelab.kubectl.expose;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.kubectl.KubectlException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code kubectl expose} reads from the object it exposes (polymorphichelpers' {@code CanBeExposed},
 * {@code MapBasedSelectorForObject}, {@code PortsForObject}, {@code ProtocolsForObject}): a pod's labels
 * or a controller's selector, and the ports of the containers (or of the service).
 */
final class Introspection {

    /** One port the object declares, with its protocol. */
    record Port(long number, String protocol) {
    }

    private Introspection() {
    }

    static void checkExposable(String kind) throws KubectlException {
        switch (kind) {
            case "ReplicationController", "Service", "Deployment", "ReplicaSet", "Pod" -> {
            }
            default -> throw KubectlException.error("cannot expose a " + kind);
        }
    }

    /** The selector as {@code k=v,k2=v2}, in Go's map order (sorted keys). */
    static Map<String, String> selector(JsonNode object) throws KubectlException {
        JsonNode source = switch (object.path("kind").asText()) {
            case "Pod" -> {
                JsonNode labels = object.path("metadata").path("labels");
                if (!labels.isObject() || labels.isEmpty()) {
                    throw KubectlException.error("couldn't retrieve selectors via --selector flag or introspection: "
                            + "the pod has no labels and cannot be exposed");
                }
                yield labels;
            }
            case "Service", "ReplicationController" -> object.path("spec").path("selector");
            default -> {
                JsonNode selector = object.path("spec").path("selector");
                if (selector.path("matchExpressions").size() > 0) {
                    throw KubectlException.error("couldn't retrieve selectors via --selector flag or introspection: "
                            + "couldn't convert expressions - \"" + goExpressions(selector.path("matchExpressions"))
                            + "\" to map-based selector format");
                }
                yield selector.path("matchLabels");
            }
        };
        Map<String, String> out = new java.util.TreeMap<>();
        source.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** The ports in declaration order (containers in order, their ports in order; a service's ports). */
    static List<Port> ports(JsonNode object) {
        List<Port> out = new ArrayList<>();
        if (object.path("kind").asText().equals("Service")) {
            for (JsonNode p : object.path("spec").path("ports")) {
                out.add(new Port(p.path("port").asLong(), p.path("protocol").asText("TCP")));
            }
            return out;
        }
        JsonNode podSpec = object.path("kind").asText().equals("Pod") ? object.path("spec")
                : object.path("spec").path("template").path("spec");
        for (JsonNode c : podSpec.path("containers")) {
            for (JsonNode p : c.path("ports")) {
                out.add(new Port(p.path("containerPort").asLong(), p.path("protocol").asText("TCP")));
            }
        }
        return out;
    }

    /** Port number to protocol, the last declaration of a number winning as in Go's map. */
    static Map<String, String> protocols(List<Port> ports) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Port p : ports) {
            out.put(Long.toString(p.number()), p.protocol());
        }
        return out;
    }

    /** {@code [{Key:tier Operator:In Values:[a]}]}: Go's {@code %+v} of label selector requirements. */
    private static String goExpressions(JsonNode expressions) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < expressions.size(); i++) {
            JsonNode e = expressions.get(i);
            if (i > 0) {
                out.append(' ');
            }
            List<String> values = new ArrayList<>();
            e.path("values").forEach(v -> values.add(v.asText()));
            out.append("{Key:").append(e.path("key").asText()).append(" Operator:").append(e.path("operator").asText())
                    .append(" Values:[").append(String.join(" ", values)).append("]}");
        }
        return out.append(']').toString();
    }
}
