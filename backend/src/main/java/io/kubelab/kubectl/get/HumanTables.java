package io.kubelab.kubectl.get;

import io.kubelab.apiserver.printers.IncludeObject;
import io.kubelab.apiserver.printers.TablePrinters;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.print.TableOptions;
import io.kubelab.kubectl.print.TableText;
import io.kubelab.model.ResourceType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code get}'s default and {@code -o wide} output: the API server's Table for each run of objects of one
 * type (the same printer code the Kubernetes API serves), printed as kubectl prints Tables.
 */
final class HumanTables {

    private HumanTables() {
    }

    static String print(KubectlContext ctx, GetRequest request, List<Fetched.Item> items, boolean severalKinds) {
        List<TableText.Section> sections = new ArrayList<>();
        for (GetOutput.Run run : GetOutput.runs(items)) {
            sections.add(new TableText.Section(TablePrinters.table(run.type(), run.objects(), ctx.now(),
                    IncludeObject.OBJECT), groupKind(run.type()), run.type().namespaced()));
        }
        TableOptions options = TableOptions.plain()
                .withWide(request.output().equals("wide"))
                .withNoHeaders(request.flags().bool("no-headers"))
                .withShowLabels(request.flags().bool("show-labels"))
                .withLabelColumns(request.flags().strings("label-columns"))
                .withNamespaceColumn(request.allNamespaces())
                .withKindPrefix(request.flags().bool("show-kind") || severalKinds);
        return TableText.print(sections, options);
    }

    /** Go's {@code GroupKind.String()}: {@code Pod}, {@code Deployment.apps}. */
    static String groupKind(ResourceType type) {
        return type.group().isEmpty() ? type.kind() : type.kind() + "." + type.group();
    }
}
