package io.kubelab.k8sapi.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The WebSocket subprotocols of kubelet's remote command server (apimachinery's {@code wsstream}): each
 * message starts with its channel, a byte (binary) or an ASCII digit before base64 text. From v4 the error
 * channel carries a {@code Status} as JSON, before that plain text; v5 adds the close signal (channel 255).
 */
public enum ChannelProtocol {
    V5("v5.channel.k8s.io", true, true),
    V4("v4.channel.k8s.io", true, true),
    V4_BASE64("v4.base64.channel.k8s.io", false, true),
    V1("channel.k8s.io", true, false),
    V1_BASE64("base64.channel.k8s.io", false, false);

    public static final int STDIN = 0;
    public static final int STDOUT = 1;
    public static final int STDERR = 2;
    public static final int ERROR = 3;
    public static final int RESIZE = 4;
    /** v5's close signal: {@code [255, channel]} half-closes that channel. */
    public static final int CLOSE = 255;

    /** What the server offers, for its handshake settings. */
    public static final List<String> NAMES = names();

    private final String wireName;
    private final boolean binary;
    private final boolean statusJson;

    ChannelProtocol(String wireName, boolean binary, boolean statusJson) {
        this.wireName = wireName;
        this.binary = binary;
        this.statusJson = statusJson;
    }

    public String wireName() {
        return wireName;
    }

    /** Binary messages with a channel byte; else text messages, a channel digit and base64. */
    public boolean binary() {
        return binary;
    }

    /** Whether the error channel carries a JSON {@code Status} (v4 and later) rather than text. */
    public boolean statusJson() {
        return statusJson;
    }

    public boolean closeSignal() {
        return this == V5;
    }

    /**
     * The client's first offered protocol the server speaks, as {@code wsstream}'s handshake picks it; no
     * offer at all means {@code channel.k8s.io}. Empty when nothing offered is spoken.
     */
    public static Optional<ChannelProtocol> negotiate(String offeredHeader) {
        List<String> offered = offered(offeredHeader);
        if (offered.isEmpty()) {
            return Optional.of(V1);
        }
        for (String name : offered) {
            Optional<ChannelProtocol> known = named(name);
            if (known.isPresent()) {
                return known;
            }
        }
        return Optional.empty();
    }

    public static Optional<ChannelProtocol> named(String name) {
        for (ChannelProtocol p : values()) {
            if (p.wireName.equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The names in a {@code Sec-WebSocket-Protocol} header (one or several, comma-separated). */
    public static List<String> offered(String header) {
        List<String> names = new ArrayList<>();
        for (String part : header.split(",")) {
            String name = part.strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (ChannelProtocol p : values()) {
            names.add(p.wireName);
        }
        return List.copyOf(names);
    }
}
