package io.kubelab.kubectl.cli;

/** A command line pflag refuses; the message is pflag's, without kubectl's {@code error: } prefix. */
public final class FlagError extends Exception {

    public FlagError(String message) {
        super(message, null, false, false);
    }
}
