package io.kubelab.apiserver.authorization;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The {@code status} of a SelfSubjectRulesReview: the rules that apply in one namespace, in the order the
 * bindings yielded them, as {@code kubectl auth can-i --list} reads them. {@code evaluationError} is empty
 * unless some binding could not be resolved.
 */
public record RulesReview(List<ObjectNode> resourceRules, List<ObjectNode> nonResourceRules, boolean incomplete,
                          String evaluationError) {

    public RulesReview {
        resourceRules = List.copyOf(resourceRules);
        nonResourceRules = List.copyOf(nonResourceRules);
    }

    /** The status object in the API's field order; empty rule lists serialise as {@code []}. */
    public ObjectNode toJson() {
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        resourceRules.forEach(status.putArray("resourceRules")::add);
        nonResourceRules.forEach(status.putArray("nonResourceRules")::add);
        status.put("incomplete", incomplete);
        if (!evaluationError.isEmpty()) {
            status.put("evaluationError", evaluationError);
        }
        return status;
    }
}
