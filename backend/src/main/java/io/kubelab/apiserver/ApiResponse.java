package io.kubelab.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** A successful answer: the HTTP code Kubernetes uses for it, the body, and any warnings for the client. */
public record ApiResponse(int code, ObjectNode body, List<String> warnings) {

    public static ApiResponse ok(ObjectNode body) {
        return new ApiResponse(200, body, List.of());
    }

    public static ApiResponse created(ObjectNode body) {
        return new ApiResponse(201, body, List.of());
    }
}
