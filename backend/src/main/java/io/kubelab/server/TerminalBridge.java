package io.kubelab.server;

import io.kubelab.tenancy.Tokens;
import io.vertx.core.Vertx;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SockJS event-bus bridge at {@code /eventbus}: browsers send to their sandbox's shell and listen
 * to its component events. The permitted addresses say which kinds of address pass; the bridge-event
 * handler says whose: only sandboxes the caller's browser session owns.
 */
final class TerminalBridge {

    private static final String ID = "[a-z][a-z0-9]{" + (Tokens.ID_LENGTH - 1) + "}";
    private static final Pattern SANDBOX_ADDRESS = Pattern.compile("sandbox\\.(" + ID + ")\\.(shell|events)");
    /** Bigger frames than any command line a person types; the shell has its own limits. */
    private static final int MAX_MESSAGE_BYTES = 256 * 1024;

    private TerminalBridge() {
    }

    static void mount(Vertx vertx, Router router) {
        SockJSBridgeOptions options = new SockJSBridgeOptions()
                .addInboundPermitted(new PermittedOptions().setAddressRegex("sandbox\\." + ID + "\\.shell"))
                .addOutboundPermitted(new PermittedOptions().setAddressRegex("sandbox\\." + ID + "\\.events"))
                .setMaxAddressLength(64)
                .setPingTimeout(30_000);
        SockJSHandlerOptions sockJs = new SockJSHandlerOptions().setRegisterWriteHandler(false);
        router.route("/eventbus/*").subRouter(SockJSHandler.create(vertx, sockJs)
                .bridge(options, TerminalBridge::authorize));
    }

    static void authorize(BridgeEvent event) {
        BridgeEventType type = event.type();
        if (type == BridgeEventType.SEND || type == BridgeEventType.PUBLISH || type == BridgeEventType.REGISTER) {
            String address = event.getRawMessage() == null ? null : event.getRawMessage().getString("address");
            Matcher m = address == null ? null : SANDBOX_ADDRESS.matcher(address);
            boolean mine = m != null && m.matches()
                    && BrowserSandboxes.owns(event.socket().webSession(), m.group(1));
            boolean small = event.getRawMessage() == null
                    || event.getRawMessage().toBuffer().length() <= MAX_MESSAGE_BYTES;
            event.complete(mine && small && type != BridgeEventType.PUBLISH);
            return;
        }
        event.complete(true);
    }
}
