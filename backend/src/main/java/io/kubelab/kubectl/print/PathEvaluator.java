package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The JSONPath engine custom columns need (client-go's util/jsonpath, plugged in by the caller).
 * <p>
 * {@code expression} is a whole template as kubectl builds it, always one braced expression such as
 * {@code {.metadata.name}} or {@code {.spec.containers[*].image}}. The engine must behave as
 * {@code jsonpath.New(..).AllowMissingKeys(true)} then {@code FindResults(object)}: a list of result lists (one per
 * template node, so one here), each holding the matched values in order; a missing key gives an empty list, not an
 * error. Parse and evaluation errors are thrown as {@link PrintException} with client-go's message, which kubectl
 * prints after {@code error: }.
 */
@FunctionalInterface
public interface PathEvaluator {

    List<List<JsonNode>> evaluate(String expression, JsonNode object);
}
