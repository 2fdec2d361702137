package io.kubelab.server;

import io.kubelab.apiserver.Status;
import io.kubelab.k8sapi.KubeApi;
import io.kubelab.k8sapi.KubeRequest;
import io.kubelab.k8sapi.KubeResponse;
import io.kubelab.tenancy.SandboxRecord;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code /k8s/{id}/...}: each sandbox's Kubernetes API for a real kubectl (DESIGN 3.3). The caller shows the
 * sandbox's bearer token or its kubeconfig token; anything else, including an id that does not exist, gets
 * the same 401 {@code Unauthorized} Status, so nothing about other sandboxes shows.
 */
final class KubeRoutes {

    static final String PREFIX = "/k8s/";
    /** The request headers the API reads; the others are not carried (to another member, say). */
    private static final List<String> HEADERS = List.of("accept", "content-type", "user-agent", "impersonate-user",
            "impersonate-group", "impersonate-uid", "if-none-match", "upgrade");

    private final Vertx vertx;
    private final Sandboxes sandboxes;
    private final KubeBus bus;
    private final String secret;

    /** Each sandbox's watches and followed logs open through this member. */
    private final Map<String, AtomicInteger> streams = new java.util.concurrent.ConcurrentHashMap<>();
    /** Watches and followed logs one sandbox may hold open at once through one member; more get 429. */
    static final int MAX_STREAMS_PER_SANDBOX = 100;

    private static final long RECORD_TTL_NANOS = 2_000_000_000L;
    private static final int MAX_CACHED_RECORDS = 10_000;
    private final Map<String, Cached> records = new java.util.concurrent.ConcurrentHashMap<>();

    KubeRoutes(Vertx vertx, Sandboxes sandboxes, KubeBus bus, String secret) {
        this.vertx = vertx;
        this.sandboxes = sandboxes;
        this.bus = bus;
        this.secret = secret;
    }

    void mount(Router router) {
        mount(router.route("/k8s/:id/*"), router.route("/k8s/:id/*"));
        router.route("/k8s/:id").handler(ctx -> authenticated(ctx, id -> {
            ctx.put(SANDBOX, id);
            serve(ctx);
        })).failureHandler(KubeRoutes::failure);
    }

    /**
     * Paths without the {@code /k8s/{id}} prefix, on the listener that serves the Kubernetes API alone: the
     * kubeconfig token names its sandbox. {@code kubectl get --raw /api/v1/...} sends such paths, since
     * client-go replaces the server URL's path with the one given.
     */
    void mountUnprefixed(Router router) {
        mount(router.routeWithRegex("^/(?!k8s/).*"), router.routeWithRegex("^/(?!k8s/).*"));
    }

    private void mount(io.vertx.ext.web.Route first, io.vertx.ext.web.Route second) {
        // Before the body handler: an upgrade request's connection is the WebSocket's, not a body to read.
        first.handler(ctx -> {
            if (WatchUpgrade.wants(ctx.request())) {
                ctx.request().pause();
                authenticated(ctx, id -> {
                    if (holdSlot(ctx, id)) {
                        bus.serve(id, request(ctx, id, false), new WatchUpgrade(vertx, ctx.request(),
                                release -> bus.releaseLocally(id, release)));
                    }
                });
            } else if (StreamUpgrade.wants(ctx.request())) {
                ctx.request().pause();
                authenticated(ctx, id -> {
                    if (holdSlot(ctx, id)) {
                        StreamUpgrade.serve(vertx, ctx.request(), request(ctx, id, false),
                                (r, exchange) -> bus.serve(id, r, exchange), release -> bus.releaseLocally(id, release));
                    }
                });
            } else {
                // The token first, the body after: a caller without one gets its 401 before any byte is read.
                ctx.request().pause();
                authenticated(ctx, id -> {
                    ctx.put(SANDBOX, id);
                    ctx.next();
                });
            }
        });
        second.handler(BodyHandler.create(false).setBodyLimit(KubeApi.MAX_BODY_BYTES))
                .handler(this::serve).failureHandler(KubeRoutes::failure);
    }

    /** The routing-context key of the sandbox a request was authenticated for. */
    private static final String SANDBOX = "kubelab.sandbox";

    /**
     * Counts a WebSocket (a watch, exec, attach or port-forward session) among the sandbox's open streams for
     * as long as its connection lasts; false, and a 429, when the sandbox holds as many as it may.
     */
    private boolean holdSlot(RoutingContext ctx, String id) {
        AtomicInteger open = streams.computeIfAbsent(id, k -> new AtomicInteger());
        if (open.incrementAndGet() > MAX_STREAMS_PER_SANDBOX) {
            open.decrementAndGet();
            write(ctx, KubeBus.TOO_MANY);
            return false;
        }
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        ctx.request().connection().closeHandler(v -> {
            if (released.compareAndSet(false, true)) {
                open.decrementAndGet();
            }
        });
        return true;
    }

    private void serve(RoutingContext ctx) {
        String id = ctx.get(SANDBOX);
        AtomicInteger open = streams.computeIfAbsent(id, k -> new AtomicInteger());
        bus.serve(id, request(ctx, id, true), new HttpKubeExchange(vertx, ctx.response(),
                release -> bus.releaseLocally(id, release), open, MAX_STREAMS_PER_SANDBOX));
    }

