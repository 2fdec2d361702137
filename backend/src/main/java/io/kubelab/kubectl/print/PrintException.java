package io.kubelab.kubectl.print;

/**
 * A printer could not print the object; the message is kubectl's, shown after {@code error: }
 * (e.g. {@code yaml: control characters are not allowed}).
 */
public final class PrintException extends RuntimeException {

    public PrintException(String message) {
        super(message);
    }
}
