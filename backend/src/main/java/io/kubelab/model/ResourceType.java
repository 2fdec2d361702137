package io.kubelab.model;

import java.util.List;

/**
 * One served resource as discovery describes it: where it lives ({@code group/version}), what its
 * objects are called ({@code kind}, plural {@code resource}, {@code singular}, short names), whether it
 * is namespaced, its categories ({@code all}), verbs and subresources.
 */
public record ResourceType(String group, String version, String kind, String resource, String singular,
                           boolean namespaced, List<String> shortNames, List<String> categories,
                           List<String> verbs, List<String> subresources) {

    public static final List<String> ALL_VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    /** {@code v1} for the core group, {@code apps/v1} otherwise. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** {@code pods}, {@code deployments.apps}: how Kubernetes names a resource in messages. */
    public String groupResource() {
        return group.isEmpty() ? resource : resource + "." + group;
    }

    public boolean hasSubresource(String name) {
        return subresources.contains(name);
    }

    public boolean supports(String verb) {
        return verbs.contains(verb);
    }

    /** Kinds that only accept a POST and return the evaluated object (reviews, bindings). */
    public boolean createOnly() {
        return verbs.equals(List.of("create"));
    }
}