    /** Runs {@code then} with the sandbox's id once the caller's token is the sandbox's; else a 401. */
    private void authenticated(RoutingContext ctx, java.util.function.Consumer<String> then) {
        Optional<String> token = bearer(ctx.request());
        String id = ctx.pathParam("id") != null ? ctx.pathParam("id")
                : token.flatMap(KubeTokens::sandboxOf).orElse(null);
        if (token.isEmpty() || id == null) {
            unauthorized(ctx);
            return;
        }
        record(id).onSuccess(found -> {
            Optional<SandboxRecord> record = found.filter(r -> r.acceptsToken(token.get())
                    || KubeTokens.matches(secret, id, token.get()));
            if (record.isEmpty()) {
                unauthorized(ctx);
                return;
            }
            try {
                then.accept(id);
            } catch (RuntimeException e) {
                ctx.fail(e);
            }
        }).onFailure(ctx::fail);
    }

    /**
     * The sandbox's record, read from Hazelcast at most every {@link #RECORD_TTL_NANOS}: reading it for every
     * request was a sixth of a request's cost. A sandbox deleted meanwhile is stopped already, so a request that
     * still passes here finds no sandbox to run on.
     */
    private io.vertx.core.Future<Optional<SandboxRecord>> record(String id) {
        Cached cached = records.get(id);
        long now = System.nanoTime();
        if (cached != null && now - cached.readAt() < RECORD_TTL_NANOS) {
            return io.vertx.core.Future.succeededFuture(cached.record());
        }
        return sandboxes.find(id).onSuccess(found -> {
            if (found.isEmpty()) {
                // Misses are not kept: random ids must not push out the records of sandboxes in use.
                return;
            }
            if (records.size() >= MAX_CACHED_RECORDS) {
                records.clear();
            }
            records.put(id, new Cached(found, now));
        });
    }

    private record Cached(Optional<SandboxRecord> record, long readAt) {
    }

    private static KubeRequest request(RoutingContext ctx, String id, boolean withBody) {
        HttpServerRequest http = ctx.request();
        String prefix = PREFIX + id;
        String path = http.path().startsWith(prefix + "/") || http.path().equals(prefix)
                ? http.path().substring(prefix.length()) : http.path();
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : ctx.queryParams()) {
            query.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : HEADERS) {
            List<String> values = http.headers().getAll(name);
            if (!values.isEmpty()) {
                headers.put(name, String.join(",", values));
            }
        }
        Buffer body = !withBody || ctx.body() == null ? null : ctx.body().buffer();
        return new KubeRequest(http.method().name(), path.isEmpty() ? "/" : path, query, headers,
                body == null ? new byte[0] : body.getBytes());
    }

    private static Optional<String> bearer(HttpServerRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).strip()).filter(t -> !t.isEmpty());
    }

    private static void unauthorized(RoutingContext ctx) {
        write(ctx, KubeResponse.status(new Status(401, "Unauthorized", "Unauthorized", Optional.empty())));
    }

    private static void failure(RoutingContext ctx) {
        if (ctx.failure() instanceof io.vertx.ext.web.handler.HttpException http && http.getStatusCode() == 400
                || ctx.statusCode() == 400) {
            // A query that cannot be decoded (e.g. %zz): kube-apiserver's 400.
            write(ctx, KubeResponse.status(Status.badRequest("invalid request: the query could not be decoded")));
            return;
        }
        if (ctx.statusCode() == 413) {
            write(ctx, KubeResponse.status(Status.requestEntityTooLarge("limit is " + KubeApi.MAX_BODY_BYTES)));
            return;
        }
        org.slf4j.LoggerFactory.getLogger(KubeRoutes.class).error("{} {} failed", ctx.request().method(),
                ctx.request().path(), ctx.failure());
        write(ctx, KubeResponse.status(Status.internalError("the request could not be served")));
    }

    private static void write(RoutingContext ctx, KubeResponse answer) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(answer.status()).putHeader("Content-Type", answer.contentType());
        for (String[] header : answer.headers()) {
            ctx.response().headers().add(header[0], header[1]);
        }
        if (!ctx.request().isEnded()) {
            // A body left unread (refused before it was read, or too large) would stall the connection.
            ctx.response().putHeader("Connection", "close");
        }
        ctx.response().end(Buffer.buffer(answer.body()));
    }

    /** The kubeconfig a real kubectl uses for sandbox {@code id} at {@code base}, with its API token. */
    static String kubeconfig(Urls.KubeApi base, String id, String token, KubeTls.Material tls) {
        String name = "kubelab-" + id;
        // Our own certificate is pinned and checked against its own name; a public URL's is trusted as the system trusts it.
        String cluster = base.ownCertificate()
                ? "    certificate-authority-data: " + tls.certificateBase64() + "\n    server: " + base.url() + "/k8s/" + id
                        + "\n    tls-server-name: " + KubeTls.SERVER_NAME
                : "    server: " + base.url() + "/k8s/" + id;
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - cluster:
                %s
                  name: %s
                contexts:
                - context:
                    cluster: %s
                    namespace: default
                    user: %s
                  name: %s
                current-context: %s
                preferences: {}
                users:
                - name: %s
                  user:
                    token: %s
                """.formatted(cluster, name, name, name, name, name, name, token);
    }

    static String token(String secret, String id) {
        return KubeTokens.token(secret, id);
    }
}
