package io.kubelab.store;

/**
 * Storage keys as the contract names them: {@code /registry/<resource>/<namespace>/<name>} for
 * namespaced objects, {@code /registry/<resource>/<name>} for cluster-scoped ones.
 */
public final class Keys {

    public static final String ROOT = "/registry/";

    private Keys() {
    }

    public static String namespaced(String resource, String namespace, String name) {
        return ROOT + resource + "/" + namespace + "/" + name;
    }

    public static String clusterScoped(String resource, String name) {
        return ROOT + resource + "/" + name;
    }

    /** Every object of a resource, in all namespaces (or all of a cluster-scoped resource). */
    public static String prefix(String resource) {
        return ROOT + resource + "/";
    }

    public static String prefix(String resource, String namespace) {
        return ROOT + resource + "/" + namespace + "/";
    }
}
