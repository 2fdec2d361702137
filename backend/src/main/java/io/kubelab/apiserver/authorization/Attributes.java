package io.kubelab.apiserver.authorization;

import java.util.List;

/**
 * What a request asks to do, as {@code authorizer.Attributes} carries it. A resource request names a verb on
 * {@code apiGroup}/{@code resource}[/{@code subresource}], optionally one object {@code name} in a
 * {@code namespace} (empty at cluster scope); a non-resource request names a verb on a URL {@code path}.
 */
public record Attributes(String user, List<String> groups, String verb, String apiGroup, String resource,
                         String subresource, String name, String namespace, boolean resourceRequest,
                         String path) {

    public Attributes {
        groups = List.copyOf(groups);
    }

    public static Attributes resource(String user, List<String> groups, String verb, String apiGroup,
                                      String resource, String subresource, String namespace, String name) {
        return new Attributes(user, groups, verb, apiGroup, resource, subresource, name, namespace, true, "");
    }

    public static Attributes nonResource(String user, List<String> groups, String verb, String path) {
        return new Attributes(user, groups, verb, "", "", "", "", "", false, path);
    }
}
