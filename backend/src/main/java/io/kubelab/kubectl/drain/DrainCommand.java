package io.kubelab.kubectl.drain;

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
import io.kubelab.kubectl.DryRun;
import io.kubelab.model.LabelSelector;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code kubectl drain}: cordons the nodes, then evicts their pods (kubectl's filters decide which,
 * {@link PodFilters}; {@link Evictor} removes them in simulated time), printing kubectl's lines and,
 * when pods block a node, its errors and the list of nodes left to drain.
 */
public final class DrainCommand extends Command {

    static final String DELETE_EMPTYDIR_DATA = "delete-emptydir-data";
    static final String DISABLE_EVICTION = "disable-eviction";
    static final String FORCE = "force";
    static final String GRACE_PERIOD = "grace-period";
    static final String IGNORE_DAEMONSETS = "ignore-daemonsets";
    static final String POD_SELECTOR = "pod-selector";
    static final String SKIP_WAIT = "skip-wait-for-delete-timeout";
    static final String TIMEOUT = "timeout";

    @Override
    public String name() {
        return "drain";
    }

    @Override
    public String summary() {
        return "Drain node in preparation for maintenance";
    }

    @Override
    public String usage() {
        return "kubectl drain NODE [options]";
    }

    @Override
    public String description() {
        return """
                Drain node in preparation for maintenance.

                 The node is cordoned first, so that no new pod lands on it. Then its pods are evicted through the \
                Eviction API, which respects PodDisruptionBudgets: a pod a budget protects is tried again every 5 \
                seconds until the budget allows it or --timeout ends the wait. Pods of DaemonSets are never \
                evicted (--ignore-daemonsets lets the drain go on anyway), mirror pods of static pods are skipped, \
                pods with emptyDir data need --delete-emptydir-data, and pods no controller would recreate need \
                --force.

                 When the maintenance is over, 'kubectl uncordon' makes the node schedulable again.""";
    }

    @Override
    public String examples() {
        return """
                  # Drain node01, leaving its DaemonSet pods in place
                  kubectl drain node01 --ignore-daemonsets

                  # Also delete pods that no controller manages, giving up after 5 minutes
                  kubectl drain node01 --ignore-daemonsets --force --timeout=5m""";
    }

