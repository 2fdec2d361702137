package io.kubelab.k8sapi.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.cluster.SimCluster;
import io.kubelab.k8sapi.KubeExchange;
import io.kubelab.k8sapi.KubeRequest;
import io.kubelab.k8sapi.KubeResponse;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.runtime.image.Network;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code proxy} subresource of pods, services and nodes ({@code kubectl get --raw .../proxy/PATH}): the
 * target found as kube-apiserver's {@code ResourceLocation} finds it, with its errors, then the request sent
 * from the control plane over the simulated network to the pod or node, and its answer passed back.
 */
public final class ProxyRequests {

    private static final ResourceType POD = ResourceTypes.of("v1", "Pod");
    private static final ResourceType ENDPOINTS = ResourceTypes.of("v1", "Endpoints");
    private static final int KUBELET_PORT = 10250;
    private static final List<String> HOP_BY_HOP = List.of("connection", "content-length", "content-type",
            "keep-alive", "transfer-encoding", "upgrade");

    private final SimCluster cluster;

    public ProxyRequests(SimCluster cluster) {
        this.cluster = cluster;
    }

    public void serve(KubeRequest request, UserInfo user, ResourceType type, String namespace, String id, String rest,
                      KubeExchange exchange) {
        ProxyTarget.Id target = ProxyTarget.Id.parse(id).orElseThrow(() -> new StatusException(Status.badRequest(
                "invalid " + type.kind().toLowerCase(java.util.Locale.ROOT) + " request \"" + id + "\"")));
        ApiRequest r = new ApiRequest(user, verb(request.method()), type, namespace, target.name(), "proxy",
                Optional.empty(), ApiRequest.PatchType.NONE, RequestOptions.DEFAULT);
        ObjectNode object = cluster.api().connect(r, "proxy");
        String path = path(request, rest);
        exchange.reply(switch (type.kind()) {
            case "Pod" -> pod(object, target, request, path);
            case "Service" -> service(object, target, id, namespace, request, path);
            default -> node(object, target, path);
        });
    }

    private KubeResponse pod(ObjectNode pod, ProxyTarget.Id target, KubeRequest request, String path) {
        String port = target.port();
        if (port.isEmpty()) {
            for (JsonNode c : pod.path("spec").path("containers")) {
                if (c.path("ports").size() > 0) {
                    port = c.path("ports").get(0).path("containerPort").asText();
                    break;
                }
            }
        }
        String ip = pod.path("status").path("podIP").asText("");
        if (ip.isEmpty()) {
            throw new StatusException(Status.badRequest("address not allowed"));
        }
        return send(ip, port.isEmpty() ? 80 : ProxyTarget.port(port), request, path);
    }

    private KubeResponse service(ObjectNode svc, ProxyTarget.Id target, String id, String namespace,
                                 KubeRequest request, String path) {
        String portName = target.port();
        if (ProxyTarget.numeric(portName)) {
            int number = ProxyTarget.port(portName);
            Optional<String> named = Optional.empty();
            for (JsonNode p : svc.path("spec").path("ports")) {
                if (p.path("port").asInt() == number) {
                    named = Optional.of(p.path("name").asText(""));
                    break;
                }
            }
            portName = named.orElseThrow(() -> new StatusException(Status.serviceUnavailable("no service port "
                    + number + " found for service \"" + target.name() + "\"")));
        }
        ObjectNode endpoints = cluster.api().peek(ENDPOINTS, namespace, target.name()).orElseThrow(() ->
                new StatusException(new Status(404, "NotFound", "endpoints \"" + target.name() + "\" not found",
                        Optional.of(new Status.Details(target.name(), "", "endpoints", List.of(), 0)))));
        JsonNode subsets = endpoints.path("subsets");
        if (subsets.isEmpty()) {
            throw new StatusException(Status.serviceUnavailable("no endpoints available for service \""
                    + target.name() + "\""));
        }
        for (JsonNode subset : subsets) {
            if (subset.path("addresses").isEmpty()) {
                continue;
            }
            for (JsonNode p : subset.path("ports")) {
                if (p.path("name").asText("").equals(portName)) {
                    String ip = subset.path("addresses").get(0).path("ip").asText();
                    return send(ip, p.path("port").asInt(), request, path);
                }
            }
        }
        throw new StatusException(Status.serviceUnavailable("no endpoints available for service \"" + id + "\""));
    }

