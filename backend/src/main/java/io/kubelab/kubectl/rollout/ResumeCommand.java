package io.kubelab.kubectl.rollout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;

/** {@code kubectl rollout resume}: {@code spec.paused: null} on a paused Deployment. */
final class ResumeCommand extends PatchingCommand {

    @Override
    public String name() {
        return "resume";
    }

    @Override
    public String summary() {
        return "Resume a paused resource";
    }

    @Override
    public String description() {
        return "Resume a paused resource.\n\n Paused resources will not be reconciled by a controller. By resuming a "
                + "resource, we allow it to be reconciled again. Currently only deployments support being resumed.";
    }

    @Override
    public String examples() {
        return "  # Resume an already paused deployment\n  kubectl rollout resume deployment/nginx";
    }

    @Override
    ObjectNode patch(KubectlContext ctx, Targets.Target target) throws KubectlException {
        if (!Targets.isKind(target, "Deployment")) {
            throw KubectlException.error(Targets.quoted(target) + " resuming is not supported");
        }
        if (!target.object().path("spec").path("paused").asBoolean()) {
            throw KubectlException.error(Targets.quoted(target) + " is not paused");
        }
        ObjectNode patch = object();
        patch.putObject("spec").putNull("paused");
        return patch;
    }

    @Override
    String done() {
        return "resumed";
    }
}
