package io.kubelab.apiserver.validation;

import io.kubelab.apiserver.Status;
import io.kubelab.model.FieldErrors;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One validation problem, as apimachinery's {@code field.Error}: a type, the path, the offending value
 * (already rendered as Go prints it) and a detail. {@link #toCause()} gives the Status cause, whose message
 * is the error without its field ({@code ErrorBody()}).
 */
public record FieldError(ErrorType type, FieldPath path, GoValue value, String detail) {

    public static FieldError required(FieldPath path, String detail) {
        return new FieldError(ErrorType.REQUIRED, path, GoValue.of(""), detail);
    }

    public static FieldError invalid(FieldPath path, Object value, String detail) {
        return new FieldError(ErrorType.INVALID, path, GoValue.of(value), detail);
    }

    public static FieldError notFound(FieldPath path, Object value) {
        return new FieldError(ErrorType.NOT_FOUND, path, GoValue.of(value), "");
    }

    public static FieldError duplicate(FieldPath path, Object value) {
        return new FieldError(ErrorType.DUPLICATE, path, GoValue.of(value), "");
    }

    public static FieldError forbidden(FieldPath path, String detail) {
        return new FieldError(ErrorType.FORBIDDEN, path, GoValue.of(""), detail);
    }

    /** {@code supported values: "A", "B"} in the order given (Kubernetes passes sets sorted). */
    public static FieldError notSupported(FieldPath path, Object value, List<String> supported) {
        String detail = supported.isEmpty() ? "" : "supported values: "
                + supported.stream().map(FieldErrors::goQuote).collect(Collectors.joining(", "));
        return new FieldError(ErrorType.NOT_SUPPORTED, path, GoValue.of(value), detail);
    }

    public static FieldError tooLong(FieldPath path, int maxBytes) {
        return new FieldError(ErrorType.TOO_LONG, path, GoValue.of(""),
                "may not be more than " + maxBytes + (maxBytes == 1 ? " byte" : " bytes"));
    }

    public static FieldError tooMany(FieldPath path, int actual, int max) {
        return new FieldError(ErrorType.TOO_MANY, path, actual >= 0 ? GoValue.of(actual) : GoValue.OMIT,
                max >= 0 ? "must have at most " + max + " items" : "has too many items");
    }

    /** The message without the field: {@code Invalid value: "x": detail}. */
    public String body() {
        StringBuilder s = new StringBuilder(type.text());
        if (type.printsValue() && value.text() != null) {
            s.append(": ").append(value.text());
        }
        if (!detail.isEmpty()) {
            s.append(": ").append(detail);
        }
        return s.toString();
    }

    public Status.Cause toCause() {
        return new Status.Cause(type.reason(), body(), path.toString());
    }

    @Override
    public String toString() {
        return path + ": " + body();
    }
}
