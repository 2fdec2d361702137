package io.kubelab.apiserver.patch;

import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.schema.GoJsonSyntax;

import java.util.Optional;

/**
 * kube-apiserver's 400 for a JSON patch body that is not JSON ({@code endpoints/handlers/patch.go}): each
 * patch type reads the bytes its own way, so each words the failure its own way around Go's syntax error.
 */
public final class PatchSyntax {

    private PatchSyntax() {
    }

    /** The 400 for {@code body} as a patch of {@code type}, or empty when it is well-formed JSON (or YAML apply). */
    public static Optional<StatusException> check(ApiRequest.PatchType type, RequestOptions.FieldValidation mode,
                                                  byte[] body) {
        if (type == ApiRequest.PatchType.APPLY || type == ApiRequest.PatchType.NONE) {
            return Optional.empty();
        }
        return GoJsonSyntax.error(body).map(error -> new StatusException(Status.badRequest(switch (type) {
            // A merge patch is decoded strictly (Strict, Warn) before it is applied; jsonpatch's own
            // MergePatch, with Ignore, has a single word for any bad document.
            case MERGE -> mode == RequestOptions.FieldValidation.IGNORE ? "Invalid JSON Patch"
                    : "error decoding patch: " + error;
            default -> error;
        })));
    }
}
