package io.kubelab.runtime.image.shell;

/** A failure the shell reports on stderr as {@code sh: <message>} and answers with status 2 (or 1). */
final class ShellError extends RuntimeException {
    ShellError(String message) {
        super(message);
    }
}
