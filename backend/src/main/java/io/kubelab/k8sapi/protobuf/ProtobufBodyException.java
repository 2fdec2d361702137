package io.kubelab.k8sapi.protobuf;

import java.util.Optional;

/**
 * A request body that Kubernetes' protobuf serializer refuses. The message is the serializer's error as the API
 * server has it before wrapping it (the create and update handlers answer 400 BadRequest with it, prefixed by what
 * {@code transformDecodeError} adds); the group version and kind are the envelope's when it could be read.
 */
public final class ProtobufBodyException extends RuntimeException {

    private final String apiVersion;
    private final String kind;

    public ProtobufBodyException(String message) {
        this(message, null, null);
    }

    ProtobufBodyException(String message, String apiVersion, String kind) {
        super(message, null, false, false);
        this.apiVersion = apiVersion;
        this.kind = kind;
    }

    /** The envelope's apiVersion (after the caller's defaults), when the envelope was read. */
    public Optional<String> apiVersion() {
        return Optional.ofNullable(apiVersion);
    }

    /** The envelope's kind (after the caller's defaults), when the envelope was read. */
    public Optional<String> kind() {
        return Optional.ofNullable(kind);
    }

    ProtobufBodyException withKind(String apiVersion, String kind) {
        return new ProtobufBodyException(getMessage(), apiVersion, kind);
    }
}
