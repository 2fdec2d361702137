package io.kubelab.k8sapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ServerVersion;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.openapi.OpenApiV3;
import io.kubelab.cluster.SimCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One sandbox's Kubernetes API over HTTP (DESIGN 3.3): discovery, {@code /version}, OpenAPI, and every
 * resource path, answered by the sandbox's own API server exactly as the terminal's kubectl is. The caller is
 * already authenticated as the sandbox's admin user; calls run under the sandbox's lock.
 */
public final class KubeApi {

    /** kube-apiserver's {@code MaxRequestBodyBytes}: larger bodies get a 413. */
    public static final int MAX_BODY_BYTES = RequestBodies.MAX_BYTES;

    private static final Logger LOG = LoggerFactory.getLogger(KubeApi.class);
    private static final List<String> ROOT_PATHS = List.of("/api", "/api/v1", "/apis", "/healthz", "/livez",
            "/openapi/v2", "/openapi/v3", "/readyz", "/version");

    private final OpenStreams streams = new OpenStreams();
    private final SimCluster cluster;
    private final ResourceRequests resources;

    public KubeApi(SimCluster cluster) {
        this.cluster = cluster;
        this.resources = new ResourceRequests(cluster);
    }

    /** Ends the streams still open: the sandbox stops, or its cluster is replaced. */
    public void close() {
        streams.endAll();
    }

    public SimCluster cluster() {
        return cluster;
    }

    /** Answers {@code request} through {@code exchange}, once: with a whole response, a Status, or a stream. */
    public void serve(KubeRequest request, KubeExchange answer) {
        KubeExchange exchange = streams.tracking(answer);
        try {
            cluster.clock().tick();
            route(request, exchange);
        } catch (StatusException e) {
            exchange.reply(KubeResponse.status(e.status()));
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", request.method(), request.path(), e);
            exchange.reply(KubeResponse.status(Status.internalError(String.valueOf(e.getMessage()))));
        }
    }

    private void route(KubeRequest request, KubeExchange exchange) {
        List<String> segments = segments(request.path());
        Optional<ApiPath> path = ApiPath.parse(segments);
        if (path.isPresent()) {
            resources.serve(request, path.get(), exchange);
            return;
        }
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            exchange.reply(KubeResponse.status(new Status(405, "MethodNotAllowed",
                    "the server does not allow this method on the requested resource", Optional.empty())));
            return;
        }
        String joined = String.join("/", segments);
        exchange.reply(switch (joined) {
            case "" -> {
                ObjectNode root = JsonNodeFactory.instance.objectNode();
                ROOT_PATHS.forEach(root.putArray("paths")::add);
                yield KubeResponse.json(200, root);
            }
            case "version" -> KubeResponse.json(200, ServerVersion.server());
            case "healthz", "livez", "readyz" -> KubeResponse.text(200, "ok");
            case "api" -> discovery(request, true);
            case "apis" -> discovery(request, false);
            case "openapi/v2" -> OpenApiV2Responses.answer(request);
            case "openapi/v3" -> KubeResponse.json(200, OpenApiV3.index());
            default -> other(joined, segments);
        });
    }

    private KubeResponse discovery(KubeRequest request, boolean core) {
        for (MediaType accepted : MediaType.parseAccept(request.header("accept"))) {
            if (accepted.asForm(AggregatedDiscovery.FORM, AggregatedDiscovery.GROUP)
                    && (accepted.param("v").equals("v2") || accepted.param("v").equals("v2beta1"))) {
                String version = accepted.param("v");
                return KubeResponse.json(200, AggregatedDiscovery.contentType(version),
                        AggregatedDiscovery.document(core, version, metricsAvailable()));
            }
            if (accepted.acceptsJson()) {
                break;
            }
        }
        return KubeResponse.json(200, core ? Discovery.apiVersions(apiServerAddress())
                : Discovery.groupList(metricsAvailable()));
    }

    private boolean metricsAvailable() {
        return cluster.api().metricsAvailable();
    }

    private String apiServerAddress() {
        return cluster.spec().controlPlane().internalIp() + ":6443";
    }

    private KubeResponse other(String joined, List<String> segments) {
        if (joined.startsWith("openapi/v3/")) {
            Optional<ByteBuffer> document = OpenApiV3.documentJson(joined.substring("openapi/v3/".length()));
            if (document.isPresent()) {
                ByteBuffer bytes = document.get().duplicate();
                byte[] body = new byte[bytes.remaining()];
                bytes.get(body);
                return new KubeResponse(200, KubeResponse.JSON, List.of(), body);
            }
        }
        if (segments.size() == 2 && segments.get(0).equals("api")) {
            return Discovery.resources("", segments.get(1)).map(d -> KubeResponse.json(200, d))
                    .orElseGet(KubeApi::notFound);
        }
        if (segments.size() >= 2 && segments.get(0).equals("apis") && segments.get(1).equals(Discovery.METRICS_GROUP)
                && !metricsAvailable()) {
            // The aggregator answers for an APIService whose backend is down.
            return KubeResponse.status(Status.serviceUnavailable("the server is currently unable to handle the request"));
        }
        if (segments.size() == 2 && segments.get(0).equals("apis")) {
            return Discovery.group(segments.get(1)).map(d -> KubeResponse.json(200, d)).orElseGet(KubeApi::notFound);
        }
        if (segments.size() == 3 && segments.get(0).equals("apis")) {
            return Discovery.resources(segments.get(1), segments.get(2)).map(d -> KubeResponse.json(200, d))
                    .orElseGet(KubeApi::notFound);
        }
        return notFound();
    }

    static KubeResponse notFound() {
        return KubeResponse.status(pathNotFound());
    }

    /**
     * kube-apiserver's answer for a path nothing serves: a generic 404 whose details name nothing, written as
     * an empty {@code details} object.
     */
    static Status pathNotFound() {
        return new Status(404, "NotFound", "the server could not find the requested resource",
                Optional.of(new Status.Details("", "", "", List.of(), 0)));
    }

    private static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }
}
