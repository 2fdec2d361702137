package io.kubelab.server;

import io.kubelab.tenancy.SandboxDirectory;
import io.kubelab.tenancy.SandboxRecord;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** The automation API of DESIGN 3.2 under {@code /api/v1/sandboxes}. */
final class SandboxApi {

    private final Sandboxes sandboxes;
    private final ServerConfig config;
    private final BooleanSupplier accepting;

    /** @param accepting whether new sandboxes may start here (not while draining) */
    private final String secret;

    private final KubeTls.Material tls;
    private final java.util.function.IntSupplier kubeApiPort;

    SandboxApi(Sandboxes sandboxes, ServerConfig config, BooleanSupplier accepting, String secret,
               KubeTls.Material tls, java.util.function.IntSupplier kubeApiPort) {
        this.secret = secret;
        this.tls = tls;
        this.kubeApiPort = kubeApiPort;
        this.sandboxes = sandboxes;
        this.config = config;
        this.accepting = accepting;
    }

    void mount(Router router) {
        router.post("/api/v1/sandboxes").handler(this::create);
        router.get("/api/v1/sandboxes/:id").handler(this::summary);
        router.post("/api/v1/sandboxes/:id/exec").handler(this::exec);
        router.get("/api/v1/sandboxes/:id/kubeconfig").handler(this::kubeconfig);
        router.delete("/api/v1/sandboxes/:id").handler(this::delete);
    }

    private void create(RoutingContext ctx) {
        if (!accepting.getAsBoolean()) {
            ctx.response().putHeader("Retry-After", "5");
            ctx.fail(new ApiError(503, "this server is shutting down; try again in a moment"));
            return;
        }
        if (!config.anonymousSandboxes()) {
            ctx.fail(new ApiError(403, "anonymous sandbox creation is turned off on this server"));
            return;
        }
        JsonObject body = jsonBody(ctx, false);
        Object scenario = body.getValue("scenario");
        if (scenario != null && !(scenario instanceof String)) {
            ctx.fail(new ApiError(400, "\"scenario\" must be a string"));
            return;
        }
        if (scenario != null) {
            // No scenario is published on this server yet (scenarios arrive with their own module).
            ctx.fail(new ApiError(404, "scenario \"" + scenario + "\" not found"));
            return;
        }
        Object options = body.getValue("cluster");
        if (options != null && !(options instanceof JsonObject)) {
            ctx.fail(new ApiError(400, "\"cluster\" must be an object, e.g. {\"workers\":3,\"controlPlanes\":3}"));
            return;
        }
        io.kubelab.cluster.ClusterSpec cluster;
        try {
            cluster = io.kubelab.cluster.ClusterSpec.fromOptions(options == null ? java.util.Map.of()
                    : ((JsonObject) options).getMap());
        } catch (IllegalArgumentException e) {
            ctx.fail(new ApiError(400, e.getMessage()));
            return;
        }
        sandboxes.create(Optional.empty(), cluster).onSuccess(created -> {
            String base = Urls.base(ctx, config);
            String id = created.record().id();
            ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                    .putHeader("Location", "/api/v1/sandboxes/" + id)
                    .end(new JsonObject()
                            .put("id", id)
                            .put("token", created.token())
                            .put("terminalUrl", base + "/s/" + id + "?token=" + created.token())
                            .put("kubeconfigUrl", base + "/api/v1/sandboxes/" + id + "/kubeconfig")
                            .encode());
        }).onFailure(ctx::fail);
    }

    private void summary(RoutingContext ctx) {
        authorize(ctx).onSuccess(record -> ctx.response().putHeader("Content-Type", "application/json")
                .end(summaryJson(record).encode())).onFailure(ctx::fail);
    }

    static JsonObject summaryJson(SandboxRecord record) {
        return new JsonObject()
                .put("id", record.id())
                .put("created", record.created().toString())
                .put("expires", record.expires().toString())
                .put("scenario", record.scenario().orElse(null))
                .put("cluster", new JsonObject(record.clusterSpec().options()));
    }

