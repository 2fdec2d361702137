package io.kubelab.k8sapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.ApiResponse;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.cluster.SimCluster;
import io.kubelab.k8sapi.stream.ProxyRequests;
import io.kubelab.k8sapi.stream.StreamRequests;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A request on a resource path: the method and path become an {@link ApiRequest} for the sandbox's API
 * server (kube-apiserver's {@code RequestInfo}), the answer goes out in the negotiated form.
 */
final class ResourceRequests {

    private final SimCluster cluster;
    private final ApiServer api;
    private final Watches watches;
    private final PodLogRequests logs;
    private final StreamRequests streams;
    private final ProxyRequests proxies;

    ResourceRequests(SimCluster cluster) {
        this.cluster = cluster;
        this.api = cluster.api();
        this.watches = new Watches(cluster);
        this.logs = new PodLogRequests(cluster);
        this.streams = new StreamRequests(cluster);
        this.proxies = new ProxyRequests(cluster);
    }

    void serve(KubeRequest request, ApiPath path, KubeExchange exchange) {
        ResourceType type = resolve(path);
        UserInfo user = user(request);
        String method = request.method();
        boolean named = !path.name().isEmpty();
        if (path.subresource().equals("log") && method.equals("GET")) {
            logs.serve(request, user, type, path, exchange);
            return;
        }
        if (StreamRequests.isStreaming(path.subresource())) {
            streams.serve(request, user, type, path.namespace(), path.name(), path.subresource(), exchange);
            return;
        }
        if (path.subresource().equals("proxy")) {
            proxies.serve(request, user, type, path.namespace(), path.name(), path.rest(), exchange);
            return;
        }
        Verb verb = verb(method, named, path, request);
        Optional<JsonNode> deleteOptions = verb == Verb.DELETE || verb == Verb.DELETECOLLECTION
                ? RequestBodies.deleteOptions(request) : Optional.empty();
        if (verb == Verb.DELETE || verb == Verb.DELETECOLLECTION) {
            QueryOptions.validateDelete(request, deleteOptions);
        }
        RequestOptions options = QueryOptions.read(request, deleteOptions);
        ApiRequest r = new ApiRequest(user, verb, type, path.namespace(), path.name(), path.subresource(),
                Optional.empty(), ApiRequest.PatchType.NONE, options);
        Output output = Output.negotiate(request, verb, type);
        switch (verb) {
            case WATCH -> watches.serve(request, r, output, exchange);
            case CREATE, UPDATE -> exchange.reply(write(r.withBody(RequestBodies.object(request, type)), output));
            case PATCH -> {
                ApiRequest.PatchType patchType = RequestBodies.patchType(request);
                exchange.reply(write(r.withPatch(patchType, RequestBodies.patch(request, patchType,
                        options.fieldValidation())), output));
            }
            case LIST -> exchange.reply(list(r, output));
            case DELETE -> exchange.reply(delete(r, output, QueryOptions.keepsDependentsAlive(request, deleteOptions)));
            default -> exchange.reply(write(r, output));
        }
    }

    private ApiResponse handle(ApiRequest r) {
        return api.handle(r);
    }

    private KubeResponse write(ApiRequest r, Output output) {
        ApiResponse response = handle(r);
        return output.single(r.type(), response.code(), response.body(), cluster.clock().now())
                .withHeaders(warnings(response.warnings()));
    }

    /**
     * delete.go answers 202 Accepted for a delete with {@code orphanDependents=false} that left the object
     * terminating, and 200 for every other delete (a foreground or finalizer-held one included).
     */
    private KubeResponse delete(ApiRequest r, Output output, boolean orphanDependentsFalse) {
        ApiResponse response = handle(r);
        int code = response.code();
        if (orphanDependentsFalse && code == 200 && !response.body().path("kind").asText().equals("Status")
                && response.body().path("metadata").has("deletionTimestamp")) {
            code = 202;
        }
        return output.single(r.type(), code, response.body(), cluster.clock().now())
                .withHeaders(warnings(response.warnings()));
    }

    private KubeResponse list(ApiRequest r, Output output) {
        if (output.isTable()) {
            ApiResponse response = handle(r.withOptions(r.options().withSharedObjects()));
            return output.list(r.type(), response.body(), cluster.clock().now());
        }
        return output.plain(200, handle(r).body());
    }

    /** {@code Warning: 299 - "text"}, as kube-apiserver's warning recorder writes each. */
    static List<String[]> warnings(List<String> warnings) {
        List<String[]> headers = new ArrayList<>();
        for (String warning : warnings) {
            headers.add(new String[] {"Warning", "299 - \"" + warning.replace("\\", "\\\\").replace("\"", "\\\"") + "\""});
        }
        return headers;
    }

    private ResourceType resolve(ApiPath path) {
        Optional<ResourceType> type = ResourceTypes.byGroupVersionResource(path.group(), path.version(),
                path.resource());
        if (type.isEmpty() || path.tooLong()
                || (!path.namespace().isEmpty() && !type.get().namespaced())
                || (path.namespace().isEmpty() && type.get().namespaced() && !path.name().isEmpty())
                || (!path.subresource().isEmpty() && !type.get().hasSubresource(path.subresource()))) {
            throw new StatusException(KubeApi.pathNotFound());
        }
        return type.get();
    }

    private static Verb verb(String method, boolean named, ApiPath path, KubeRequest request) {
        boolean watch = path.legacyWatch() || QueryOptions.truthy(request.param("watch"));
        return switch (method) {
            case "GET", "HEAD" -> named && !watch ? Verb.GET : watch ? Verb.WATCH : Verb.LIST;
            case "POST" -> {
                if (named && path.subresource().isEmpty()) {
                    throw methodNotAllowed();
                }
                yield Verb.CREATE;
            }
            case "PUT" -> named ? Verb.UPDATE : methodNotAllowedVerb();
            case "PATCH" -> named ? Verb.PATCH : methodNotAllowedVerb();
            case "DELETE" -> named ? Verb.DELETE : Verb.DELETECOLLECTION;
            default -> methodNotAllowedVerb();
        };
    }

    private static Verb methodNotAllowedVerb() {
        throw methodNotAllowed();
    }

    private static StatusException methodNotAllowed() {
        return new StatusException(new Status(405, "MethodNotAllowed",
                "the server does not allow this method on the requested resource", Optional.empty()));
    }

    /**
     * The sandbox's admin, or whom its {@code Impersonate-User} and {@code Impersonate-Group} headers name
     * ({@code kubectl --as}), if the admin may impersonate them.
     */
    private UserInfo user(KubeRequest request) {
        String as = request.header("impersonate-user");
        String groups = request.header("impersonate-group");
        if (as.isEmpty()) {
            if (!groups.isEmpty()) {
                throw new StatusException(new Status(500, "InternalError",
                        "Internal error occurred: requested [{Group  " + groups + "  }] without impersonating a user",
                        Optional.empty()));
            }
            return UserInfo.ADMIN;
        }
        List<String> groupList = groups.isEmpty() ? List.of()
                : Arrays.stream(groups.split(",")).map(String::strip).filter(g -> !g.isEmpty()).toList();
        return api.impersonate(UserInfo.ADMIN, as, groupList);
    }
}
