package io.kubelab.kubectl.print.sort;

/**
 * {@code --sort-by} cannot sort: the message is kubectl's (printed after {@code error: }), except
 * {@link #unsortable()} failures, which kubectl reports through klog's fatal exit (a {@code F...} log line
 * with time and pid, then exit code 1) rather than an {@code error:} line.
 */
public final class SortByException extends RuntimeException {

    private final boolean unsortable;

    SortByException(String message, boolean unsortable) {
        super(message);
        this.unsortable = unsortable;
    }

    public boolean unsortable() {
        return unsortable;
    }
}
