package io.kubelab.k8sapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.patch.PatchSyntax;
import io.kubelab.apiserver.schema.GoJsonSyntax;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.model.ResourceType;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.util.Optional;

/**
 * Request bodies in the media types kube-apiserver reads: JSON, YAML and Kubernetes protobuf for objects;
 * the four patch types for PATCH. Sizes are capped before anything is parsed.
 */
final class RequestBodies {

    /** kube-apiserver's {@code MaxRequestBodyBytes}: 3 MiB. */
    static final int MAX_BYTES = 3 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(10_000).build()).build());
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .loaderOptions(yamlLimits())
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(10_000).build()).build());

    private RequestBodies() {
    }

    private static LoaderOptions yamlLimits() {
        LoaderOptions options = new LoaderOptions();
        // A few aliases are legitimate; a billion-laughs document is refused at once.
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(MAX_BYTES);
        options.setNestingDepthLimit(1_000);
        return options;
    }

    static void checkSize(KubeRequest request) {
        if (request.body().length > MAX_BYTES) {
            throw new StatusException(Status.requestEntityTooLarge("limit is " + MAX_BYTES));
        }
    }

    /** An object body (create, update, a subresource's POST) as a JSON tree. */
    static JsonNode object(KubeRequest request, ResourceType type) {
        checkSize(request);
        MediaType media = MediaType.parse(request.header("content-type"));
        switch (media.type()) {
            // kube-apiserver reads a body without a Content-Type as its first media type, JSON: client-go's
            // scale client (kubectl scale --current-replicas) sends one so.
            case "":
            case MediaType.JSON:
                return parse(JSON, request.body(), type);
            case MediaType.YAML:
                return parse(YAML, request.body(), type);
            case MediaType.PROTOBUF:
                return ProtobufBodies.decode(request.body(), type);
            default:
                throw unsupported(request.header("content-type"),
                        "application/json, application/yaml, application/vnd.kubernetes.protobuf");
        }
    }

    /** The optional {@code DeleteOptions} of a DELETE (JSON or YAML); an empty body means none. */
    static Optional<JsonNode> deleteOptions(KubeRequest request) {
        checkSize(request);
        if (request.body().length == 0) {
            return Optional.empty();
        }
        MediaType media = MediaType.parse(request.header("content-type"));
        if (media.type().equals(MediaType.PROTOBUF)) {
            return Optional.of(ProtobufBodies.decode(request.body(), null));
        }
        return Optional.of(parse(media.type().equals(MediaType.YAML) ? YAML : JSON, request.body(), null));
    }

    /** The patch type named by the Content-Type, and the patch document. */
    static ApiRequest.PatchType patchType(KubeRequest request) {
        String type = MediaType.parse(request.header("content-type")).type();
        for (ApiRequest.PatchType patch : ApiRequest.PatchType.values()) {
            if (patch != ApiRequest.PatchType.NONE && patch.contentType.equals(type)) {
                return patch;
            }
        }
        throw unsupported(request.header("content-type"), "application/json-patch+json, application/merge-patch+json, "
                + "application/apply-patch+yaml, application/strategic-merge-patch+json");
    }

    static JsonNode patch(KubeRequest request, ApiRequest.PatchType type, RequestOptions.FieldValidation mode) {
        checkSize(request);
        Optional<StatusException> malformed = PatchSyntax.check(type, mode, request.body());
        if (malformed.isPresent()) {
            throw malformed.get();
        }
        return parse(type == ApiRequest.PatchType.APPLY ? YAML : JSON, request.body(), null);
    }

    private static JsonNode parse(ObjectMapper mapper, byte[] body, ResourceType type) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new StatusException(Status.badRequest(unrecognized(type) + "couldn't get version/kind; "
                        + "json parse error: unexpected end of JSON input" + (type == null ? "" : " (" + summary(body) + ")")));
            }
            return node;
        } catch (JsonProcessingException e) {
            String error = mapper == JSON ? GoJsonSyntax.error(body).orElse(e.getOriginalMessage().split("\n")[0])
                    : e.getOriginalMessage().split("\n")[0];
            throw new StatusException(Status.badRequest(unrecognized(type) + "couldn't get version/kind; json parse "
                    + "error: " + error + (type == null ? "" : " (" + summary(body) + ")")));
        } catch (IOException e) {
            throw new StatusException(Status.badRequest(e.getMessage()));
        }
    }

    /** apiserver's {@code summarizeData(body, 30)}: the start of a JSON body as text, of anything else in hex. */
    private static String summary(byte[] body) {
        int n = Math.min(body.length, 30);
        String start;
        if (body.length > 0 && body[0] == '{') {
            start = new String(body, 0, n, java.nio.charset.StandardCharsets.UTF_8);
        } else {
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < n; i++) {
                hex.append(String.format("%02x", body[i] & 0xff));
            }
            start = hex.toString();
        }
        return body.length == 0 ? "<empty>" : body.length > 30 ? start + " ..." : start;
    }

    private static String unrecognized(ResourceType type) {
        return type == null ? "" : "the object provided is unrecognized (must be of type " + type.kind() + "): ";
    }

    /** 415, worded as kube-apiserver's {@code UnsupportedMediaType}. */
    private static StatusException unsupported(String given, String accepted) {
        return new StatusException(new Status(415, "UnsupportedMediaType", "the body of the request was in an "
                + "unknown format - accepted media types include: " + accepted, Optional.empty()));
    }
}
