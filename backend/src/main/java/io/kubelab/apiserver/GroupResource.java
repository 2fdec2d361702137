package io.kubelab.apiserver;

/** A resource and its API group, printed as Kubernetes does: {@code pods}, {@code deployments.apps}. */
public record GroupResource(String group, String resource) {

    public static GroupResource core(String resource) {
        return new GroupResource("", resource);
    }

    @Override
    public String toString() {
        return group.isEmpty() ? resource : resource + "." + group;
    }
}
