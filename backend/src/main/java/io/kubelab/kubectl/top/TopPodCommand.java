package io.kubelab.kubectl.top;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.cli.TabWriter;
import io.kubelab.model.Quantity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code kubectl top pod}: each pod's usage (the sum of its containers), or each container's. */
final class TopPodCommand extends Command {

    @Override
    public String name() {
        return "pod";
    }

    @Override
    public List<String> aliases() {
        return List.of("pods", "po");
    }

    @Override
    public String summary() {
        return "Display resource (CPU/memory) usage of pods";
    }

    @Override
    public String description() {
        return "Display resource (CPU/memory) usage of pods.\n\n The 'top pod' command allows you to see the resource "
                + "consumption of pods.\n\n Due to the metrics pipeline delay, they may be unavailable for a few minutes "
                + "since pod creation.";
    }

    @Override
    public String usage() {
        return "kubectl top pod [NAME | -l label] [options]";
    }

    @Override
    public String examples() {
        return """
                  # Show metrics for all pods in the default namespace
                  kubectl top pod

                  # Show metrics for all pods in the given namespace
                  kubectl top pod --namespace=NAMESPACE

                  # Show metrics for a given pod and its containers
                  kubectl top pod POD_NAME --containers

                  # Show metrics for the pods defined by label name=myLabel
                  kubectl top pod -l name=myLabel""";
    }

    @Override
    public FlagSet flags() {
        return TopFlags.shared("pods")
                .add(Flag.bool("all-namespaces", "A", false, "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace."))
                .add(Flag.bool("containers", "", false, "If present, print usage of containers within a pod."))
                .add(Flag.string("field-selector", "", "", "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type."))
                .add(Flag.bool("no-headers", "", false, "If present, print output without headers."))
                .add(Flag.bool("sum", "", false, "Print the sum of the resource usage"));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        String name = TopFlags.name(ctx, flags, "pod");
        String sortBy = TopFlags.sortBy(flags);
        boolean all = flags.bool("all-namespaces");
        List<ObjectNode> metrics = new ArrayList<>(Metrics.list(ctx, Metrics.POD_METRICS, all ? "" : ctx.namespace(),
                name, flags.string("selector"), flags.string("field-selector")));
        if (metrics.isEmpty()) {
            if (!name.isEmpty()) {
                throw KubectlException.error("metrics not available yet");
            }
            ctx.err().append(all ? "No resources found\n" : "No resources found in " + ctx.namespace() + " namespace.\n");
            return;
        }
        if (sortBy.isEmpty()) {
            metrics.sort(Comparator.comparing((ObjectNode m) -> all ? m.path("metadata").path("namespace").asText() : "")
                    .thenComparing(m -> m.path("metadata").path("name").asText()));
        } else {
            // metrics_printer.go's sorter: sort.Sort on whole millicores or bytes, largest first; ties keep Go's order.
            io.kubelab.kubectl.go.GoSort.sort(metrics, Comparator.comparingLong(
                    (ObjectNode m) -> Metrics.sortKey(total(m, sortBy), sortBy)).reversed());
        }
        boolean containers = flags.bool("containers");
        StringBuilder table = new StringBuilder();
        if (!flags.bool("no-headers")) {
            List<String> header = new ArrayList<>();
            if (all) {
                header.add("NAMESPACE");
            }
            if (containers) {
                header.add("POD");
            }
            header.addAll(List.of("NAME", "CPU(cores)", "MEMORY(bytes)"));
            Metrics.row(table, header);
        }
        Quantity cpuSum = Quantity.parse("0");
        Quantity memorySum = Quantity.parse("0");
        for (ObjectNode m : metrics) {
            String namespace = m.path("metadata").path("namespace").asText();
            String pod = m.path("metadata").path("name").asText();
            if (containers) {
                for (JsonNode c : m.path("containers")) {
                    List<String> cells = new ArrayList<>();
                    if (all) {
                        cells.add(namespace);
                    }
                    cells.add(pod);
                    cells.add(c.path("name").asText());
                    cells.add(Metrics.cpu(Metrics.quantity(c.path("usage"), "cpu")));
                    cells.add(Metrics.memory(Metrics.quantity(c.path("usage"), "memory")));
                    Metrics.row(table, cells);
                }
            } else {
                List<String> cells = new ArrayList<>();
                if (all) {
                    cells.add(namespace);
                }
                cells.add(pod);
                cells.add(Metrics.cpu(total(m, "cpu")));
                cells.add(Metrics.memory(total(m, "memory")));
                Metrics.row(table, cells);
            }
            cpuSum = cpuSum.add(total(m, "cpu"));
            memorySum = memorySum.add(total(m, "memory"));
        }
        if (flags.bool("sum")) {
            int columns = 3 + (all ? 1 : 0) + (containers ? 1 : 0);
            List<String> rule = new ArrayList<>();
            for (int i = 0; i < columns - 2; i++) {
                rule.add("");
            }
            rule.addAll(List.of("________", "________"));
            Metrics.row(table, rule);
            List<String> sum = new ArrayList<>();
            for (int i = 0; i < columns - 3; i++) {
                sum.add("");
            }
            sum.addAll(List.of("", Metrics.cpu(cpuSum), Metrics.memory(memorySum)));
            Metrics.row(table, sum);
        }
        ctx.out().append(TabWriter.align(table.toString()));
    }

    private static Quantity total(ObjectNode m, String resource) {
        Quantity sum = Quantity.parse("0");
        for (JsonNode c : m.path("containers")) {
            sum = sum.add(Metrics.quantity(c.path("usage"), resource));
        }
        return sum;
    }
}
