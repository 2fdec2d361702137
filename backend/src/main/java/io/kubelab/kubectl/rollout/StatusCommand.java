package io.kubelab.kubectl.rollout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.store.Store;
import io.kubelab.store.WatchEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kubectl rollout status}: the status line for the object and again at every change the watch
 * reports, until the rollout is done, waiting in simulated time (the cluster does its work meanwhile).
 */
final class StatusCommand extends Command {

    /** How long a wait without {@code --timeout} may run: beyond a Deployment's 600 s progress deadline. */
    static final Duration NO_TIMEOUT_CAP = Duration.ofHours(1);

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "Show the status of the rollout";
    }

    @Override
    public String description() {
        return "Show the status of the rollout.\n\n By default 'rollout status' watches the latest rollout until it is "
                + "done. Use --watch=false to print the current status once. With --revision, the rollout status of "
                + "that revision is checked.";
    }

    @Override
    public String usage() {
        return "kubectl rollout status (TYPE NAME | TYPE/NAME) [flags] [options]";
    }

    @Override
    public String examples() {
        return "  # Watch the rollout status of a deployment\n  kubectl rollout status deployment/nginx";
    }

    @Override
    public FlagSet flags() {
        return Targets.common(new FlagSet())
                .add(Flag.int64("revision", "", 0, "Pin to a specific revision for showing its status. Defaults to 0 (last revision)."))
                .add(Flag.duration("timeout", "", "0s", "The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h)."))
                .add(Flag.bool("watch", "w", true, "Watch the status of the rollout until it's done."));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        List<Targets.Target> targets = Targets.resolve(ctx, flags);
        if (targets.size() != 1) {
            throw KubectlException.error("rollout status is only supported on individual resources and resource "
                    + "collections of size 1");
        }
        Targets.Target target = targets.get(0);
        long revision = flags.integer("revision");
        if (revision < 0) {
            throw KubectlException.error("revision must be a positive integer: " + revision);
        }
        StatusViewers.Status first = StatusViewers.status(target.type().kind(), target.object(), revision);
        ctx.out().append(first.message());
        if (first.done() || !flags.bool("watch")) {
            return;
        }
        Duration timeout = flags.duration("timeout");
        List<ObjectNode> changes = new ArrayList<>();
        Store.Watch watch = ctx.api().watch(ApiRequest.of(ctx.user(), ApiRequest.Verb.WATCH, target.type(),
                target.namespace(), "").withOptions(RequestOptions.DEFAULT
                .withSelectors("", "metadata.name=" + target.name())
                .withResourceVersion(target.object().path("metadata").path("resourceVersion").asText(), false)),
                event -> {
                    if (event.type() == WatchEvent.Type.MODIFIED || event.type() == WatchEvent.Type.ADDED) {
                        changes.add(event.object());
                    }
                });
        boolean[] done = {false};
        KubectlException[] failed = {null};
        try {
            ctx.waitFor(() -> {
                while (!changes.isEmpty() && !done[0] && failed[0] == null) {
                    try {
                        StatusViewers.Status s = StatusViewers.status(target.type().kind(), changes.remove(0), revision);
                        ctx.out().append(s.message());
                        done[0] = s.done();
                    } catch (KubectlException e) {
                        failed[0] = e;
                    }
                }
                return done[0] || failed[0] != null;
            }, timeout.isZero() ? NO_TIMEOUT_CAP : timeout);
        } finally {
            watch.stop();
        }
        if (failed[0] != null) {
            throw failed[0];
        }
        if (!done[0]) {
            throw KubectlException.error("timed out waiting for the condition");
        }
    }
}
