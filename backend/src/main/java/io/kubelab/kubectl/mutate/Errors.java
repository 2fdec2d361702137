package io.kubelab.kubectl.mutate;

import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.ServerErrors;

import java.util.ArrayList;
import java.util.List;

/**
 * The errors a verb meets object by object and goes on past (kubectl's ContinueOnError), printed when
 * the verb ends with exit code 1 as CheckErr prints an aggregate: one error alone as usual
 * ({@code error: ...}, {@code Error from server (...)}, an invalid object's causes), several as one line
 * each, plain messages then without {@code error: }.
 */
public final class Errors {

    /** A plain message, or a server Status. */
    private record Entry(String message, Status status) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** A plain error ({@code 'app' already has a value ...}), without {@code error: }. */
    public void add(String message) {
        entries.add(new Entry(message, null));
    }

    /** A plain error ended as a {@link KubectlException} ({@code error: message\n}). */
    public void add(KubectlException e) {
        String text = e.stderr();
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        for (String line : text.split("\n")) {
            entries.add(new Entry(line.startsWith("error: ") ? line.substring("error: ".length()) : line, null));
        }
    }

    /** A server error; from a {@code -f} file it names the file as {@code AddSourceToErr} does. */
    public void add(StatusException e, String doing, String source) {
        entries.add(new Entry(null, source.isEmpty() ? e.status() : withSource(e.status(), doing, source)));
    }

    /** The first server error's own message ({@code deployments.apps "x" not found}), as Go's {@code err.Error()}. */
    public String firstMessage() {
        return entries.isEmpty() ? "" : entries.get(0).status() == null ? entries.get(0).message()
                : entries.get(0).status().message();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** What CheckErr prints for these errors. */
    public String text() {
        if (entries.size() == 1) {
            Entry e = entries.get(0);
            return e.status() == null ? "error: " + e.message() + "\n" : ServerErrors.text(e.status());
        }
        StringBuilder out = new StringBuilder();
        for (Entry e : entries) {
            out.append(e.status() == null ? e.message() : ServerErrors.line(e.status())).append('\n');
        }
        return out.toString();
    }

    /** Ends the verb with the collected errors, if any. */
    public void throwIfAny() throws KubectlException {
        if (!isEmpty()) {
            throw new KubectlException(text(), 1);
        }
    }

    /** {@code error when deleting "web.yaml": pods "web" not found}: cmdutil's AddSourceToErr. */
    static Status withSource(Status status, String doing, String source) {
        return new Status(status.code(), status.reason(), "error when " + doing + " \"" + source + "\": "
                + status.message(), status.details(), status.continueToken());
    }
}
