package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.model.Quantity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_0;
import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_1;

/** {@code describeNodeResource}: the node's non-terminated pods and the resources they allocate. */
final class NodeResources {

    private static final Set<String> STANDARD = Set.of("cpu", "memory", "ephemeral-storage", "pods");
    private static final String HUGE_PAGES = "hugepages-";

    private NodeResources() {
    }

    static void write(PrefixWriter w, List<JsonNode> pods, JsonNode node, Instant now) {
        w.write(LEVEL_0, "Non-terminated Pods:\t(" + pods.size() + " in total)\n");
        w.write(LEVEL_1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
        w.write(LEVEL_1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
        Map<String, String> allocatable = J.map(node, "status", "allocatable");
        if (allocatable.isEmpty()) {
            allocatable = J.map(node, "status", "capacity");
        }
        Quantity cpu = NodeDescriber.quantity(allocatable, "cpu");
        Quantity memory = NodeDescriber.quantity(allocatable, "memory");
        Map<String, Quantity> reqs = new HashMap<>();
        Map<String, Quantity> limits = new HashMap<>();
        for (JsonNode pod : pods) {
            Map<String, Quantity> req = Quantities.pod(pod, "requests");
            Map<String, Quantity> lim = Quantities.pod(pod, "limits");
            Quantity cpuReq = Quantities.get(req, "cpu");
            Quantity cpuLim = Quantities.get(lim, "cpu");
            Quantity memReq = Quantities.get(req, "memory");
            Quantity memLim = Quantities.get(lim, "memory");
            w.write(LEVEL_1, J.str(pod, "metadata", "namespace") + "\t" + J.str(pod, "metadata", "name") + "\t\t"
                    + cpuReq.canonical() + " (" + percent(cpuReq.milliValue(), cpu.milliValue()) + "%)\t"
                    + cpuLim.canonical() + " (" + percent(cpuLim.milliValue(), cpu.milliValue()) + "%)\t"
                    + memReq.canonical() + " (" + percent(memReq.value(), memory.value()) + "%)\t"
                    + memLim.canonical() + " (" + percent(memLim.value(), memory.value()) + "%)\t"
                    + Ages.since(J.str(pod, "metadata", "creationTimestamp"), now) + "\n");
            req.forEach((k, v) -> reqs.merge(k, v, Quantity::add));
            lim.forEach((k, v) -> limits.merge(k, v, Quantity::add));
        }
        w.write(LEVEL_0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
        w.write(LEVEL_1, "Resource\tRequests\tLimits\n");
        w.write(LEVEL_1, "--------\t--------\t------\n");
        total(w, "cpu", reqs, limits, true, cpu);
        total(w, "memory", reqs, limits, false, memory);
        total(w, "ephemeral-storage", reqs, limits, false, NodeDescriber.quantity(allocatable, "ephemeral-storage"));
        List<String> hugePages = new ArrayList<>();
        List<String> extended = new ArrayList<>();
        for (String r : allocatable.keySet()) {
            if (r.startsWith(HUGE_PAGES)) {
                hugePages.add(r);
            } else if (!STANDARD.contains(r)) {
                extended.add(r);
            }
        }
        for (String r : hugePages) {
            total(w, r, reqs, limits, false, NodeDescriber.quantity(allocatable, r));
        }
        for (String r : extended) {
            w.write(LEVEL_1, r + "\t" + Quantities.get(reqs, r).canonical() + "\t" + Quantities.get(limits, r).canonical() + "\n");
        }
    }

    private static void total(PrefixWriter w, String name, Map<String, Quantity> reqs, Map<String, Quantity> limits,
                              boolean milli, Quantity allocatable) {
        Quantity req = Quantities.get(reqs, name);
        Quantity lim = Quantities.get(limits, name);
        long of = milli ? allocatable.milliValue() : allocatable.value();
        long reqPercent = of == 0 ? 0 : percent(milli ? req.milliValue() : req.value(), of);
        long limPercent = of == 0 ? 0 : percent(milli ? lim.milliValue() : lim.value(), of);
        w.write(LEVEL_1, name + "\t" + req.canonical() + " (" + reqPercent + "%)\t" + lim.canonical() + " (" + limPercent + "%)\n");
    }

    /** Go's {@code int64(float64(a) / float64(b) * 100)}: truncated. */
    private static long percent(long value, long of) {
        return (long) ((double) value / (double) of * 100);
    }
}
