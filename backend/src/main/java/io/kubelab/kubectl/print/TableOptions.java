package io.kubelab.kubectl.print;

import java.util.List;

/**
 * cli-runtime's {@code PrintOptions} for a Table: {@code -o wide}, {@code --no-headers}, {@code --show-labels},
 * {@code -L key1,key2}, {@code -A} (a NAMESPACE column for namespaced kinds) and the {@code kind/name} prefix
 * kubectl uses when several kinds were asked for ({@code get all}, {@code get pods,svc}, {@code --show-kind}).
 */
public record TableOptions(boolean wide, boolean noHeaders, boolean showLabels, List<String> labelColumns,
                           boolean withNamespace, boolean withKind) {

    public TableOptions {
        labelColumns = List.copyOf(labelColumns);
    }

    public static TableOptions plain() {
        return new TableOptions(false, false, false, List.of(), false, false);
    }

    public TableOptions withWide(boolean value) {
        return new TableOptions(value, noHeaders, showLabels, labelColumns, withNamespace, withKind);
    }

    public TableOptions withNoHeaders(boolean value) {
        return new TableOptions(wide, value, showLabels, labelColumns, withNamespace, withKind);
    }

    public TableOptions withShowLabels(boolean value) {
        return new TableOptions(wide, noHeaders, value, labelColumns, withNamespace, withKind);
    }

    public TableOptions withLabelColumns(List<String> value) {
        return new TableOptions(wide, noHeaders, showLabels, value, withNamespace, withKind);
    }

    public TableOptions withNamespaceColumn(boolean value) {
        return new TableOptions(wide, noHeaders, showLabels, labelColumns, value, withKind);
    }

    public TableOptions withKindPrefix(boolean value) {
        return new TableOptions(wide, noHeaders, showLabels, labelColumns, withNamespace, value);
    }
}