    private void exec(RoutingContext ctx) {
        authorize(ctx).compose(record -> {
            JsonObject body = jsonBody(ctx, true);
            if (!(body.getValue("command") instanceof String command)) {
                return Future.failedFuture(new ApiError(400, "body must be {\"command\":\"<command line>\"}"));
            }
            return sandboxes.exec(record.id(), command).recover(err -> Future.failedFuture(unavailable(record, err)));
        }).onSuccess(result -> ctx.response().putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("stdout", result.stdout()).put("stderr", result.stderr())
                        .put("exitCode", result.exitCode()).encode())).onFailure(ctx::fail);
    }

    private static Throwable unavailable(SandboxRecord record, Throwable err) {
        if (err instanceof ReplyException reply) {
            switch (reply.failureType()) {
                case NO_HANDLERS, RECIPIENT_FAILURE:
                    return new ApiError(503, "sandbox \"" + record.id() + "\" is not running on any member");
                case TIMEOUT:
                    return new ApiError(504, "sandbox \"" + record.id() + "\" did not answer in time");
                default:
                    break;
            }
        }
        return err;
    }

    private void kubeconfig(RoutingContext ctx) {
        authorize(ctx).onSuccess(record -> ctx.response()
                .putHeader("Content-Type", "application/yaml")
                .putHeader("Content-Disposition", "attachment; filename=\"kubeconfig-" + record.id() + ".yaml\"")
                .end(KubeRoutes.kubeconfig(Urls.kubeApi(ctx, config, kubeApiPort.getAsInt()), record.id(),
                        KubeTokens.token(secret, record.id()), tls)))
                .onFailure(ctx::fail);
    }

    private void delete(RoutingContext ctx) {
        authorize(ctx).compose(record -> sandboxes.delete(record.id()))
                .onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    }

    /**
     * The sandbox named in the path, if the caller holds its bearer token or owns it through the browser
     * session. No credentials at all: 401. Credentials that do not fit, or no such sandbox: the same 404,
     * so a caller learns nothing about sandboxes that are not theirs.
     */
    private Future<SandboxRecord> authorize(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Optional<String> token = bearer(ctx);
        boolean browserOwns = token.isEmpty() && BrowserSandboxes.owned(ctx).contains(id);
        if (token.isEmpty() && !browserOwns) {
            return Future.failedFuture(new ApiError(401, "missing bearer token"));
        }
        if (browserOwns && ctx.request().method() != HttpMethod.GET && !jsonRequest(ctx)) {
            // A cookie rides along on forms from other pages; a JSON content type needs a script of our own origin.
            return Future.failedFuture(new ApiError(403, "calls authenticated by the browser session must send "
                    + "Content-Type: application/json"));
        }
        return sandboxes.find(id).compose(found -> found
                .filter(record -> browserOwns || record.acceptsToken(token.get()))
                .map(Future::succeededFuture)
                .orElseGet(() -> Future.failedFuture(ApiError.notFound(id))));
    }

    private static boolean jsonRequest(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    private static Optional<String> bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).strip()).filter(t -> !t.isEmpty());
    }

    private static JsonObject jsonBody(RoutingContext ctx, boolean required) {
        String text = ctx.body().asString();
        if (text == null || text.isBlank()) {
            if (required) {
                throw new ApiError(400, "request body must be a JSON object");
            }
            return new JsonObject();
        }
        try {
            Object parsed = io.vertx.core.json.Json.decodeValue(text);
            if (parsed instanceof JsonObject object) {
                return object;
            }
        } catch (DecodeException e) {
            String reason = e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException json
                    ? json.getOriginalMessage() : e.getMessage();
            throw new ApiError(400, "request body is not valid JSON: " + reason);
        }
        throw new ApiError(400, "request body must be a JSON object");
    }
}
