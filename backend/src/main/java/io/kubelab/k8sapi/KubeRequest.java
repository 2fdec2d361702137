package io.kubelab.k8sapi;

import java.util.List;
import java.util.Map;

/**
 * One HTTP request to a sandbox's Kubernetes API, as the transport received it: the method, the path below
 * {@code /k8s/{id}}, the decoded query parameters, the headers that matter (names in lower case) and the body.
 */
public record KubeRequest(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                          byte[] body) {

    /** The first value of a query parameter, or "" when absent. */
    public String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    public boolean hasParam(String name) {
        return query.containsKey(name);
    }

    /** A header by its lower-case name, or "" when absent. */
    public String header(String lowerCaseName) {
        return headers.getOrDefault(lowerCaseName, "");
    }
}
