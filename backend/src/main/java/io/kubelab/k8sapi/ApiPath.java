package io.kubelab.k8sapi;

import java.util.List;
import java.util.Optional;

/**
 * A resource path as kube-apiserver's installer lays them out: {@code /api/v1} or {@code /apis/GROUP/VERSION},
 * then an optional legacy {@code watch/}, then {@code namespaces/NS/} for namespaced resources, the resource,
 * a name and a subresource (and, for {@code proxy}, the rest of the path). {@code namespaces/NS} itself, and
 * its {@code status} and {@code finalize}, are the Namespace object.
 */
record ApiPath(String group, String version, String namespace, String resource, String name, String subresource,
               String rest, boolean legacyWatch) {

    /** The path's parts, or empty when it is not a resource path at all. */
    static Optional<ApiPath> parse(List<String> segments) {
        int at;
        String group;
        String version;
        if (segments.size() >= 2 && segments.get(0).equals("api")) {
            group = "";
            version = segments.get(1);
            at = 2;
        } else if (segments.size() >= 3 && segments.get(0).equals("apis")) {
            group = segments.get(1);
            version = segments.get(2);
            at = 3;
        } else {
            return Optional.empty();
        }
        if (at == segments.size()) {
            return Optional.empty();
        }
        boolean watch = segments.get(at).equals("watch");
        if (watch) {
            at++;
        }
        List<String> rest = segments.subList(at, segments.size());
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        String namespace = "";
        if (rest.get(0).equals("namespaces") && rest.size() >= 3 && !isNamespaceSubresource(rest)) {
            namespace = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        String resource = rest.get(0);
        String name = rest.size() > 1 ? rest.get(1) : "";
        String subresource = rest.size() > 2 ? rest.get(2) : "";
        String tail = rest.size() > 3 ? String.join("/", rest.subList(3, rest.size())) : "";
        return Optional.of(new ApiPath(group, version, namespace, resource, name, subresource, tail, watch));
    }

    /** {@code namespaces/NS/status} and {@code namespaces/NS/finalize} name the Namespace, not a resource in it. */
    private static boolean isNamespaceSubresource(List<String> rest) {
        return rest.size() == 3 && (rest.get(2).equals("status") || rest.get(2).equals("finalize"));
    }

    /** A path with more parts than a resource path has (only {@code proxy} takes a rest). */
    boolean tooLong() {
        return !rest.isEmpty() && !subresource.equals("proxy");
    }
}
