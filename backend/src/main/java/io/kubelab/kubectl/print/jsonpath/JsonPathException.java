package io.kubelab.kubectl.print.jsonpath;

/**
 * A JSONPath template that does not parse, or fails while it runs. The message is client-go's own text
 * (e.g. {@code unclosed action}, {@code zz is not found}); kubectl wraps it, see {@link JsonPathErrors}.
 */
public final class JsonPathException extends RuntimeException {

    public JsonPathException(String message) {
        super(message);
    }
}
