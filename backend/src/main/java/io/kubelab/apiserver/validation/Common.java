package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.model.NameValidation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Checks shared by every kind: labels, annotations, immutability, non-negative numbers, DNS names. */
final class Common {

    static final String FIELD_IMMUTABLE = "field is immutable";
    static final String IS_NEGATIVE = "must be greater than or equal to 0";
    /** apimachinery's TotalAnnotationSizeLimitB: 256 KiB. */
    static final int ANNOTATIONS_MAX_BYTES = 256 * 1024;

    private Common() {
    }

    /** {@code ValidateLabels}: every error names the whole map's path, not the key. */
    static List<FieldError> labels(Map<String, String> labels, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (labels == null) {
            return errs;
        }
        labels.forEach((k, v) -> {
            NameValidation.qualifiedName(k).forEach(msg -> errs.add(FieldError.invalid(path, k, msg)));
            NameValidation.labelValue(v).forEach(msg -> errs.add(FieldError.invalid(path, v, msg)));
        });
        return errs;
    }

    /** {@code ValidateAnnotations}: keys are qualified names (case ignored); all together at most 256 KiB. */
    static List<FieldError> annotations(Map<String, String> annotations, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (annotations == null) {
            return errs;
        }
        long total = 0;
        for (Map.Entry<String, String> e : annotations.entrySet()) {
            String k = e.getKey();
            NameValidation.qualifiedName(k.toLowerCase(java.util.Locale.ROOT))
                    .forEach(msg -> errs.add(FieldError.invalid(path, k, msg)));
            total += k.getBytes(StandardCharsets.UTF_8).length + e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (total > ANNOTATIONS_MAX_BYTES) {
            errs.add(FieldError.tooLong(path, ANNOTATIONS_MAX_BYTES));
        }
        return errs;
    }

    static List<FieldError> nonNegative(long value, FieldPath path) {
        return value < 0 ? List.of(FieldError.invalid(path, value, IS_NEGATIVE)) : List.of();
    }

    /** {@code ValidateImmutableField}: compares the JSON values, reports the new one as given. */
    static List<FieldError> immutable(JsonNode newValue, JsonNode oldValue, GoValue shown, FieldPath path) {
        return sameJson(newValue, oldValue) ? List.of()
                : List.of(new FieldError(ErrorType.INVALID, path, shown, FIELD_IMMUTABLE));
    }

    static List<FieldError> immutableString(String newValue, String oldValue, FieldPath path) {
        return Objects.equals(newValue, oldValue) ? List.of() : List.of(FieldError.invalid(path, newValue, FIELD_IMMUTABLE));
    }

    /** Absent and null are the same Go zero value. */
    static boolean sameJson(JsonNode a, JsonNode b) {
        boolean aEmpty = a == null || a.isMissingNode() || a.isNull();
        boolean bEmpty = b == null || b.isMissingNode() || b.isNull();
        return aEmpty && bEmpty || !aEmpty && !bEmpty && a.equals(b);
    }

    static List<FieldError> dns1123Label(String value, FieldPath path) {
        return NameValidation.dns1123Label(value).stream().map(m -> FieldError.invalid(path, value, m)).toList();
    }

    static List<FieldError> dns1123Subdomain(String value, FieldPath path) {
        return NameValidation.dns1123Subdomain(value).stream().map(m -> FieldError.invalid(path, value, m)).toList();
    }

    static List<FieldError> qualifiedName(String value, FieldPath path) {
        return NameValidation.qualifiedName(value).stream().map(m -> FieldError.invalid(path, value, m)).toList();
    }

    /** A required name checked by {@code fn}: {@code Required value} when empty. */
    static List<FieldError> requiredName(String value, NameRules.NameFn fn, FieldPath path) {
        if (value.isEmpty()) {
            return List.of(FieldError.required(path, ""));
        }
        return fn.validate(value, false).stream().map(m -> FieldError.invalid(path, value, m)).toList();
    }
}
