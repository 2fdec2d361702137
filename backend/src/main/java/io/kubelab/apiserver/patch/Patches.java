package io.kubelab.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.Patcher;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.schema.StrictDecoding;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.util.List;
import java.util.Optional;

/** The API server's PATCH step: the request's patch type applied to the stored object. */
public final class Patches implements Patcher {

    @Override
    public Patched apply(ApiRequest request, ObjectNode stored) {
        JsonNode patch = request.body().orElseThrow(() ->
                new StatusException(Status.badRequest("the body of the request was empty")));
        try {
            JsonNode result = switch (request.patchType()) {
                case JSON -> JsonPatch.apply(stored, patch);
                case MERGE -> MergePatch.apply(stored, patch);
                case STRATEGIC -> StrategicMergePatch.apply(stored, patch, PatchSchema.forKind(
                        stored.path("apiVersion").asText(), stored.path("kind").asText()).orElse(PatchSchema.UNSTRUCTURED));
                case APPLY, NONE -> throw new StatusException(new Status(415, "UnsupportedMediaType",
                        "the body of the request was in an unknown format - accepted media types include: "
                                + "application/json-patch+json, application/merge-patch+json, "
                                + "application/strategic-merge-patch+json", java.util.Optional.empty()));
            };
            if (!(result instanceof ObjectNode object)) {
                throw new StatusException(Status.badRequest("Object 'Kind' is missing in '" + result + "'"));
            }
            return new Patched(object, decode(object, request.options().fieldValidation(),
                    request.patchType() == ApiRequest.PatchType.STRATEGIC ? patch : null));
        } catch (PatchException e) {
            throw new StatusException(e.status());
        }
    }

    /**
     * The patched object decoded into its Go type, as patch.go does: a type error is a 422 on field
     * {@code patch} quoting the patched JSON; unknown fields follow {@code fieldValidation}, reported without
     * the "cannot be handled" prefix a create has.
     */
    private static final java.util.regex.Pattern JSON_TYPE_ERROR = java.util.regex.Pattern.compile(
            "json: cannot unmarshal (string|number|bool|object|array)(?: \\S+)? into Go struct field \\S+ of type (\\S+)");

    /** {@code runtime.DefaultUnstructuredConverter}'s words for what encoding/json calls an unmarshal error. */
    static String unstructuredWording(String jsonError) {
        java.util.regex.Matcher m = JSON_TYPE_ERROR.matcher(jsonError);
        if (!m.matches()) {
            return jsonError;
        }
        String source = m.group(1);
        String target = m.group(2);
        String kind = switch (target) {
            case "int32", "int64", "bool", "float64", "string" -> target;
            default -> target.startsWith("[]") || target.startsWith("map[") ? "" : "string";
        };
        if (kind.isEmpty() || source.equals("object") || source.equals("array")) {
            return "unrecognized type: " + (kind.isEmpty() ? target : kind);
        }
        if (source.equals("number") && kind.equals("string")) {
            return "cannot convert int64 to string";
        }
        return "unrecognized type: " + kind;
    }

    private static List<String> decode(ObjectNode patched, RequestOptions.FieldValidation mode, JsonNode strategic) {
        Optional<ResourceType> type = ResourceTypes.byKind(patched.path("apiVersion").asText(),
                patched.path("kind").asText());
        if (type.isEmpty()) {
            return List.of();
        }
        StrictDecoding.Problems problems = StrictDecoding.problems(patched, type.get(),
                mode != RequestOptions.FieldValidation.IGNORE);
        if (problems.typeError().isPresent()) {
            // A strategic merge patch is converted from unstructured maps, which words the same failure its
            // own way and quotes the patch, not the result.
            String error = problems.typeError().get();
            throw new StatusException((strategic == null ? PatchException.invalidPatch(patched.toString(), error)
                    : PatchException.invalidPatch(GoFormat.value(strategic), unstructuredWording(error))).status());
        }
        if (problems.unknownFields().isEmpty() || mode == RequestOptions.FieldValidation.WARN) {
            return problems.unknownFields();
        }
        throw new StatusException(Status.badRequest("strict decoding error: "
                + String.join(", ", problems.unknownFields())));
    }
}
