package io.kubelab.kubectl.mutate;

import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.ServerErrors;

/**
 * The errors a verb meets object by object and goes on past (kubectl's ContinueOnError): printed
 * together, one per line, when the verb ends, with exit code 1.
 */
public final class Errors {

    private final StringBuilder text = new StringBuilder();
    private String firstMessage = "";

    /** One line as CheckErr prints it, without {@code error: } (a server error's own line). */
    public void add(String line) {
        text.append(line).append('\n');
    }

    /** A plain error, printed {@code error: message}. */
    public void addError(String message) {
        text.append("error: ").append(message).append('\n');
    }

    /** A server error; from a {@code -f} file it names the file as {@code AddSourceToErr} does. */
    public void add(StatusException e, String doing, String source) {
        Status status = source.isEmpty() ? e.status() : withSource(e.status(), doing, source);
        if (firstMessage.isEmpty()) {
            firstMessage = status.message();
        }
        text.append(ServerErrors.text(status));
    }

    /** The first server error's own message ({@code deployments.apps "x" not found}), as Go's {@code err.Error()}. */
    public String firstMessage() {
        return firstMessage;
    }

    public boolean isEmpty() {
        return text.length() == 0;
    }

    /** Ends the verb with the collected errors, if any. */
    public void throwIfAny() throws KubectlException {
        if (!isEmpty()) {
            throw new KubectlException(text.toString(), 1);
        }
    }

    /** {@code error when deleting "web.yaml": pods "web" not found}: cmdutil's AddSourceToErr. */
    static Status withSource(Status status, String doing, String source) {
        return new Status(status.code(), status.reason(), "error when " + doing + " \"" + source + "\": "
                + status.message(), status.details(), status.continueToken());
    }
}
