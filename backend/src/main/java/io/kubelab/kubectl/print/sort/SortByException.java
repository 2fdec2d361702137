package io.kubelab.kubectl.print.sort;

/**
 * {@code --sort-by} cannot sort: the message is kubectl's (printed after {@code error: }), except
 * {@link #unsortable()} failures, which kubectl reports through klog's fatal exit instead: stderr gets
 * {@code F1125 17:25:02.355107   18273 sorter.go:329] } followed by the message (klog's header: severity,
 * month and day, time with microseconds, the pid right-aligned in 7 columns, file:line), and the exit code is 1.
 */
public final class SortByException extends RuntimeException {

    /** Where kubectl 1.32's klog line says the fatal error comes from. */
    public static final String KLOG_LOCATION = "sorter.go:329";

    private final boolean unsortable;

    SortByException(String message, boolean unsortable) {
        super(message);
        this.unsortable = unsortable;
    }

    public boolean unsortable() {
        return unsortable;
    }
}
