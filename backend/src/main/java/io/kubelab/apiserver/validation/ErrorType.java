package io.kubelab.apiserver.validation;

/** apimachinery's {@code field.ErrorType}: the cause reason and the words that open its message. */
public enum ErrorType {
    NOT_FOUND("FieldValueNotFound", "Not found"),
    REQUIRED("FieldValueRequired", "Required value"),
    DUPLICATE("FieldValueDuplicate", "Duplicate value"),
    INVALID("FieldValueInvalid", "Invalid value"),
    NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value"),
    FORBIDDEN("FieldValueForbidden", "Forbidden"),
    TOO_LONG("FieldValueTooLong", "Too long"),
    TOO_MANY("FieldValueTooMany", "Too many"),
    TYPE_INVALID("FieldValueTypeInvalid", "Invalid value"),
    INTERNAL("InternalError", "Internal error");

    private final String reason;
    private final String text;

    ErrorType(String reason, String text) {
        this.reason = reason;
        this.text = text;
    }

    public String reason() {
        return reason;
    }

    public String text() {
        return text;
    }

    /** Required, Forbidden, TooLong and Internal never print the offending value. */
    boolean printsValue() {
        return this != REQUIRED && this != FORBIDDEN && this != TOO_LONG && this != INTERNAL;
    }
}
