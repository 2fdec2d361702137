package io.kubelab.shell;

/** An expansion bash refuses ({@code ${x!}}, {@code $((1/0))}): the command does not run, status 1. */
final class ExpansionError extends RuntimeException {

    ExpansionError(String message) {
        super(message, null, false, false);
    }
}
