package io.kubelab.kubectl.rollout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.OutputFlags;
import io.kubelab.kubectl.ServerErrors;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

import java.util.ArrayList;
import java.util.List;

/**
 * restart, pause and resume: each turns a workload into a strategic merge patch (or a refusal) and
 * prints {@code deployment.apps/web restarted}; kubectl sends them with field manager kubectl-rollout.
 */
abstract class PatchingCommand extends Command {

    /** The patch for this object, or null when there is nothing to do (an error says why). */
    abstract ObjectNode patch(KubectlContext ctx, Targets.Target target) throws KubectlException;

    abstract String done();

    @Override
    public String usage() {
        return "kubectl rollout " + name() + " RESOURCE [options]";
    }

    @Override
    public FlagSet flags() {
        return OutputFlags.add(Targets.common(new FlagSet()))
                .add(Flag.string("field-manager", "", "kubectl-rollout", "Name of the manager used to track field ownership."));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        List<String> errors = new ArrayList<>();
        List<ObjectNode> changed = new ArrayList<>();
        for (Targets.Target target : Targets.resolve(ctx, flags)) {
            ObjectNode patch;
            try {
                patch = patch(ctx, target);
            } catch (KubectlException e) {
                errors.add(e.stderr());
                continue;
            }
            try {
                changed.add(ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.PATCH, target.type(),
                        target.namespace(), target.name()).withPatch(ApiRequest.PatchType.STRATEGIC, patch)
                        .withOptions(RequestOptions.DEFAULT.withFieldManager(flags.string("field-manager")))).body());
            } catch (StatusException e) {
                errors.add(ServerErrors.text(e.status()));
            }
        }
        OutputFlags.print(ctx, flags, changed, done());
        if (!errors.isEmpty()) {
            throw new KubectlException(String.join("", errors), 1);
        }
    }

    static ObjectNode object() {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
}
