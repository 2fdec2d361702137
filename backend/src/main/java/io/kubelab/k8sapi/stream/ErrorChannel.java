package io.kubelab.k8sapi.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.Status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * What the kubelet's remote command server writes on the error channel when a command ends (its
 * {@code writeStatus}): from v4 a {@code Status} marshalled by Go's {@code json.Marshal} (no kind or
 * apiVersion), {@code Success} or {@code NonZeroExitCode} with an {@code ExitCode} cause; before v4 the
 * error's text, and nothing on success.
 */
public final class ErrorChannel {

    public static final String NON_ZERO_EXIT_CODE = "NonZeroExitCode";
    public static final String EXIT_CODE = "ExitCode";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ErrorChannel() {
    }

    public static Optional<byte[]> success(ChannelProtocol protocol) {
        if (!protocol.statusJson()) {
            return Optional.empty();
        }
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.putObject("metadata");
        status.put("status", "Success");
        return Optional.of(bytes(status));
    }

    /**
     * A command that exited with {@code code}: containerd's exec error ({@code error executing command [argv],
     * exit code N}) wrapped as the kubelet wraps it.
     */
    public static Optional<byte[]> exitCode(ChannelProtocol protocol, List<String> command, int code) {
        String message = "command terminated with non-zero exit code: error executing command "
                + "[" + String.join(" ", command) + "], exit code " + code;
        if (!protocol.statusJson()) {
            return Optional.of(message.getBytes(StandardCharsets.UTF_8));
        }
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.putObject("metadata");
        status.put("status", "Failure").put("message", message).put("reason", NON_ZERO_EXIT_CODE);
        status.putObject("details").putArray("causes").addObject().put("reason", EXIT_CODE)
                .put("message", Integer.toString(code));
        return Optional.of(bytes(status));
    }

    /** Any other failure, as its Status (v4 and later) or its message. */
    public static Optional<byte[]> failure(ChannelProtocol protocol, Status status) {
        if (!protocol.statusJson()) {
            return Optional.of(status.message().getBytes(StandardCharsets.UTF_8));
        }
        ObjectNode json = status.toJson();
        json.remove("kind");
        json.remove("apiVersion");
        return Optional.of(bytes(json));
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
