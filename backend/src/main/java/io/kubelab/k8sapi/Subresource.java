package io.kubelab.k8sapi;

import io.kubelab.model.ResourceType;

import java.util.List;

/** What discovery says of a subresource: the kind it answers with and its verbs, as kube-apiserver lists them. */
record Subresource(String group, String version, String kind, List<String> verbs) {

    private static final List<String> GET_PATCH_UPDATE = List.of("get", "patch", "update");
    private static final List<String> CREATE_GET = List.of("create", "get");
    private static final List<String> PROXY = List.of("create", "delete", "get", "patch", "update");

    static Subresource of(ResourceType type, String name) {
        String g = type.group();
        String v = type.version();
        return switch (name) {
            case "status", "ephemeralcontainers", "resize" -> new Subresource(g, v, type.kind(), GET_PATCH_UPDATE);
            case "scale" -> new Subresource("autoscaling", "v1", "Scale", GET_PATCH_UPDATE);
            case "log" -> new Subresource(g, v, "Pod", List.of("get"));
            case "exec" -> new Subresource(g, v, "PodExecOptions", CREATE_GET);
            case "attach" -> new Subresource(g, v, "PodAttachOptions", CREATE_GET);
            case "portforward" -> new Subresource(g, v, "PodPortForwardOptions", CREATE_GET);
            case "proxy" -> new Subresource(g, v, type.kind() + "ProxyOptions", PROXY);
            case "eviction" -> new Subresource("policy", "v1", "Eviction", List.of("create"));
            case "binding" -> new Subresource(g, v, "Binding", List.of("create"));
            case "token" -> new Subresource("authentication.k8s.io", "v1", "TokenRequest", List.of("create"));
            case "finalize" -> new Subresource(g, v, type.kind(), List.of("update"));
            default -> new Subresource(g, v, type.kind(), GET_PATCH_UPDATE);
        };
    }
}
