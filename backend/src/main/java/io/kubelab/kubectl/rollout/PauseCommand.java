package io.kubelab.kubectl.rollout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;

/** {@code kubectl rollout pause}: {@code spec.paused: true} on a Deployment. */
final class PauseCommand extends PatchingCommand {

    @Override
    public String name() {
        return "pause";
    }

    @Override
    public String summary() {
        return "Mark the provided resource as paused";
    }

    @Override
    public String description() {
        return "Mark the provided resource as paused.\n\n Paused resources will not be reconciled by a controller. "
                + "Use \"kubectl rollout resume\" to resume a paused resource. Currently only deployments support "
                + "being paused.";
    }

    @Override
    public String examples() {
        return "  # Mark the nginx deployment as paused\n  # Any current state of the deployment will continue its function; "
                + "new updates\n  # to the deployment will not have an effect as long as the deployment is paused\n"
                + "  kubectl rollout pause deployment/nginx";
    }

    @Override
    ObjectNode patch(KubectlContext ctx, Targets.Target target) throws KubectlException {
        if (!Targets.isKind(target, "Deployment")) {
            throw KubectlException.error(Targets.quoted(target) + " pausing is not supported");
        }
        if (target.object().path("spec").path("paused").asBoolean()) {
            throw KubectlException.error(Targets.quoted(target) + " is already paused");
        }
        ObjectNode patch = object();
        patch.putObject("spec").put("paused", true);
        return patch;
    }

    @Override
    String done() {
        return "paused";
    }
}
