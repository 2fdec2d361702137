package io.kubelab.server;

import io.kubelab.tenancy.SandboxRecord;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CSRFHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.templ.thymeleaf.ThymeleafTemplateEngine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** The pages a person sees: home, workspace, and the error pages, rendered by Thymeleaf. */
final class PageRoutes {

    private final ThymeleafTemplateEngine engine;
    private final Sandboxes sandboxes;
    private final BooleanSupplier accepting;
    private final SessionHandler sessions;

    PageRoutes(ThymeleafTemplateEngine engine, Sandboxes sandboxes, SessionHandler sessions, BooleanSupplier accepting) {
        this.engine = engine;
        this.sandboxes = sandboxes;
        this.sessions = sessions;
        this.accepting = accepting;
    }

    void mount(Router router) {
        router.get("/").handler(this::home);
        router.post("/play").handler(this::play);
        router.post("/join").handler(this::join);
        router.get("/s/:id").handler(this::workspace);
    }

    private void home(RoutingContext ctx) {
        renderHome(ctx, 200, Map.of());
    }

    private void renderHome(RoutingContext ctx, int status, Map<String, Object> extra) {
        liveSandboxes(ctx).onSuccess(live -> {
            Map<String, Object> data = new HashMap<>(extra);
            data.put("sandboxes", live.stream().map(r -> Map.of("id", r.id(), "created", r.created().toString()))
                    .toList());
            data.put("scenarios", List.of());
            render(ctx, status, "home", data);
        }).onFailure(ctx::fail);
    }

    /** The browser's sandboxes that still exist; forgets the rest. */
    private Future<List<SandboxRecord>> liveSandboxes(RoutingContext ctx) {
        List<String> owned = BrowserSandboxes.owned(ctx);
        List<Future<Optional<SandboxRecord>>> lookups = owned.stream().map(sandboxes::find).toList();
        return Future.all(lookups).map(all -> {
            List<SandboxRecord> live = new ArrayList<>();
            lookups.forEach(f -> f.result().ifPresent(live::add));
            if (live.size() != owned.size()) {
                BrowserSandboxes.keepOnly(ctx, live.stream().map(SandboxRecord::id).toList());
            }
            return live;
        });
    }

    private void play(RoutingContext ctx) {
        if (!accepting.getAsBoolean()) {
            ctx.response().putHeader("Retry-After", "5");
            error(ctx, 503, "Restarting", "This server is restarting. Try again in a few seconds.");
            return;
        }
        sandboxes.create(Optional.empty()).onSuccess(created -> {
            BrowserSandboxes.add(ctx, created.record().id());
            redirectOnceStored(ctx, "/s/" + created.record().id());
        }).onFailure(ctx::fail);
    }

    private void join(RoutingContext ctx) {
        String code = Optional.ofNullable(ctx.request().getFormAttribute("code")).orElse("").strip();
        String error = code.isEmpty()
                ? "Enter the join code your instructor gave you."
                : "No class uses the join code \u201c" + code + "\u201d. Check the code with your instructor.";
        renderHome(ctx, code.isEmpty() ? 400 : 404, Map.of("joinError", error, "joinCode", code));
    }

    private void workspace(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String token = ctx.request().getParam("token");
        sandboxes.find(id).onSuccess(found -> {
            if (found.isPresent() && token != null && found.get().acceptsToken(token)) {
                // A link from the automation API: this browser now owns the sandbox; drop the token from the bar.
                // A new session id as ownership grows, so a planted session cookie gains nothing.
                ctx.session().regenerateId();
                BrowserSandboxes.add(ctx, id);
                redirectOnceStored(ctx, "/s/" + id);
            } else if (found.isPresent() && BrowserSandboxes.owned(ctx).contains(id)) {
                render(ctx, 200, "workspace", Map.of("sandbox", SandboxApi.summaryJson(found.get()).getMap()));
            } else {
                notFound(ctx);
            }
        }).onFailure(ctx::fail);
    }

    void notFound(RoutingContext ctx) {
        error(ctx, 404, "Not found", "There is nothing here, or it is not yours to see. Sandboxes are private to "
                + "the browser that started them.");
    }

    void error(RoutingContext ctx, int status, String title, String message) {
        render(ctx, status, "error", Map.of("status", status, "title", title, "message", message));
    }

    private void render(RoutingContext ctx, int status, String template, Map<String, Object> data) {
        Map<String, Object> all = new HashMap<>(data);
        Object csrf = ctx.get(CSRFHandler.DEFAULT_HEADER_NAME);
        all.put("csrfToken", csrf == null ? "" : csrf);
        all.put("csrfField", CSRFHandler.DEFAULT_HEADER_NAME);
        engine.render(all, "templates/" + template + ".html").onSuccess(html -> {
            if (!ctx.response().ended()) {
                ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
                        .putHeader("Cache-Control", "no-store").end(html);
            }
        }).onFailure(err -> {
            if (!ctx.failed()) {
                ctx.fail(err);
            } else if (!ctx.response().ended()) {
                // The error page itself failed: answer in plain text rather than fail again.
                ctx.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8")
                        .end(status + " " + data.getOrDefault("title", "error") + "\n");
            }
        });
    }

    /**
     * The clustered session store writes asynchronously; a browser following the redirect at once must
     * find its new sandbox in the session, so the write finishes first.
     */
    private void redirectOnceStored(RoutingContext ctx, String path) {
        sessions.flush(ctx).onComplete(done -> redirect(ctx, path));
    }

    private static void redirect(RoutingContext ctx, String path) {
        ctx.response().setStatusCode(303).putHeader("Location", path).end();
    }
}
