package io.kubelab.server;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CSRFHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.sstore.ClusteredSessionStore;
import io.vertx.ext.web.templ.thymeleaf.ThymeleafTemplateEngine;
import io.vertx.micrometer.PrometheusScrapingHandler;

/** The HTTP listener and its routes: pages, static assets, the SockJS bridge, the automation API. */
final class HttpVerticle extends VerticleBase {

    static final long MAX_BODY_BYTES = 1024 * 1024;

    private final ServerConfig config;
    private final Health health;
    private final Sandboxes sandboxes;
    private final String secret;
    private final String metricsRegistry;
    private HttpServer server;

    private final KubeBus kube;

    private final KubeTls.Material tls;
    private HttpServer kubeServer;

    HttpVerticle(ServerConfig config, Health health, Sandboxes sandboxes, KubeBus kube, String secret,
                 KubeTls.Material tls, String metricsRegistry) {
        this.kube = kube;
        this.tls = tls;
        this.metricsRegistry = metricsRegistry;
        this.config = config;
        this.health = health;
        this.sandboxes = sandboxes;
        this.secret = secret;
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        router.route().handler(RequestLog::handle).handler(SecurityHeaders::handle);
        router.get("/healthz").handler(health::handle);
        router.get("/metrics").handler(PrometheusScrapingHandler.create(metricsRegistry));
        router.route("/static/*").handler(StaticHandler.create("webroot").setMaxAgeSeconds(3600));
        // Before sessions, CSRF and the 1 MiB body limit: the Kubernetes API authenticates by bearer token only.
        KubeRoutes kubeRoutes = new KubeRoutes(vertx, sandboxes, kube, secret);
        kubeRoutes.mount(router);

        SessionHandler sessions = SessionHandler.create(ClusteredSessionStore.create(vertx))
                .setSessionCookieName(BrowserSandboxes.COOKIE)
                .setCookieHttpOnlyFlag(true)
                .setCookieSameSite(CookieSameSite.LAX)
                .setSessionTimeout(config.sandboxLifetime().toMillis())
                .setLazySession(true);
        router.route().handler(sessions);
        TerminalBridge.mount(vertx, router);

        router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        router.post().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        router.routeWithRegex("^/(?!api/).*").handler(CSRFHandler.create(vertx, secret)
                .setCookieName("kubelab.csrf").setCookieHttpOnly(true));

        new SandboxApi(sandboxes, config, () -> health.state() == Health.State.UP, secret, tls,
                () -> kubeServer.actualPort()).mount(router);
        PageRoutes pages = new PageRoutes(ThymeleafTemplateEngine.create(vertx), sandboxes, sessions,
                () -> health.state() == Health.State.UP);
        pages.mount(router);

        router.route("/api/*").failureHandler(ApiError::respond);
        router.route("/api/*").last().handler(ctx -> ctx.fail(new ApiError(404, "no such API call")));
        router.route().failureHandler(ctx -> pageFailure(pages, ctx));
        router.route().last().handler(pages::notFound);

        server = vertx.createHttpServer(new HttpServerOptions()
                .setHost(config.host())
                .setPort(config.port())
                .setCompressionSupported(true)
                .setWebSocketSubProtocols(StreamUpgrade.SUBPROTOCOLS)
                .setMaxHeaderSize(16 * 1024));
        // The same routes over TLS: kubectl sends a kubeconfig's bearer token only to an https server.
        kubeServer = vertx.createHttpServer(new HttpServerOptions()
                .setHost(config.host())
                .setPort(config.kubeApiPort())
                .setSsl(true)
                .setKeyCertOptions(new PemKeyCertOptions()
                        .addCertValue(Buffer.buffer(tls.certificatePem()))
                        .addKeyValue(Buffer.buffer(tls.keyPem())))
                .setCompressionSupported(true)
                .setWebSocketSubProtocols(StreamUpgrade.SUBPROTOCOLS)
                .setMaxHeaderSize(16 * 1024));
        // The TLS listener serves the Kubernetes API only: no pages, sessions or automation API under its certificate.
        Router kubeRouter = Router.router(vertx);
        kubeRouter.route().handler(RequestLog::handle);
        kubeRoutes.mount(kubeRouter);
        kubeRoutes.mountUnprefixed(kubeRouter);
        kubeRouter.route().last().handler(ctx -> ctx.response().setStatusCode(404)
                .putHeader("Content-Type", "text/plain; charset=utf-8").end("404 page not found\n"));
        return server.requestHandler(router).listen().compose(s -> kubeServer.requestHandler(kubeRouter).listen());
    }

    int kubeApiPort() {
        return kubeServer.actualPort();
    }

    private static void pageFailure(PageRoutes pages, RoutingContext ctx) {
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        if (ctx.response().ended()) {
            return;
        }
        switch (status) {
            case 403 -> pages.error(ctx, 403, "This form has expired",
                    "The page was open too long or came from elsewhere. Go back, reload it and try again.");
            case 413 -> pages.error(ctx, 413, "Too large", "That request was larger than this server accepts.");
            default -> {
                org.slf4j.LoggerFactory.getLogger(HttpVerticle.class).error("{} {} failed",
                        ctx.request().method(), ctx.request().path(), ctx.failure());
                pages.error(ctx, status >= 400 ? status : 500, "Something went wrong",
                        "The server could not finish this request. Try again in a moment.");
            }
        }
    }

    /** The port actually bound: the configured one, or the free one picked for port 0. */
    int port() {
        return server.actualPort();
    }

    /** Stops taking new connections and lets in-flight requests finish, up to the timeout. */
    Future<Void> shutdown() {
        return Future.all(server.shutdown(config.shutdownTimeout()), kubeServer.shutdown(config.shutdownTimeout()))
                .mapEmpty();
    }
}
