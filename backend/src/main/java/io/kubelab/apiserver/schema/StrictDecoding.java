package io.kubelab.apiserver.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.model.ResourceType;

import java.util.List;
import java.util.Optional;

/**
 * What Kubernetes' typed decoding of a create or update body reports, before any defaulting or
 * validation (apiserver {@code endpoints/handlers/create.go} and {@code update.go}):
 * <ul>
 *   <li>a Go type error, whatever {@code fieldValidation} says: 400
 *   {@code Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into
 *   Go struct field DeploymentSpec.spec.replicas of type int32};</li>
 *   <li>unknown fields: with {@code Strict} a 400 {@code ... cannot be handled as a Pod: strict decoding
 *   error: unknown field "spec.foo", unknown field "spec.bar"}; with {@code Warn} one warning each
 *   ({@code unknown field "spec.foo"}); with {@code Ignore} nothing;</li>
 *   <li>a body nested deeper than Go's JSON scanner allows (10000 levels).</li>
 * </ul>
 * Kinds without a schema (the authentication and authorization reviews) pass unchecked.
 */
public final class StrictDecoding {

    private StrictDecoding() {
    }

    /**
     * What decoding {@code body} as its Go type finds, without deciding what that means for the request:
     * the first type error (Go stops there) and, if asked, the unknown fields.
     */
    public record Problems(Optional<String> typeError, List<String> unknownFields) {
    }

    public static Problems problems(ObjectNode body, ResourceType type, boolean unknownFields) {
        Optional<GoType.Struct> schema = Schemas.of(type);
        if (schema.isEmpty()) {
            return new Problems(Optional.empty(), List.of());
        }
        BodyDecoder decoder = new BodyDecoder(unknownFields);
        try {
            decoder.decode(body, schema.get());
        } catch (BodyDecoder.Fatal e) {
            return new Problems(Optional.of(e.getMessage()), List.of());
        }
        if (decoder.savedError() != null) {
            return new Problems(Optional.of(decoder.savedError()), List.of());
        }
        return new Problems(Optional.empty(), List.copyOf(decoder.strictErrors()));
    }

    /** Warnings to return with the response; throws {@link StatusException} (400) for what Kubernetes rejects. */
    public static List<String> check(ObjectNode body, ResourceType type, RequestOptions.FieldValidation mode) {
        if (Schemas.of(type).isEmpty()) {
            return List.of();
        }
        JsonDepth.check(body, type.kind());
        Problems problems = problems(body, type, mode != RequestOptions.FieldValidation.IGNORE);
        if (problems.typeError().isPresent()) {
            throw cannotBeHandled(body, type, problems.typeError().get());
        }
        if (problems.unknownFields().isEmpty() || mode == RequestOptions.FieldValidation.WARN) {
            return problems.unknownFields();
        }
        throw cannotBeHandled(body, type, "strict decoding error: " + String.join(", ", problems.unknownFields()));
    }

    /**
     * apiserver's {@code transformDecodeError}: the kind and version named are the body's, the kind it
     * cannot be handled as is the endpoint's.
     */
    private static StatusException cannotBeHandled(ObjectNode body, ResourceType type, String error) {
        String kind = body.path("kind").asText(type.kind());
        String apiVersion = body.path("apiVersion").asText(type.apiVersion());
        String version = apiVersion.substring(apiVersion.lastIndexOf('/') + 1);
        return new StatusException(Status.badRequest(kind + " in version \"" + version + "\" cannot be handled as a "
                + type.kind() + ": " + error));
    }
}
