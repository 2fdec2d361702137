package io.kubelab.k8sapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.model.ResourceType;

import java.util.Optional;

/** Kubernetes protobuf request bodies ({@code k8s\0} and a {@code runtime.Unknown}), decoded to the JSON tree. */
final class ProtobufBodies {

    private ProtobufBodies() {
    }

    static JsonNode decode(byte[] body, ResourceType type) {
        throw new StatusException(new Status(415, "UnsupportedMediaType", "the body of the request was in an "
                + "unknown format - accepted media types include: application/json, application/yaml",
                Optional.empty()));
    }
}
