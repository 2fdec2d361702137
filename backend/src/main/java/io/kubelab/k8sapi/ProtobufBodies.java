package io.kubelab.k8sapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.k8sapi.protobuf.KubeProtobuf;
import io.kubelab.k8sapi.protobuf.ProtobufBodyException;
import io.kubelab.model.ResourceType;

/**
 * Kubernetes protobuf request bodies ({@code k8s\0} and a {@code runtime.Unknown}), decoded to the JSON tree,
 * with kube-apiserver's 400 for a body it cannot decode ({@code transformDecodeError}).
 */
final class ProtobufBodies {

    private ProtobufBodies() {
    }

    /** The object; {@code type} is the endpoint's kind (an envelope without one takes it), null for options bodies. */
    static JsonNode decode(byte[] body, ResourceType type) {
        try {
            return type == null ? KubeProtobuf.decode(body) : KubeProtobuf.decode(body, type.apiVersion(), type.kind());
        } catch (ProtobufBodyException e) {
            if (type != null && e.kind().filter(k -> !k.isEmpty()).isPresent()) {
                String apiVersion = e.apiVersion().orElse("");
                String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
                throw new StatusException(Status.badRequest(e.kind().get() + " in version \"" + version
                        + "\" cannot be handled as a " + type.kind() + ": " + e.getMessage()));
            }
            throw new StatusException(Status.badRequest((type == null ? "" : "the object provided is unrecognized "
                    + "(must be of type " + type.kind() + "): ") + e.getMessage()));
        }
    }
}
