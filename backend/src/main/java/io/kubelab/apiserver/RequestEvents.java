package io.kubelab.apiserver;

import io.kubelab.events.ComponentEvents;

/**
 * The component events of a request's trip through the API server (DESIGN §3.5): who asked, that it was
 * authenticated, authorized, admitted and validated, and the etcd write with its revision.
 */
final class RequestEvents {

    static final String APISERVER = "kube-apiserver";
    static final String ETCD = "etcd";

    private final ComponentEvents events;

    RequestEvents(ComponentEvents events) {
        this.events = events;
    }

    /** The component a user is: kubectl for people, the component's name for the simulation's own. */
    static String component(UserInfo user) {
        String name = user.name();
        if (name.startsWith("system:node:")) {
            return "kubelet";
        }
        if (name.startsWith("system:kube-controller-manager")) {
            return "kube-controller-manager";
        }
        if (name.startsWith("system:kube-scheduler")) {
            return "kube-scheduler";
        }
        if (name.startsWith("system:kube-proxy")) {
            return "kube-proxy";
        }
        return name.startsWith("system:serviceaccount:") || !name.startsWith("system:") ? "kubectl"
                : name.substring("system:".length());
    }

    static String node(UserInfo user) {
        return user.name().startsWith("system:node:") ? user.name().substring("system:node:".length()) : null;
    }

    void authenticated(ApiRequest r, String object) {
        events.emit(APISERVER, null, "authenticate", object, component(r.user()), APISERVER,
                "The API server received a " + r.verb().word() + " request for " + what(r) + " and identified the caller as "
                        + r.user().name() + ".");
    }

    void authorized(ApiRequest r, String object) {
        events.emit(APISERVER, null, "authorize", object, APISERVER, APISERVER,
                "RBAC allowed " + r.user().name() + " to " + r.verb().word() + " " + what(r) + ".");
    }

    void forbidden(ApiRequest r, String object, String why) {
        events.emit(APISERVER, null, "forbid", object, APISERVER, component(r.user()),
                "RBAC refused the request: " + why + ".");
    }

    void admitted(ApiRequest r, String object, java.util.List<String> plugins) {
        events.emit(APISERVER, null, "admit", object, APISERVER, APISERVER,
                "Admission plugins (" + String.join(", ", plugins) + ") checked the request and filled in defaults; "
                        + "validation found the object well-formed.");
    }

    void rejected(ApiRequest r, String object, Status status) {
        events.emit(APISERVER, null, "reject", object, APISERVER, component(r.user()),
                "The API server refused the request (" + status.reason() + "): " + status.message());
    }

    void stored(ApiRequest r, String object, String action, long revision) {
        String message = action.equals("terminating")
                ? "etcd stored " + what(r) + " with a deletion timestamp at revision " + revision
                + "; it is removed once its grace period ends and its finalizers are done."
                : "etcd " + action + " " + what(r) + " at revision " + revision + ".";
        events.emit(ETCD, null, action, object, APISERVER, ETCD, message);
    }

    void dryRun(ApiRequest r, String object) {
        events.emit(APISERVER, null, "dry-run", object, APISERVER, component(r.user()),
                "Dry run: the object was checked and defaulted but not stored.");
    }

    void read(ApiRequest r, String object) {
        events.emit(ETCD, null, r.verb().word(), object, APISERVER, ETCD,
                "The API server read " + what(r) + " from etcd.");
    }

    void notified(String watcher, String node, String object, String type, String kind) {
        events.emit(APISERVER, node, "notify", object, APISERVER, watcher,
                "The API server told " + watcher + " that a " + kind + " was " + type + ".");
    }

    private static String what(ApiRequest r) {
        String resource = r.subresource().isEmpty() ? r.type().resource() : r.type().resource() + "/" + r.subresource();
        if (r.name().isEmpty()) {
            return r.namespace().isEmpty() ? resource : resource + " in namespace " + r.namespace();
        }
        return resource + " " + (r.namespace().isEmpty() ? r.name() : r.namespace() + "/" + r.name());
    }
}
