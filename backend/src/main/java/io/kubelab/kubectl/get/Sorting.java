package io.kubelab.kubectl.get;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.print.sort.SortBy;
import io.kubelab.kubectl.print.sort.SortByException;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** {@code --sort-by}: the objects in kubectl's order for the field, each keeping its type. */
final class Sorting {

    private Sorting() {
    }

    static List<Fetched.Item> sort(List<Fetched.Item> items, String field, java.time.Instant now) throws KubectlException {
        try {
            return order(items, field);
        } catch (SortByException e) {
            throw failure(e, now);
        }
    }

    /**
     * The human path sorts each server-side Table on its own (kubectl's SortingPrinter, only for more than one
     * row); a Table whose rows lack the field is not printed at all, silently: get.go ignores that error. With
     * several Tables (several lists, or named objects, each a Table), kubectl's RuntimeSorter also sorts the
     * Tables themselves as objects, which have none of an object's fields: {@code couldn't find any field}.
     */
    static List<Fetched.Item> sortEachTable(List<Fetched.Item> items, int tables, String field, java.time.Instant now)
            throws KubectlException {
        if (tables > 1) {
            List<ObjectNode> asObjects = new ArrayList<>();
            for (int i = 0; i < tables; i++) {
                ObjectNode table = JsonNodeFactory.instance.objectNode().put("kind", "Table")
                        .put("apiVersion", "meta.k8s.io/v1");
                table.putObject("metadata");
                asObjects.add(table);
            }
            try {
                SortBy.sort(asObjects, field);
            } catch (SortByException e) {
                throw failure(e, now);
            }
        }
        List<Fetched.Item> out = new ArrayList<>();
        for (GetOutput.Run run : GetOutput.runs(items)) {
            List<Fetched.Item> table = run.objects().stream().map(o -> new Fetched.Item(run.type(), o)).toList();
            try {
                out.addAll(table.size() > 1 ? order(table, field) : table);
            } catch (SortByException e) {
                if (e.unsortable()) {
                    throw failure(e, now);
                }
            }
        }
        return out;
    }

    private static List<Fetched.Item> order(List<Fetched.Item> items, String field) {
        Map<ObjectNode, Fetched.Item> byObject = new IdentityHashMap<>();
        List<ObjectNode> objects = new ArrayList<>();
        for (Fetched.Item item : items) {
            byObject.put(item.object(), item);
            objects.add(item.object());
        }
        List<Fetched.Item> out = new ArrayList<>();
        for (ObjectNode o : SortBy.sort(objects, field)) {
            out.add(byObject.get(o));
        }
        return out;
    }

    private static KubectlException failure(SortByException e, java.time.Instant now) {
        if (e.unsortable()) {
            // kubectl reports these through klog's fatal exit: a klog header, not "error: ".
            return new KubectlException(KlogLine.fatal(now, SortByException.KLOG_LOCATION, e.getMessage()), 1);
        }
        return KubectlException.error(e.getMessage());
    }
}
