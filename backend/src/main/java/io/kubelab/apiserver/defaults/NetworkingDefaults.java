package io.kubelab.apiserver.defaults;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static io.kubelab.apiserver.defaults.Fields.defaultPointer;
import static io.kubelab.apiserver.defaults.Fields.each;
import static io.kubelab.apiserver.defaults.Fields.object;

/** networking.k8s.io/v1: NetworkPolicy and IngressClass (Ingress itself has no defaults). */
final class NetworkingDefaults {

    private NetworkingDefaults() {
    }

    static void networkPolicy(ObjectNode np) {
        ObjectNode spec = Fields.ensureObject(np, "spec");
        each(spec, "ingress", rule -> each(rule, "ports", port -> defaultPointer(port, "protocol", "TCP")));
        each(spec, "egress", rule -> each(rule, "ports", port -> defaultPointer(port, "protocol", "TCP")));
        if (Fields.isEmpty(spec, "policyTypes")) {
            // A policy without policyTypes always governs ingress, and egress too once it has egress rules.
            ArrayNode types = spec.putArray("policyTypes").add("Ingress");
            if (!Fields.isEmpty(spec, "egress")) {
                types.add("Egress");
            }
        }
    }

    static void ingressClass(ObjectNode ic) {
        ObjectNode parameters = object(object(ic, "spec"), "parameters");
        if (parameters != null) {
            defaultPointer(parameters, "scope", "Cluster");
        }
    }
}
