package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.go.TabWriter;
import io.kubelab.model.ResourceType;

import java.util.List;

/**
 * What {@code kubectl get} prints from server-side Tables: one section per kind, each with its own header and
 * column widths, and a blank line between sections that printed something (get.go's separator writer;
 * none with {@code --no-headers}). Consecutive tables of the same kind share one header and one alignment.
 */
public final class TableText {

    /**
     * One Table as the API server answered it, with the kind it lists.
     *
     * @param groupKind Go's {@code GroupKind.String()}: {@code Pod}, {@code Deployment.apps}
     * @param namespaced whether the kind is namespaced (only those get the {@code -A} NAMESPACE column)
     */
    public record Section(ObjectNode table, String groupKind, boolean namespaced) {

        /** The Table the API server answered for a kind (a list or one object). */
        public static Section of(ObjectNode table, ResourceType type) {
            return new Section(table, type.group().isEmpty() ? type.kind() : type.kind() + "." + type.group(),
                    type.namespaced());
        }
    }

    private TableText() {
    }

    public static String print(ObjectNode table, String groupKind, boolean namespaced, TableOptions options) {
        return print(List.of(new Section(table, groupKind, namespaced)), options);
    }

    public static String print(List<Section> sections, TableOptions options) {
        StringBuilder out = new StringBuilder();
        StringBuilder pending = new StringBuilder();
        TabWriter writer = TabWriter.kubectl(pending);
        TablePrinter printer = null;
        String lastKind = null;
        boolean separatorReady = false;
        // get.go copies its print flags shallowly: once one kind turned the NAMESPACE column on, every
        // later kind's printer (cluster-scoped ones too) keeps it, with an empty cell.
        boolean namespaceKept = false;
        for (Section section : sections) {
            if (printer == null || !section.groupKind().equals(lastKind)) {
                writer.flush();
                separatorReady = emit(out, pending, separatorReady);
                writer.forgetWidths();
                if (lastKind != null && !options.noHeaders() && out.length() > 0) {
                    separatorReady = true;
                }
                printer = new TablePrinter(options, section.groupKind(), section.namespaced() || namespaceKept);
                namespaceKept |= section.namespaced();
                lastKind = section.groupKind();
            }
            printer.print(section.table(), writer);
        }
        writer.flush();
        emit(out, pending, separatorReady);
        return out.toString();
    }

    /** The separator writer: a blank line before the first bytes written after a new kind began. */
    private static boolean emit(StringBuilder out, StringBuilder pending, boolean separatorReady) {
        if (pending.length() == 0) {
            return separatorReady;
        }
        if (separatorReady) {
            out.append('\n');
        }
        out.append(pending);
        pending.setLength(0);
        return false;
    }
}
