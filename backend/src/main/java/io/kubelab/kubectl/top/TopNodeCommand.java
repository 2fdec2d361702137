package io.kubelab.kubectl.top;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.ServerErrors;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.cli.TabWriter;
import io.kubelab.model.Quantity;
import io.kubelab.model.ResourceTypes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code kubectl top node}: each node's usage and its share of the node's allocatable (or capacity). */
final class TopNodeCommand extends Command {

    @Override
    public String name() {
        return "node";
    }

    @Override
    public List<String> aliases() {
        return List.of("nodes", "no");
    }

    @Override
    public String summary() {
        return "Display resource (CPU/memory) usage of nodes";
    }

    @Override
    public String description() {
        return "Display resource (CPU/memory) usage of nodes.\n\n The top-node command allows you to see the resource "
                + "consumption of nodes.";
    }

    @Override
    public String usage() {
        return "kubectl top node [NAME | -l label] [options]";
    }

    @Override
    public String examples() {
        return "  # Show metrics for all nodes\n  kubectl top node\n\n  # Show metrics for a given node\n"
                + "  kubectl top node NODE_NAME";
    }

    @Override
    public FlagSet flags() {
        return TopFlags.shared("nodes")
                .add(Flag.bool("no-headers", "", false, "If present, print output without headers"))
                .add(Flag.bool("show-capacity", "", false, "Print node resources based on Capacity instead of Allocatable(default) of the nodes."));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        String name = TopFlags.name(ctx, flags, "node");
        String sortBy = TopFlags.sortBy(flags);
        List<ObjectNode> metrics = new ArrayList<>(Metrics.list(ctx, Metrics.NODE_METRICS, "", name,
                flags.string("selector"), ""));
        if (metrics.isEmpty()) {
            throw KubectlException.error("metrics not available yet");
        }
        Map<String, JsonNode> available = new LinkedHashMap<>();
        String field = flags.bool("show-capacity") ? "capacity" : "allocatable";
        try {
            ObjectNode nodes = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.LIST, ResourceTypes.of("v1", "Node"),
                    "", "").withOptions(RequestOptions.DEFAULT.withSelectors(flags.string("selector"), ""))).body();
            for (JsonNode node : nodes.path("items")) {
                String nodeName = node.path("metadata").path("name").asText();
                if (name.isEmpty() || name.equals(nodeName)) {
                    available.put(nodeName, node.path("status").path(field));
                }
            }
        } catch (StatusException e) {
            throw ServerErrors.of(e);
        }
        if (sortBy.equals("cpu") || sortBy.equals("memory")) {
            io.kubelab.kubectl.go.GoSort.sort(metrics, Comparator.comparingLong(
                    (ObjectNode m) -> Metrics.sortKey(Metrics.quantity(m.path("usage"), sortBy), sortBy)).reversed());
        }
        StringBuilder table = new StringBuilder();
        if (!flags.bool("no-headers")) {
            Metrics.row(table, List.of("NAME", "CPU(cores)", "CPU(%)", "MEMORY(bytes)", "MEMORY(%)"));
        }
        for (ObjectNode m : metrics) {
            String nodeName = m.path("metadata").path("name").asText();
            JsonNode usage = m.path("usage");
            JsonNode capacity = available.remove(nodeName);
            List<String> cells = new ArrayList<>(List.of(nodeName));
            for (String resource : List.of("cpu", "memory")) {
                Quantity used = Metrics.quantity(usage, resource);
                cells.add(resource.equals("cpu") ? Metrics.cpu(used) : Metrics.memory(used));
                if (capacity != null && capacity.has(resource)) {
                    Quantity of = Metrics.quantity(capacity, resource);
                    double fraction = of.isZero() ? 0 : (double) used.milliValue() / of.milliValue() * 100;
                    cells.add((long) fraction + "%");
                }
            }
            Metrics.row(table, cells);
        }
        for (String missing : available.keySet()) {
            Metrics.row(table, List.of(missing, "<unknown>", "<unknown>", "<unknown>", "<unknown>"));
        }
        ctx.out().append(TabWriter.align(table.toString()));
    }
}
