package io.kubelab.kubectl.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.DryRun;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.OutputFlags;
import io.kubelab.kubectl.ServerErrors;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code kubectl rollout undo}: puts the pod template of an earlier revision (the previous one, or
 * {@code --to-revision}) back into the workload with a JSON patch, as kubectl's rollbacker does.
 */
final class UndoCommand extends Command {

    @Override
    public String name() {
        return "undo";
    }

    @Override
    public String summary() {
        return "Undo a previous rollout";
    }

    @Override
    public String description() {
        return "Roll back to a previous rollout.";
    }

    @Override
    public String usage() {
        return "kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags] [options]";
    }

    @Override
    public String examples() {
        return """
                  # Roll back to the previous deployment
                  kubectl rollout undo deployment/abc

                  # Roll back to daemonset revision 3
                  kubectl rollout undo daemonset/abc --to-revision=3

                  # Roll back to the previous deployment with dry-run
                  kubectl rollout undo --dry-run=server deployment/abc""";
    }

    @Override
    public FlagSet flags() {
        return OutputFlags.add(Targets.common(new FlagSet()))
                .add(DryRun.DRY_RUN)
                .add(Flag.int64("to-revision", "", 0, "The revision to rollback to. Default to 0 (last revision)."));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        DryRun dryRun = DryRun.of(flags);
        long toRevision = flags.integer("to-revision");
        for (Targets.Target target : Targets.resolve(ctx, flags)) {
            String kind = target.type().kind();
            if (!Targets.isKind(target, "Deployment") && !Targets.isKind(target, "DaemonSet")
                    && !Targets.isKind(target, "StatefulSet")) {
                throw KubectlException.error("no rollbacker has been implemented for \"" + kind + "\"");
            }
            if (kind.equals("Deployment") && target.object().path("spec").path("paused").asBoolean()) {
                throw KubectlException.error("you cannot rollback a paused deployment; resume it first with 'kubectl "
                        + "rollout resume' and try again");
            }
            TreeMap<Long, ObjectNode> revisions = Revisions.of(ctx, target);
            ObjectNode chosen = pick(target, revisions, toRevision);
            ObjectNode template = Revisions.template(kind, chosen);
            if (template.equals(current(target))) {
                ctx.out().append(Targets.display(target)).append(" skipped rollback (current template already matches revision ")
                        .append(revisions.entrySet().stream().filter(e -> e.getValue() == chosen).findFirst()
                                .map(Map.Entry::getKey).orElse(0L)).append(")\n");
                continue;
            }
            ArrayNode patch = JsonNodeFactory.instance.arrayNode();
            patch.addObject().put("op", "replace").put("path", "/spec/template").set("value", template);
            if (kind.equals("Deployment")) {
                ObjectNode annotations = rollbackAnnotations(target.object(), chosen);
                patch.addObject().put("op", "replace").put("path", "/metadata/annotations").set("value", annotations);
            }
            if (!dryRun.sendsNothing()) {
                try {
                    ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.PATCH, target.type(), target.namespace(),
                            target.name()).withPatch(ApiRequest.PatchType.JSON, patch)
                            .withOptions(RequestOptions.DEFAULT.withDryRun(dryRun == DryRun.SERVER)));
                } catch (StatusException e) {
                    throw ServerErrors.of(e);
                }
            }
            ctx.out().append(Targets.display(target)).append(" rolled back").append(dryRun.suffix()).append('\n');
        }
    }

    private static ObjectNode pick(Targets.Target target, TreeMap<Long, ObjectNode> revisions, long toRevision)
            throws KubectlException {
        if (toRevision > 0) {
            ObjectNode found = revisions.get(toRevision);
            if (found == null) {
                throw KubectlException.error("unable to find specified revision " + toRevision + " in history");
            }
            return found;
        }
        if (revisions.size() < 2) {
            throw KubectlException.error("no rollout history found for " + target.type().kind().toLowerCase(java.util.Locale.ROOT)
                    + " \"" + target.name() + "\"");
        }
        return revisions.get(revisions.lowerKey(revisions.lastKey()));
    }

    private static JsonNode current(Targets.Target target) {
        ObjectNode template = ((ObjectNode) target.object().path("spec").path("template")).deepCopy();
        JsonNode labels = template.path("metadata").path("labels");
        if (labels.isObject()) {
            ((ObjectNode) labels).remove(List.of("pod-template-hash", "controller-revision-hash"));
        }
        return template;
    }

    /**
     * The Deployment's annotations after a rollback: its own, with the ReplicaSet's annotations that
     * describe the revision (change cause and the like) carried back, as kubectl's rollbacker does.
     */
    private static ObjectNode rollbackAnnotations(ObjectNode deployment, ObjectNode replicaSet) {
        ObjectNode out = deployment.path("metadata").path("annotations").isObject()
                ? ((ObjectNode) deployment.path("metadata").path("annotations")).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        List<String> skipped = List.of("kubectl.kubernetes.io/last-applied-configuration", Revisions.REVISION,
                "deployment.kubernetes.io/revision-history", "deployment.kubernetes.io/desired-replicas",
                "deployment.kubernetes.io/max-replicas");
        replicaSet.path("metadata").path("annotations").properties().forEach(e -> {
            if (!skipped.contains(e.getKey())) {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }
}
