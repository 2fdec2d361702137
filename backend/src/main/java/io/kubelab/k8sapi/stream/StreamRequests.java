package io.kubelab.k8sapi.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.LogOptions;
import io.kubelab.apiserver.PodExec;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.cluster.SimCluster;
import io.kubelab.k8sapi.KubeExchange;
import io.kubelab.k8sapi.KubeRequest;
import io.kubelab.k8sapi.KubeResponse;
import io.kubelab.model.ResourceType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code pods/exec}, {@code pods/attach} and {@code pods/portforward}. A transport that holds the client's
 * WebSocket first sends the request with {@link StreamHeaders#CHECK}: kube-apiserver's checks before it dials
 * the kubelet ({@code streamLocation}) and the kubelet's own, answered as they answer (a Status, or the
 * kubelet's plain text). Then {@link StreamHeaders#RUN}: the command runs in the simulated container with
 * the stdin the transport collected, and the answer is the channel messages the kubelet would have sent. A
 * request that is neither (a plain GET, SPDY) gets the checks, then kubelet's refusal to serve it unupgraded.
 */
public final class StreamRequests {

    /** How long an attach stays open at most, whatever the client does. */
    private static final Duration ATTACH_LIMIT = Duration.ofHours(4);

    /*
     * No upstream words exist for what this server lacks (SPDY/3.1 without a WebSocket around it), so this says
     * it plainly, in a Status as kubectl expects: it prints "Error from server (BadRequest): " or "error
     * upgrading connection: " before it.
     */
    static final String SPDY_NOT_SERVED = "this simulated API server streams over WebSocket only, not SPDY/3.1: "
            + "use kubectl 1.30 or later for exec and attach, 1.31 or later for port-forward";

    private final SimCluster cluster;

    public StreamRequests(SimCluster cluster) {
        this.cluster = cluster;
    }

    public static boolean isStreaming(String subresource) {
        return subresource.equals("exec") || subresource.equals("attach") || subresource.equals("portforward");
    }

    public void serve(KubeRequest request, UserInfo user, ResourceType type, String namespace, String name,
                      String subresource, KubeExchange exchange) {
        ApiRequest r = new ApiRequest(user, ApiRequest.Verb.CREATE, type, namespace, name, subresource,
                Optional.empty(), ApiRequest.PatchType.NONE, RequestOptions.DEFAULT);
        ExecOptions options = ExecOptions.of(request);
        if (options.container().isEmpty()) {
            options = options.withContainer(onlyContainer(type, namespace, name));
        }
        String stage = request.header(StreamHeaders.STAGE);
        if (stage.equals(StreamHeaders.RUN)) {
            ChannelProtocol protocol = ChannelProtocol.named(request.header(StreamHeaders.PROTOCOL))
                    .orElse(ChannelProtocol.V1);
            if (subresource.equals("portforward")) {
                exchange.reply(forward(r, request.header(StreamHeaders.PORT), request.body()));
            } else if (subresource.equals("attach")) {
                attach(r, options, protocol, exchange);
            } else {
                exchange.reply(frames(exec(r, options, protocol, new String(request.body(), StandardCharsets.UTF_8))));
            }
            return;
        }
        Optional<KubeResponse> refused = quietCheck(r, subresource, options);
        if (refused.isPresent()) {
            exchange.reply(refused.get());
        } else if (stage.equals(StreamHeaders.CHECK)) {
            exchange.reply(new KubeResponse(200, StreamHeaders.FRAMES, List.of(), new byte[0]));
        } else if (request.header("upgrade").toLowerCase(java.util.Locale.ROOT).startsWith("spdy/")) {
            exchange.reply(KubeResponse.status(Status.badRequest(SPDY_NOT_SERVED)));
        } else {
            // kube-apiserver's own answer to a streaming request without an upgrade.
            exchange.reply(KubeResponse.status(Status.badRequest("Upgrade request required")));
        }
    }

    /**
     * {@link #check} without component events when it passes: the run that follows narrates the request's trip,
     * so the architecture view shows it once, as for the terminal's exec. A refused request is narrated here.
     */
    private Optional<KubeResponse> quietCheck(ApiRequest r, String subresource, ExecOptions options) {
        Optional<KubeResponse> refused;
        cluster.events().mute(true);
        try {
            refused = check(r, subresource, options);
        } catch (RuntimeException e) {
            cluster.events().mute(false);
            narrate(r, subresource);
            throw e;
        } finally {
            cluster.events().mute(false);
        }
        if (refused.isPresent()) {
            narrate(r, subresource);
        }
        return refused;
    }

    /** The trip of a refused request, for the architecture view (its answer is already decided). */
    private void narrate(ApiRequest r, String subresource) {
        try {
            cluster.api().connect(r, subresource);
        } catch (RuntimeException expected) {
            // The refusal itself is what the check found; this call only tells the events.
        }
    }

    /** What stops the request before it streams: kube-apiserver's Status, or the kubelet's text. */
    private Optional<KubeResponse> check(ApiRequest r, String subresource, ExecOptions options) {
        ObjectNode pod = cluster.api().connect(r, subresource);
        if (subresource.equals("portforward")) {
            return Optional.empty();
        }
        String container = options.container();
        JsonNode spec = pod.path("spec");
        if (container.isEmpty()) {
            List<String> names = names(spec.path("containers"));
            if (names.size() != 1) {
                List<String> init = names(spec.path("initContainers"));
                String message = names.isEmpty() ? "a container name must be specified for pod " + r.name()
                        : "a container name must be specified for pod " + r.name() + ", choose one of: ["
                        + String.join(" ", names) + "]" + (init.isEmpty() ? ""
                        : " or one of the init containers: [" + String.join(" ", init) + "]");
                return Optional.of(KubeResponse.status(Status.badRequest(message)));
            }
            container = names.get(0);
        } else if (!hasContainer(spec, container)) {
            return Optional.of(KubeResponse.status(Status.badRequest("container " + container
                    + " is not valid for pod " + r.name())));
        }
        if (spec.path("nodeName").asText("").isEmpty()) {
            return Optional.of(KubeResponse.status(Status.badRequest("pod " + r.name()
                    + " does not have a host assigned")));
        }
        if (!options.anyStream()) {
            return Optional.of(KubeResponse.text(400, "you must specify at least 1 of stdin, stdout, stderr"));
        }
        if (!running(pod.path("status"), container)) {
            // The kubelet's answer (streaming.WriteError), passed through by the API server's proxy.
            return Optional.of(KubeResponse.text(500, "container not found (\"" + container + "\")"));
        }
        return Optional.empty();
    }

    private List<byte[]> exec(ApiRequest r, ExecOptions options, ChannelProtocol protocol, String stdin) {
        List<byte[]> messages = new ArrayList<>();
        PodExec.Result result;
        try {
            result = cluster.api().exec(r, options.container(), options.command(), options.stdin() ? stdin : "");
        } catch (StatusException e) {
            ErrorChannel.failure(protocol, e.status()).ifPresent(m -> messages.add(ChannelFrames.encode(protocol,
                    ChannelProtocol.ERROR, m)));
            return messages;
        }
        if (options.stdout()) {
            messages.addAll(ChannelFrames.messages(protocol, ChannelProtocol.STDOUT, output(result.stdout(), options)));
        }
        if (options.tty() && options.stdout()) {
            messages.addAll(ChannelFrames.messages(protocol, ChannelProtocol.STDOUT, output(result.stderr(), options)));
        } else if (options.stderr()) {
            messages.addAll(ChannelFrames.messages(protocol, ChannelProtocol.STDERR, output(result.stderr(), options)));
        }
        Optional<byte[]> status = result.exitCode() == 0 ? ErrorChannel.success(protocol)
                : ErrorChannel.exitCode(protocol, options.command(), result.exitCode());
        status.ifPresent(m -> messages.add(ChannelFrames.encode(protocol, ChannelProtocol.ERROR, m)));
        return messages;
    }

    /**
     * One HTTP request through a forwarded port: the kubelet dials the port inside the pod's own network
     * namespace, so the container that listens there answers it; the raw reply goes back, or the kubelet's
     * error (for the error stream) when nothing listens.
     */
    private KubeResponse forward(ApiRequest r, String portText, byte[] raw) {
        ObjectNode pod = cluster.api().connect(r, "portforward");
        int port = ProxyTarget.port(portText);
        String node = pod.path("spec").path("nodeName").asText("");
        String uid = pod.path("metadata").path("uid").asText("");
        Optional<io.kubelab.runtime.image.Process.Served> served = cluster.runtime(node)
                .flatMap(runtime -> runtime.http(uid, port, HttpWire.parse(raw, "127.0.0.1")));
        if (served.isEmpty()) {
            return KubeResponse.text(500, "error forwarding port " + port + " to pod " + uid + ", uid : failed to "
                    + "connect to localhost:" + port + " inside namespace \"" + uid + "\", IPv4: dial tcp4 127.0.0.1:"
                    + port + ": connect: connection refused IPv6 dial tcp6 [::1]:" + port
                    + ": connect: connection refused ");
        }
        return new KubeResponse(200, "application/octet-stream", List.of(), HttpWire.response(served.get().reply()));
    }

    /** {@code attach}: what the container's process writes from now on, until the client leaves. */
    private void attach(ApiRequest r, ExecOptions options, ChannelProtocol protocol, KubeExchange exchange) {
        ApiRequest read = new ApiRequest(UserInfo.ADMIN, ApiRequest.Verb.GET, r.type(), r.namespace(), r.name(), "log",
                Optional.empty(), ApiRequest.PatchType.NONE, RequestOptions.DEFAULT);
        List<byte[]> early = new ArrayList<>();
        KubeExchange.Stream[] stream = new KubeExchange.Stream[1];
        Runnable stop;
        try {
            cluster.api().connect(r, "attach");
            LogOptions follow = new LogOptions(options.container(), true, false, OptionalLong.empty(),
                    Optional.empty(), false, OptionalLong.of(0), OptionalLong.empty());
            stop = cluster.api().followPodLog(read, follow, text -> {
                        byte[] chunk = ChannelFrames.pack(ChannelFrames.messages(protocol, ChannelProtocol.STDOUT,
                                output(text, options)));
                        if (stream[0] == null) {
                            early.add(chunk);
                        } else {
                            stream[0].send(chunk);
                        }
                    });
        } catch (StatusException e) {
            List<byte[]> messages = new ArrayList<>();
            ErrorChannel.failure(protocol, e.status()).ifPresent(m -> messages.add(ChannelFrames.encode(protocol,
                    ChannelProtocol.ERROR, m)));
            exchange.reply(frames(messages));
            return;
        }
        KubeExchange.Stream open = exchange.stream(StreamHeaders.FRAMES, ATTACH_LIMIT);
        open.onClose(stop);
        early.forEach(open::send);
        stream[0] = open;
    }

    /** The container a request without one goes to: the pod's only one, else none (the check says why). */
    private String onlyContainer(ResourceType type, String namespace, String name) {
        return cluster.api().peek(type, namespace, name).map(pod -> names(pod.path("spec").path("containers")))
                .filter(names -> names.size() == 1).map(names -> names.get(0)).orElse("");
    }

    private static byte[] output(String text, ExecOptions options) {
        // A terminal's line discipline (onlcr) turns each newline into CR LF.
        String out = options.tty() ? text.replace("\r\n", "\n").replace("\n", "\r\n") : text;
        return out.getBytes(StandardCharsets.UTF_8);
    }

    private static KubeResponse frames(List<byte[]> messages) {
        return new KubeResponse(200, StreamHeaders.FRAMES, List.of(), ChannelFrames.pack(messages));
    }

    private static List<String> names(JsonNode containers) {
        List<String> names = new ArrayList<>();
        containers.forEach(c -> names.add(c.path("name").asText()));
        return names;
    }

    private static boolean hasContainer(JsonNode spec, String container) {
        for (String field : List.of("containers", "initContainers", "ephemeralContainers")) {
            if (names(spec.path(field)).contains(container)) {
                return true;
            }
        }
        return false;
    }

    private static boolean running(JsonNode status, String container) {
        for (String field : List.of("containerStatuses", "initContainerStatuses", "ephemeralContainerStatuses")) {
            for (JsonNode s : status.path(field)) {
                if (s.path("name").asText().equals(container) && s.path("state").has("running")) {
                    return true;
                }
            }
        }
        return false;
    }
}
