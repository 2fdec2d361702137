package io.kubelab.kubectl.create;

import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.ServerErrors;

import java.util.ArrayList;
import java.util.List;

/**
 * The errors of a verb that goes on past a bad object ({@code create -f}, {@code apply -f}, {@code replace}):
 * kept in order and reported at the end as kubectl's {@code CheckErr} does: one error in full
 * ({@code error: ...}, or a server error with its reason), several as one line each without the
 * {@code error: } prefix.
 */
public final class BatchErrors {

    private record Entry(String plain, Status status) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** A client-side error, its message without {@code error: }. */
    public void add(String message) {
        entries.add(new Entry(message, null));
    }

    /** A server error on an object from {@code source}: kubectl's {@code AddSourceToErr} prefixes the message. */
    public void add(StatusException e, String verb, String source) {
        Status s = e.status();
        String message = source.isEmpty() ? s.message()
                : "error when " + verb + " \"" + source + "\": " + s.message();
        entries.add(new Entry(null, new Status(s.code(), s.reason(), message, s.details(), s.continueToken())));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Ends the command with the collected errors, if there are any. */
    public void throwIfAny() throws KubectlException {
        if (entries.isEmpty()) {
            return;
        }
        if (entries.size() == 1) {
            Entry e = entries.get(0);
            throw e.status() != null ? new KubectlException(ServerErrors.text(e.status()), 1)
                    : KubectlException.error(e.plain());
        }
        StringBuilder text = new StringBuilder();
        for (Entry e : entries) {
            String line = e.status() != null ? ServerErrors.line(e.status()) : e.plain();
            text.append(line);
            if (!line.endsWith("\n")) {
                text.append('\n');
            }
        }
        throw new KubectlException(text.toString(), 1);
    }
}
