package io.kubelab.kubectl.rollout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;

/** {@code kubectl rollout restart}: a new {@code kubectl.kubernetes.io/restartedAt} in the pod template. */
final class RestartCommand extends PatchingCommand {

    @Override
    public String name() {
        return "restart";
    }

    @Override
    public String summary() {
        return "Restart a resource";
    }

    @Override
    public String description() {
        return "Restart a resource.\n\n        Resource rollout will be restarted.";
    }

    @Override
    public String examples() {
        return """
                  # Restart all deployments in the test-namespace namespace
                  kubectl rollout restart deployment -n test-namespace

                  # Restart a deployment
                  kubectl rollout restart deployment/nginx

                  # Restart a daemon set
                  kubectl rollout restart daemonset/abc

                  # Restart deployments with the app=nginx label
                  kubectl rollout restart deployment --selector=app=nginx""";
    }

    @Override
    ObjectNode patch(KubectlContext ctx, Targets.Target target) throws KubectlException {
        if (!Targets.isKind(target, "Deployment") && !Targets.isKind(target, "DaemonSet")
                && !Targets.isKind(target, "StatefulSet")) {
            throw KubectlException.error(Targets.quoted(target) + " restarting is not supported");
        }
        if (Targets.isKind(target, "Deployment") && target.object().path("spec").path("paused").asBoolean()) {
            throw KubectlException.error(Targets.quoted(target) + " can't restart paused deployment (run rollout resume first)");
        }
        ObjectNode patch = object();
        patch.putObject("spec").putObject("template").putObject("metadata").putObject("annotations")
                .put("kubectl.kubernetes.io/restartedAt", ObjectMeta.time(ctx.now()));
        return patch;
    }

    @Override
    String done() {
        return "restarted";
    }
}
