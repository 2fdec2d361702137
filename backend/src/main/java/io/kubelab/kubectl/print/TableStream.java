package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.go.TabWriter;

/**
 * {@code kubectl get -w}: the first Table (the list) and then one Table per watch event, each flushed as it
 * arrives. The header is printed once; columns keep the widest width seen so far (liggitt/tabwriter's
 * RememberWidths), so later rows line up with the first chunk unless a wider cell arrives.
 */
public final class TableStream {

    private final StringBuilder pending = new StringBuilder();
    private final TabWriter writer = TabWriter.kubectl(pending);
    private final TablePrinter printer;

    public TableStream(String groupKind, boolean namespaced, TableOptions options) {
        this.printer = new TablePrinter(options, groupKind, namespaced);
    }

    /** The text kubectl writes for this Table (the list, or a watch event's one-row Table). */
    public String next(ObjectNode table) {
        return next(table, "");
    }

    /**
     * As {@link #next(ObjectNode)} with {@code --output-watch-events}: an EVENT column first, holding
     * {@code eventType} ({@code ADDED} for the list's rows, then each event's type).
     */
    public String next(ObjectNode table, String eventType) {
        printer.print(table, writer, eventType);
        writer.flush();
        String text = pending.toString();
        pending.setLength(0);
        return text;
    }
}