    @Override
    public FlagSet flags() {
        return new FlagSet()
                .add(Flag.integer("chunk-size", "", 500, "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future."))
                .add(Flag.bool(DELETE_EMPTYDIR_DATA, "", false, "Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained)."))
                .add(Flag.bool(DISABLE_EVICTION, "", false, "Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution."))
                .add(DryRun.DRY_RUN)
                .add(Flag.bool(FORCE, "", false, "Continue even if there are pods that do not declare a controller."))
                .add(Flag.integer(GRACE_PERIOD, "", -1, "Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used."))
                .add(Flag.bool(IGNORE_DAEMONSETS, "", false, "Ignore DaemonSet-managed pods."))
                .add(Flag.string(POD_SELECTOR, "", "", "Label selector to filter pods on the node"))
                .add(Flag.string(Nodes.SELECTOR, "l", "", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."))
                .add(Flag.integer(SKIP_WAIT, "", 0, "If pod DeletionTimestamp older than N seconds, skip waiting for the pod.  Seconds must be greater than 0 to skip."))
                .add(Flag.duration(TIMEOUT, "", "0s", "The length of time to wait before giving up, zero means infinite"));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        DryRun dryRun = DryRun.parse(flags.string(DryRun.FLAG));
        String podSelector = flags.string(POD_SELECTOR);
        if (!podSelector.isEmpty()) {
            try {
                LabelSelector.parse(podSelector);
            } catch (IllegalArgumentException e) {
                throw KubectlException.error("--pod-selector=<pod_selector> must be a valid label selector");
            }
        }
        List<ObjectNode> nodes = Nodes.find(ctx, flags, "drain NODE");
        Nodes.cordon(ctx, nodes, true, dryRun);
        PodFilters filters = new PodFilters(ctx, flags.bool(FORCE), flags.bool(IGNORE_DAEMONSETS),
                flags.bool(DELETE_EMPTYDIR_DATA), flags.integer(SKIP_WAIT));
        Evictor evictor = new Evictor(ctx, flags.integer(GRACE_PERIOD), dryRun, flags.duration(TIMEOUT),
                !flags.bool(DISABLE_EVICTION));
        List<String> fatal = new ArrayList<>();
        List<String> remaining = new ArrayList<>();
        for (ObjectNode node : nodes) {
            String name = node.path("metadata").path("name").asText();
            List<String> errors = drain(ctx, name, podSelector, filters, evictor, dryRun);
            if (errors.isEmpty()) {
                Nodes.print(ctx, node, "drained" + dryRun.suffix());
            } else {
                ctx.err().append("error: unable to drain node \"").append(name).append("\" due to error: ")
                        .append(errors.size() == 1 ? errors.get(0) : "[" + String.join(", ", errors) + "]")
                        .append(", continuing command...\n");
                fatal.addAll(errors);
                remaining.add(name);
            }
        }
        if (!remaining.isEmpty()) {
            ctx.err().append("There are pending nodes to be drained:\n");
            remaining.forEach(n -> ctx.err().append(' ').append(n).append('\n'));
            // Each node's errors are an aggregate, which CheckErr prints a line each, without "error: ".
            StringBuilder text = new StringBuilder();
            fatal.forEach(e -> text.append(e).append('\n'));
            throw new KubectlException(text.toString(), 1);
        }
    }

    /** kubectl's deleteOrEvictPodsSimple for one node: the errors that stopped it, none when drained. */
    private static List<String> drain(KubectlContext ctx, String node, String podSelector, PodFilters filters,
                                      Evictor evictor, DryRun dryRun) {
        PodFilters.Verdicts verdicts;
        try {
            verdicts = filters.judge(pods(ctx, node, podSelector));
        } catch (StatusException e) {
            return List.of(ServerErrors.line(e.status()));
        }
        List<String> errors = verdicts.errors();
        if (!errors.isEmpty()) {
            return errors;
        }
        String warnings = verdicts.warnings();
        if (!warnings.isEmpty()) {
            ctx.err().append("Warning: ").append(warnings).append('\n');
        }
        if (dryRun == DryRun.CLIENT) {
            for (ObjectNode pod : verdicts.toDelete()) {
                ctx.out().append("evicting pod ").append(PodFilters.key(pod)).append(" (dry run)\n");
            }
            return List.of();
        }
        List<String> failed = evictor.remove(verdicts.toDelete());
        if (!failed.isEmpty()) {
            try {
                List<ObjectNode> pending = filters.judge(pods(ctx, node, podSelector)).toDelete();
                if (!pending.isEmpty()) {
                    ctx.err().append("There are pending pods in node \"").append(node).append("\" when an error occurred: ")
                            .append(failed.size() == 1 ? failed.get(0) : "[" + String.join(", ", failed) + "]")
                            .append('\n');
                    pending.forEach(p -> ctx.err().append("pod/").append(p.path("metadata").path("name").asText())
                            .append('\n'));
                }
            } catch (StatusException ignored) {
                // kubectl reports only the eviction errors then.
            }
        }
        return failed;
    }

    private static List<ObjectNode> pods(KubectlContext ctx, String node, String podSelector) {
        JsonNode list = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.LIST, Nodes.PODS, "", "")
                .withOptions(RequestOptions.DEFAULT.withSelectors(podSelector, "spec.nodeName=" + node))).body();
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode item : list.path("items")) {
            ObjectNode pod = (ObjectNode) item;
            pod.put("apiVersion", "v1").put("kind", "Pod");
            out.add(pod);
        }
        return out;
    }
}
