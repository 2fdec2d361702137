package io.kubelab.kubectl.drain;

import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.DryRun;

/** {@code kubectl cordon} and {@code kubectl uncordon}: mark nodes unschedulable, or schedulable again. */
public final class CordonCommand extends Command {

    private final boolean cordon;

    private CordonCommand(boolean cordon) {
        this.cordon = cordon;
    }

    public static CordonCommand cordon() {
        return new CordonCommand(true);
    }

    public static CordonCommand uncordon() {
        return new CordonCommand(false);
    }

    @Override
    public String name() {
        return cordon ? "cordon" : "uncordon";
    }

    @Override
    public String summary() {
        return cordon ? "Mark node as unschedulable" : "Mark node as schedulable";
    }

    @Override
    public String usage() {
        return "kubectl " + name() + " NODE [options]";
    }

    @Override
    public String examples() {
        return cordon ? "  # Let no new pod be scheduled to node01\n  kubectl cordon node01"
                : "  # Let pods be scheduled to node01 again\n  kubectl uncordon node01";
    }

    @Override
    public FlagSet flags() {
        return new FlagSet()
                .add(DryRun.DRY_RUN)
                .add(Flag.string(Nodes.SELECTOR, "l", "", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        DryRun dryRun = DryRun.parse(flags.string(DryRun.FLAG));
        var nodes = Nodes.find(ctx, flags, name() + " NODE");
        Nodes.cordon(ctx, nodes, cordon, dryRun);
    }
}
