package io.kubelab.server;

import io.vertx.ext.web.RoutingContext;

/** Headers every response carries: our own assets only, no inline script, no framing, no sniffing. */
final class SecurityHeaders {

    // xterm.js writes its measured cell styles into <style> elements, hence inline styles are allowed.
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    static void handle(RoutingContext ctx) {
        ctx.response()
                .putHeader("Content-Security-Policy", CSP)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "same-origin")
                .putHeader("X-Frame-Options", "DENY");
        ctx.next();
    }
}
