package io.kubelab.server;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** A failed automation-API call: its HTTP status and the {@code {"error": ...}} message (DESIGN 3.2). */
final class ApiError extends RuntimeException {

    final int status;

    ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static ApiError notFound(String id) {
        return new ApiError(404, "sandbox \"" + id + "\" not found");
    }

    /** The one place automation-API failures are written, whatever raised them. */
    static void respond(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        int status;
        String message;
        if (failure instanceof ApiError api) {
            status = api.status;
            message = api.getMessage();
        } else if (ctx.statusCode() == 413) {
            status = 413;
            message = "request body too large";
        } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            status = ctx.statusCode();
            message = failure != null && failure.getMessage() != null ? failure.getMessage() : "bad request";
        } else {
            status = 500;
            message = "internal error";
            org.slf4j.LoggerFactory.getLogger(ApiError.class).error("{} {} failed", ctx.request().method(),
                    ctx.request().path(), failure);
        }
        if (ctx.response().ended()) {
            return;
        }
        if (status == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", message).encode());
    }
}
