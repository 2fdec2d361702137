package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.function.Function;

/**
 * One kind's selectable fields of the last two stored objects asked about. A write is checked against every
 * watch with a field selector (each kubelet's {@code spec.nodeName=<node>}), the object and its previous state
 * one after the other: the API server's watch cache works their fields out once per event, and so does this.
 * Stored objects never change, so the same object has the same fields.
 */
final class FieldsMemo implements Function<ObjectNode, Map<String, String>> {

    private final Function<ObjectNode, Map<String, String>> fields;
    private ObjectNode first;
    private Map<String, String> firstFields;
    private ObjectNode second;
    private Map<String, String> secondFields;

    FieldsMemo(Function<ObjectNode, Map<String, String>> fields) {
        this.fields = fields;
    }

    @Override
    public synchronized Map<String, String> apply(ObjectNode object) {
        if (object == first) {
            return firstFields;
        }
        if (object == second) {
            return secondFields;
        }
        Map<String, String> computed = fields.apply(object);
        second = first;
        secondFields = firstFields;
        first = object;
        firstFields = computed;
        return computed;
    }
}
