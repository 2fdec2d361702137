package io.kubelab.kubectl.rollout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.OutputFlags;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

import java.util.Map;
import java.util.TreeMap;

/** {@code kubectl rollout history}: the revisions of a workload and their change causes. */
final class HistoryCommand extends Command {

    @Override
    public String name() {
        return "history";
    }

    @Override
    public String summary() {
        return "View rollout history";
    }

    @Override
    public String description() {
        return "View previous rollout revisions and configurations.";
    }

    @Override
    public String usage() {
        return "kubectl rollout history (TYPE NAME | TYPE/NAME) [flags] [options]";
    }

    @Override
    public String examples() {
        return """
                  # View the rollout history of a deployment
                  kubectl rollout history deployment/abc

                  # View the details of daemonset revision 3
                  kubectl rollout history daemonset/abc --revision=3""";
    }

    @Override
    public FlagSet flags() {
        return OutputFlags.add(Targets.common(new FlagSet()))
                .add(Flag.int64("revision", "", 0, "See the details, including podTemplate of the revision specified"));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        long wanted = flags.integer("revision");
        for (Targets.Target target : Targets.resolve(ctx, flags)) {
            if (!Targets.isKind(target, "Deployment") && !Targets.isKind(target, "DaemonSet")
                    && !Targets.isKind(target, "StatefulSet")) {
                throw KubectlException.error("no history viewer has been implemented for \"" + target.type().kind() + "\"");
            }
            TreeMap<Long, ObjectNode> revisions = Revisions.of(ctx, target);
            if (wanted > 0) {
                ObjectNode revision = revisions.get(wanted);
                if (revision == null) {
                    throw KubectlException.error("unable to find the specified revision");
                }
                ctx.out().append(Targets.display(target)).append(" with revision #").append(wanted).append('\n')
                        .append(io.kubelab.kubectl.describe.PodTemplates.unaligned(Revisions.storedTemplate(target.type().kind(), revision)))
                        .append('\n');
                continue;
            }
            StringBuilder table = new StringBuilder();
            int width = "REVISION".length();
            for (Long r : revisions.keySet()) {
                width = Math.max(width, Long.toString(r).length());
            }
            table.append(pad("REVISION", width + 2)).append("CHANGE-CAUSE\n");
            for (Map.Entry<Long, ObjectNode> e : revisions.entrySet()) {
                table.append(pad(Long.toString(e.getKey()), width + 2)).append(Revisions.changeCause(e.getValue()))
                        .append('\n');
            }
            ctx.out().append(Targets.display(target)).append(" \n").append(table).append('\n');
        }
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
