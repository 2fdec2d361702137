package io.kubelab.k8sapi.stream;

/**
 * The headers by which the transport that holds a client's WebSocket asks the sandbox's API for the two
 * halves of a streaming request: {@link #CHECK} before it upgrades (so a refusal is an HTTP error, as
 * kube-apiserver's is), then {@link #RUN} with the collected stdin as the body. Only the server's own
 * transport sets them: the headers it copies from a client are an allow-list without these names.
 */
public final class StreamHeaders {

    public static final String STAGE = "kubelab-stream";
    public static final String PROTOCOL = "kubelab-stream-protocol";
    /** The pod's port a forwarded connection goes to ({@code pods/portforward}'s run). */
    public static final String PORT = "kubelab-stream-port";
    /** kubectl 1.31+'s port-forward: SPDY/3.1 frames inside the WebSocket's binary messages. */
    public static final String SPDY_TUNNEL = "SPDY/3.1+portforward.k8s.io";
    public static final String CHECK = "check";
    public static final String RUN = "run";
    /** The Content-Type of a run's answer: messages packed by {@link ChannelFrames#pack}. */
    public static final String FRAMES = "application/vnd.kubelab.channel-frames";

    private StreamHeaders() {
    }
}
