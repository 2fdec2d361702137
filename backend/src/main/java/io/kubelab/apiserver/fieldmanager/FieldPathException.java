package io.kubelab.apiserver.fieldmanager;

/** An object that structured-merge-diff cannot turn into field paths (an associative item without its key). */
final class FieldPathException extends RuntimeException {

    FieldPathException(String message) {
        super(message, null, false, false);
    }
}
