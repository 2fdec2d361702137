package io.kubelab.k8sapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.apiserver.Status;

import java.util.List;

/**
 * A whole answer: status code, Content-Type, extra headers (name and value pairs, e.g. {@code Warning}) and
 * the body.
 */
public record KubeResponse(int status, String contentType, List<String[]> headers, byte[] body) {

    public static final String JSON = "application/json";

    public static KubeResponse json(int status, JsonNode body) {
        return json(status, JSON, body);
    }

    public static KubeResponse json(int status, String contentType, JsonNode body) {
        return new KubeResponse(status, contentType, List.of(), Wire.json(body));
    }

    /** An error as kube-apiserver writes it: a {@code Status} object with the error's code. */
    public static KubeResponse status(Status status) {
        return json(status.code(), status.toJson());
    }

    public static KubeResponse text(int status, String text) {
        return new KubeResponse(status, "text/plain; charset=utf-8", List.of(),
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public KubeResponse withHeaders(List<String[]> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        List<String[]> all = new java.util.ArrayList<>(headers);
        all.addAll(extra);
        return new KubeResponse(status, contentType, List.copyOf(all), body);
    }
}
