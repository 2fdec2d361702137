package io.kubelab.k8sapi.protobuf;

/** apimachinery's schema.GroupVersionKind, read from an apiVersion and kind as FromAPIVersionAndKind reads them. */
record GroupVersionKind(String group, String version, String kind) {

    /** ParseGroupVersion: "" or "/" is empty, "v1" a version, "apps/v1" both; more slashes leave only the kind. */
    static GroupVersionKind of(String apiVersion, String kind) {
        if (apiVersion.isEmpty() || apiVersion.equals("/")) {
            return new GroupVersionKind("", "", kind);
        }
        int slash = apiVersion.indexOf('/');
        if (slash < 0) {
            return new GroupVersionKind("", apiVersion, kind);
        }
        if (apiVersion.indexOf('/', slash + 1) >= 0) {
            return new GroupVersionKind("", "", kind);
        }
        return new GroupVersionKind(apiVersion.substring(0, slash), apiVersion.substring(slash + 1), kind);
    }

    /** copyKindDefaults: the kind if empty; group and version together if the version is empty. */
    GroupVersionKind withDefaults(GroupVersionKind defaults) {
        String k = kind.isEmpty() ? defaults.kind : kind;
        if (version.isEmpty() && !defaults.version.isEmpty()) {
            return new GroupVersionKind(defaults.group, defaults.version, k);
        }
        return new GroupVersionKind(group, version, k);
    }

    /** GroupVersion.String(). */
    String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }
}
