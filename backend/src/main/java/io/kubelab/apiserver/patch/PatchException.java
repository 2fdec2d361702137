package io.kubelab.apiserver.patch;

import io.kubelab.apiserver.Status;
import io.kubelab.model.FieldErrors;

import java.util.List;
import java.util.Optional;

/**
 * A patch the API server refuses, carrying the {@link Status} Kubernetes 1.32 answers with and, in
 * {@link #detail()}, the engine's own words (evanphx/json-patch or apimachinery {@code strategicpatch}).
 *
 * <p>How {@code staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go} maps failures:
 * <ul>
 * <li>JSON patch body that does not decode ({@code jsonpatch.DecodePatch}): 400 BadRequest, the Go
 *     decoder's message, e.g. {@code json: cannot unmarshal object into Go value of type jsonpatch.Patch}.</li>
 * <li>More than 10000 JSON patch operations: 413 RequestEntityTooLarge.</li>
 * <li>Any failure while applying a JSON patch (bad op, missing path, failed {@code test}): 422 Invalid through
 *     {@code NewGenericServerResponse}, so the user only sees
 *     {@code the server rejected our request due to an error in our request} with empty details
 *     (kubectl: {@code The request is invalid: ...}); the library's wording is kept in {@link #detail()}.</li>
 * <li>Merge patch that is {@code null} or a scalar ({@code jsonpatch.ErrBadJSONPatch}): 400 {@code Invalid JSON Patch}.</li>
 * <li>Strategic merge patch, {@code interpretStrategicMergePatchError}: the malformed-directive sentinels
 *     ({@code invalid patch format of primitive list|retainKeys|setElementOrder list}) are 400 BadRequest;
 *     {@code lists of lists are not supported} and {@code patch content doesn't match retainKeys list} are the
 *     generic 422; every other strategicpatch error (unknown {@code $patch} value, missing merge key, ...) is
 *     not a Status, so {@code ErrorToAPIStatus} turns it into 500 with an empty (Unknown) reason and the raw
 *     message (kubectl: {@code Error from server: ...}).</li>
 * <li>A patched object that no longer fits the Go types (an object where a list belongs): 422 Invalid from
 *     {@code NewInvalid(GroupKind{}, "", ...)}: {@code  "" is invalid: patch: Invalid value: "map[...]": cannot
 *     restore slice from map}, one cause on field {@code patch}.</li>
 * </ul>
 */
public final class PatchException extends RuntimeException {

    /** What {@code NewGenericServerResponse(422, ...)} says instead of the underlying error. */
    public static final String GENERIC_422 = "the server rejected our request due to an error in our request";

    private final transient Status status;
    private final String detail;

    private PatchException(Status status, String detail) {
        super(status.message());
        this.status = status;
        this.detail = detail;
    }

    public Status status() {
        return status;
    }

    public int code() {
        return status.code();
    }

    public String reason() {
        return status.reason();
    }

    /** The patch library's own message (equal to the Status message when nothing hides it). */
    public String detail() {
        return detail;
    }

    static PatchException badRequest(String message) {
        return new PatchException(Status.badRequest(message), message);
    }

    /** 422 whose real reason is hidden behind the generic message, as for every JSON patch apply error. */
    static PatchException unprocessable(String detail) {
        return new PatchException(new Status(422, "Invalid", GENERIC_422,
                Optional.of(new Status.Details("", "", "", List.of(), 0))), detail);
    }

    /** An error that is not a Status: ErrorToAPIStatus makes it 500 with reason Unknown (empty). */
    static PatchException unknown(String message) {
        return new PatchException(new Status(500, "", message, Optional.empty()), message);
    }

    static PatchException tooManyOperations(int count) {
        return new PatchException(Status.requestEntityTooLarge("The allowed maximum operations in a JSON patch is "
                + JsonPatch.MAX_OPERATIONS + ", got " + count), "too many operations");
    }

    /** The patched object fails conversion to its Go type; {@code patchValue} is Go's {@code %+v} of the patch. */
    static PatchException invalidPatch(String patchValue, String conversionError) {
        String body = "Invalid value: " + FieldErrors.goQuote(patchValue) + ": " + conversionError;
        return new PatchException(Status.invalid("", "", "", List.of(new Status.Cause("FieldValueInvalid", body,
                "patch"))), conversionError);
    }
}
