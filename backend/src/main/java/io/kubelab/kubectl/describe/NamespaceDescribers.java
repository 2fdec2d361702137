package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.StatusException;
import io.kubelab.model.Quantity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_0;
import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_1;

/** kubectl's Namespace, ResourceQuota and LimitRange describers. */
final class NamespaceDescribers {

    private static final String NOT_FOUND = "NotFound";

    private NamespaceDescribers() {
    }

    static void namespace(DescribeContext ctx, ObjectNode ns, PrefixWriter w) {
        String name = J.str(ns, "metadata", "name");
        List<JsonNode> quotas = listUnlessNotFound(ctx, Fetch.QUOTAS, name);
        List<JsonNode> limitRanges = listUnlessNotFound(ctx, Fetch.LIMIT_RANGES, name);
        Meta.name(w, ns);
        Meta.labels(w, ns);
        Meta.annotations(w, ns);
        w.write(LEVEL_0, "Status:\t" + J.str(ns, "status", "phase") + "\n");
        List<JsonNode> conditions = J.list(ns, "status", "conditions");
        if (!conditions.isEmpty()) {
            w.write(LEVEL_0, "Conditions:\n");
            w.write(LEVEL_1, "Type\tStatus\tLastTransitionTime\tReason\tMessage\n");
            w.write(LEVEL_1, "----\t------\t------------------\t------\t-------\n");
            for (JsonNode c : conditions) {
                w.write(LEVEL_1, J.str(c, "type") + "\t" + J.str(c, "status") + "\t" + Ages.date(J.str(c, "lastTransitionTime"))
                        + "\t" + J.str(c, "reason") + "\t" + J.str(c, "message") + "\n");
            }
        }
        if (quotas != null) {
            w.write(LEVEL_0, "\n");
            quotas(quotas, w);
        }
        if (limitRanges != null) {
            w.write(LEVEL_0, "\n");
            limitRanges(limitRanges, w);
        }
    }

    /** A list, or null when the server does not serve the resource (kubectl then leaves the section out). */
    private static List<JsonNode> listUnlessNotFound(DescribeContext ctx, io.kubelab.model.ResourceType type, String ns) {
        try {
            return Fetch.list(ctx, type, ns, "", "");
        } catch (StatusException e) {
            if (NOT_FOUND.equals(e.status().reason())) {
                return null;
            }
            throw e;
        }
    }

    /** {@code DescribeResourceQuotas}. */
    private static void quotas(List<JsonNode> quotas, PrefixWriter w) {
        if (quotas.isEmpty()) {
            w.write(LEVEL_0, "No resource quota.\n");
            return;
        }
        List<JsonNode> sorted = new ArrayList<>(quotas);
        sorted.sort(Comparator.comparing(q -> J.str(q, "metadata", "name")));
        w.write(LEVEL_0, "Resource Quotas\n");
        for (JsonNode q : sorted) {
            w.write(LEVEL_1, "Name:\t" + J.str(q, "metadata", "name") + "\n");
            List<String> scopes = new ArrayList<>(new TreeSet<>(J.strings(q, "spec", "scopes")));
            if (!scopes.isEmpty()) {
                w.write(LEVEL_1, "Scopes:\t" + String.join(", ", scopes) + "\n");
                for (String scope : scopes) {
                    String help = scopeHelp(scope);
                    if (!help.isEmpty()) {
                        w.write(LEVEL_1, "* " + help + "\n");
                    }
                }
            }
            w.write(LEVEL_1, "Resource\tUsed\tHard\n");
            w.write(LEVEL_1, "--------\t---\t---\n");
            Map<String, String> used = J.map(q, "status", "used");
            for (Map.Entry<String, String> e : J.map(q, "status", "hard").entrySet()) {
                w.write(LEVEL_1, e.getKey() + "\t" + Quantities.text(used.getOrDefault(e.getKey(), "0")) + "\t"
                        + Quantities.text(e.getValue()) + "\n");
            }
        }
    }

    private static String scopeHelp(String scope) {
        return switch (scope) {
            case "Terminating" -> "Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.";
            case "NotTerminating" -> "Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.";
            case "BestEffort" -> "Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.";
            case "NotBestEffort" -> "Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.";
            default -> "";
        };
    }

    /** {@code DescribeLimitRanges}. */
    private static void limitRanges(List<JsonNode> ranges, PrefixWriter w) {
        if (ranges.isEmpty()) {
            w.write(LEVEL_0, "No LimitRange resource.\n");
            return;
        }
        w.write(LEVEL_0, "Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n");
        w.write(LEVEL_0, " ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n");
        for (JsonNode range : ranges) {
            limitRangeSpec(range.path("spec"), " ", w);
        }
    }

    /**
     * {@code describeLimitRangeSpec}: one row per resource named in any of the item's maps. Go ranges over
     * a map here, so kubectl's row order varies from run to run; ours is the order the maps name them.
     */
    private static void limitRangeSpec(JsonNode spec, String prefix, PrefixWriter w) {
        String[] fields = {"max", "min", "default", "defaultRequest", "maxLimitRequestRatio"};
        for (JsonNode item : J.list(spec, "limits")) {
            Set<String> names = new LinkedHashSet<>();
            for (String f : fields) {
                names.addAll(J.map(item, f).keySet());
            }
            for (String k : names) {
                w.write(LEVEL_0, prefix + J.str(item, "type") + "\t" + k + "\t" + value(item, "min", k) + "\t"
                        + value(item, "max", k) + "\t" + value(item, "defaultRequest", k) + "\t" + value(item, "default", k)
                        + "\t" + value(item, "maxLimitRequestRatio", k) + "\n");
            }
        }
    }

    private static String value(JsonNode item, String field, String name) {
        JsonNode q = J.at(item, field, name);
        return J.has(q) ? Quantities.text(q.asText()) : "-";
    }

    static void limitRange(DescribeContext ctx, ObjectNode lr, PrefixWriter w) {
        Meta.name(w, lr);
        Meta.namespace(w, lr);
        w.write(LEVEL_0, "Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n");
        w.write(LEVEL_0, "----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n");
        limitRangeSpec(lr.path("spec"), "", w);
    }

    static void quota(DescribeContext ctx, ObjectNode q, PrefixWriter w) {
        Meta.name(w, q);
        Meta.namespace(w, q);
        List<String> scopes = new ArrayList<>(new TreeSet<>(J.strings(q, "spec", "scopes")));
        if (!scopes.isEmpty()) {
            w.write(LEVEL_0, "Scopes:\t" + String.join(", ", scopes) + "\n");
            for (String scope : scopes) {
                String help = scopeHelp(scope);
                if (!help.isEmpty()) {
                    w.write(LEVEL_0, " * " + help + "\n");
                }
            }
        }
        w.write(LEVEL_0, "Resource\tUsed\tHard\n");
        w.write(LEVEL_0, "--------\t----\t----\n");
        Map<String, String> used = J.map(q, "status", "used");
        for (Map.Entry<String, String> e : J.map(q, "status", "hard").entrySet()) {
            Quantity hard = Quantity.parse(e.getValue());
            Quantity u = Quantity.parse(used.getOrDefault(e.getKey(), "0"));
            // A used quantity in another format than the hard one is shown in the hard one's.
            if (u.format() != hard.format()) {
                u = Quantity.of(u.value(), hard.format());
            }
            w.write(LEVEL_0, e.getKey() + "\t" + u.canonical() + "\t" + hard.canonical() + "\n");
        }
    }
}
