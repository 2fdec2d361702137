package io.kubelab.kubectl.get;

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
        Map<ObjectNode, Fetched.Item> byObject = new IdentityHashMap<>();
        List<ObjectNode> objects = new ArrayList<>();
        for (Fetched.Item item : items) {
            byObject.put(item.object(), item);
            objects.add(item.object());
        }
        try {
            List<Fetched.Item> out = new ArrayList<>();
            for (ObjectNode o : SortBy.sort(objects, field)) {
                out.add(byObject.get(o));
            }
            return out;
        } catch (SortByException e) {
            if (e.unsortable()) {
                // kubectl reports these through klog's fatal exit: a klog header, not "error: ".
                throw new KubectlException(KlogLine.fatal(now, SortByException.KLOG_LOCATION, e.getMessage()), 1);
            }
            throw KubectlException.error(e.getMessage());
        }
    }
}
