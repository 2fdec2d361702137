package io.kubelab.kubectl.print.gotemplate;

/**
 * A template that does not parse or fails while executing. The message is Go's
 * ({@code template: output:1: unclosed action}, {@code template: output:1:7: executing "output" at
 * <.spec.zz>: map has no entry for key "zz"}); {@link #partialOutput()} is what execution had written
 * before failing, which kubectl has already sent to stdout. {@link GoTemplateErrors} has kubectl's wording.
 */
public final class GoTemplateException extends RuntimeException {

    private final String partialOutput;

    GoTemplateException(String message, String partialOutput) {
        super(message);
        this.partialOutput = partialOutput;
    }

    public String partialOutput() {
        return partialOutput;
    }

    GoTemplateException withOutput(String output) {
        return new GoTemplateException(getMessage(), output);
    }
}