    /** The kubelet's own HTTP server: what a student reaches there is its health check and its pod list. */
    private KubeResponse node(ObjectNode node, ProxyTarget.Id target, String path) {
        String name = target.name();
        String ip = "";
        for (JsonNode a : node.path("status").path("addresses")) {
            if (a.path("type").asText().equals("InternalIP")) {
                ip = a.path("address").asText();
            }
        }
        int port = target.port().isEmpty() ? KUBELET_PORT : ProxyTarget.port(target.port());
        boolean up = cluster.runtime(name).map(r -> r.running()).orElse(false);
        if (!up || port != KUBELET_PORT) {
            throw unreachable(ip, port, up ? "connect: connection refused" : "i/o timeout");
        }
        String plain = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return switch (plain) {
            case "/healthz" -> KubeResponse.text(200, "ok");
            case "/pods", "/pods/" -> KubeResponse.json(200, podsOn(name));
            default -> KubeResponse.text(404, "404 page not found\n");
        };
    }

    /** The kubelet's {@code /pods}: the pods bound to its node, as a {@code PodList}. */
    private ObjectNode podsOn(String node) {
        ObjectNode list = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        list.put("kind", "PodList").put("apiVersion", "v1").putObject("metadata");
        var items = list.putArray("items");
        for (ObjectNode pod : cluster.api().peekAll(POD, "")) {
            if (pod.path("spec").path("nodeName").asText().equals(node)) {
                items.add(pod);
            }
        }
        return list;
    }

    private KubeResponse send(String ip, int port, KubeRequest request, String path) {
        List<String> headers = new ArrayList<>();
        String contentType = request.header("content-type");
        if (!contentType.isEmpty()) {
            headers.add("Content-Type: " + contentType);
        }
        Network.HttpRequest http = new Network.HttpRequest(request.method(), ip + ":" + port, path, headers,
                new String(request.body(), StandardCharsets.UTF_8), controlPlaneIp(), request.header("user-agent"));
        Network.HttpExchange answer = cluster.requestFromNode(cluster.spec().controlPlane().name(), ip, port, http);
        if (answer instanceof Network.Failure failure) {
            throw unreachable(ip, port, failure.reason().equals("Connection refused") ? "connect: connection refused"
                    : "i/o timeout");
        }
        Network.HttpReply reply = ((Network.Answered) answer).reply();
        List<String[]> extra = new ArrayList<>();
        for (String header : reply.headers()) {
            int colon = header.indexOf(':');
            if (colon > 0 && !HOP_BY_HOP.contains(header.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT))) {
                extra.add(new String[] {header.substring(0, colon).strip(), header.substring(colon + 1).strip()});
            }
        }
        return new KubeResponse(reply.status(), reply.header("Content-Type").orElse("text/plain; charset=utf-8"),
                extra, reply.body().getBytes(StandardCharsets.UTF_8));
    }

    private String controlPlaneIp() {
        return cluster.spec().controlPlane().internalIp();
    }

    /** kube-apiserver's proxy transport, when dialing the target fails. */
    private static StatusException unreachable(String ip, int port, String why) {
        return new StatusException(Status.serviceUnavailable("error trying to reach service: dial tcp " + ip + ":"
                + port + ": " + why));
    }

    /** The path below {@code .../proxy}, with the query, as the target receives it. */
    private static String path(KubeRequest request, String rest) {
        String full = request.path();
        int at = subresourceEnd(full);
        String path = at < 0 ? "/" + rest : full.substring(at);
        if (path.isEmpty()) {
            path = "/";
        }
        return path + ProxyTarget.query(request);
    }

    /**
     * Where the path's {@code proxy} segment ends: after {@code api/v1} or {@code apis/G/V}, an optional
     * {@code namespaces/NS}, the resource and the name (by position, since a name or a namespace may itself
     * contain "proxy"); -1 when the path is not laid out so.
     */
    static int subresourceEnd(String full) {
        int pos = 0;
        int segment = 0;
        int skip = full.startsWith("/api/") ? 2 : 3;
        boolean namespaced = false;
        while (pos < full.length()) {
            int start = full.charAt(pos) == '/' ? pos + 1 : pos;
            int end = full.indexOf('/', start);
            end = end < 0 ? full.length() : end;
            String part = full.substring(start, end);
            if (segment == skip && part.equals("namespaces")) {
                namespaced = true;
            }
            int proxyAt = skip + (namespaced ? 2 : 0) + 2;
            if (segment == proxyAt) {
                return part.equals("proxy") ? end : -1;
            }
            segment++;
            pos = end;
        }
        return -1;
    }

    private static ApiRequest.Verb verb(String method) {
        return switch (method) {
            case "POST" -> ApiRequest.Verb.CREATE;
            case "PUT" -> ApiRequest.Verb.UPDATE;
            case "PATCH" -> ApiRequest.Verb.PATCH;
            case "DELETE" -> ApiRequest.Verb.DELETE;
            default -> ApiRequest.Verb.GET;
        };
    }
}
