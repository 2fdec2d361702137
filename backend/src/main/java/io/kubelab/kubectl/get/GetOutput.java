package io.kubelab.kubectl.get;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.ObjectFormats;
import io.kubelab.model.ResourceType;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints what {@code get} found: the human tables (one per run of objects of one type, as kubectl's
 * printer starts a new table whenever the kind changes) or the objects in a format, and kubectl's
 * {@code No resources found} when nothing was printed and nothing failed.
 */
final class GetOutput {

    private GetOutput() {
    }

    static void print(KubectlContext ctx, GetRequest request, Fetched fetched) throws KubectlException {
        List<Fetched.Item> items = fetched.items();
        String sortBy = request.flags().string("sort-by");
        if (!sortBy.isEmpty()) {
            items = request.humanReadable() ? Sorting.sortEachTable(items, fetched.types().size(), sortBy, ctx.now())
                    : Sorting.sort(items, sortBy, ctx.now());
        }
        if (!request.humanReadable()) {
            if (items.isEmpty() && request.flags().bool("ignore-not-found")) {
                // get.go's printGeneric: nothing found and NotFound ignored prints nothing, not an empty List.
                return;
            }
            List<ObjectNode> objects = items.stream().map(Fetched.Item::object).toList();
            ctx.out().append(ObjectFormats.print(ctx, request.output(), request.flags(), objects, fetched.singleItem()));
            return;
        }
        int before = ctx.out().length();
        ctx.out().append(HumanTables.print(ctx, request, items, severalKinds(fetched.types())));
        if (ctx.out().length() == before && fetched.errors().isEmpty()
                && !request.flags().bool("ignore-not-found")) {
            // get.go's allResourcesNamespaced: false as soon as one list or object it got is cluster-scoped.
            boolean namespaced = !request.allNamespaces()
                    && fetched.types().stream().allMatch(ResourceType::namespaced);
            ctx.err().append(namespaced ? "No resources found in " + ctx.namespace() + " namespace.\n"
                    : "No resources found\n");
        }
    }

    /** get.go's multipleGVKsRequested: more than one type among what the builder returned, not what was asked. */
    private static boolean severalKinds(List<ResourceType> types) {
        return types.stream().distinct().count() > 1;
    }

    /** Consecutive items of one type. */
    record Run(ResourceType type, List<ObjectNode> objects) {
    }

    static List<Run> runs(List<Fetched.Item> items) {
        List<Run> out = new ArrayList<>();
        for (Fetched.Item item : items) {
            if (out.isEmpty() || !out.get(out.size() - 1).type().equals(item.type())) {
                out.add(new Run(item.type(), new ArrayList<>()));
            }
            out.get(out.size() - 1).objects().add(item.object());
        }
        return out;
    }
}
