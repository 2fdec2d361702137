package io.kubelab.kubectl.delete;

import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.DryRun;
import io.kubelab.kubectl.mutate.TargetObjects;

import java.time.Duration;
import java.util.List;

/**
 * {@code kubectl delete}: deletes what the arguments, selectors or files name through the API server,
 * with kubectl's grace period and cascade options, then (unless {@code --wait=false}) waits in simulated
 * time until each object is really gone, as a pod's graceful termination or finalizers make it take.
 */
public final class DeleteCommand extends Command {

    static final String ALL = "all";
    static final String ALL_NAMESPACES = "all-namespaces";
    static final String CASCADE = "cascade";
    static final String FIELD_SELECTOR = "field-selector";
    static final String FILENAME = "filename";
    static final String FORCE = "force";
    static final String GRACE_PERIOD = "grace-period";
    static final String IGNORE_NOT_FOUND = "ignore-not-found";
    static final String INTERACTIVE = "interactive";
    static final String NOW = "now";
    static final String OUTPUT = "output";
    static final String RECURSIVE = "recursive";
    static final String SELECTOR = "selector";
    static final String TIMEOUT = "timeout";
    static final String WAIT = "wait";

    @Override
    public String name() {
        return "delete";
    }

    @Override
    public String summary() {
        return "Delete resources by file names, stdin, resources and names, or by resources and label selector";
    }

    @Override
    public String usage() {
        return "kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]";
    }

    @Override
    public String description() {
        return """
                Delete resources by file names, stdin, resources and names, or by resources and label selector.

                 Give either files, types with names, or types with a label selector: one kind of argument at a time.

                 Pods end gracefully: their containers get a grace period (30 seconds unless the pod says otherwise) \
                before they are killed. --grace-period changes it and --now makes it 1 second. --force removes the \
                object from the API at once, without waiting for the kubelet to confirm that its containers stopped.

                 By default delete waits until the objects are really gone (--wait=false returns at once). Delete \
                does not check resource versions: an update made meanwhile is lost with the object.""";
    }

    @Override
    public String examples() {
        return """
                  # Delete the pod described in pod.yaml
                  kubectl delete -f pod.yaml

                  # Delete the pods and services named web and db
                  kubectl delete pod,service web db

                  # Delete every pod labelled app=web
                  kubectl delete pods -l app=web

                  # Delete a pod without the usual grace period
                  kubectl delete pod web --now

                  # Remove a pod of an unreachable node from the API at once
                  kubectl delete pod web --force

                  # Delete every pod of the namespace
                  kubectl delete pods --all""";
    }

    @Override
    public FlagSet flags() {
        return new FlagSet()
                .add(Flag.bool(ALL, "", false, "Delete all resources, in the namespace of the specified resource types."))
                .add(Flag.bool(ALL_NAMESPACES, "A", false, "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace."))
                .add(Flag.string(CASCADE, "", "background", "Must be \"background\", \"orphan\", or \"foreground\". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background."))
                .add(DryRun.DRY_RUN)
                .add(Flag.string(FIELD_SELECTOR, "", "", "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type."))
                .add(Flag.stringSlice(FILENAME, "f", "containing the resource to delete."))
                .add(Flag.bool(FORCE, "", false, "If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation."))
                .add(Flag.integer(GRACE_PERIOD, "", -1, "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion)."))
                .add(Flag.bool(IGNORE_NOT_FOUND, "", false, "Treat \"resource not found\" as a successful delete. Defaults to \"true\" when --all is specified."))
                .add(Flag.bool(INTERACTIVE, "i", false, "If true, delete resource only when user confirms."))
                .add(Flag.string("kustomize", "k", "", "Process a kustomization directory. This flag can't be used together with -f or -R."))
                .add(Flag.bool(NOW, "", false, "If true, resources are signaled for immediate shutdown (same as --grace-period=1)."))
                .add(Flag.string(OUTPUT, "o", "", "Output mode. Use \"-o name\" for shorter output (resource/name)."))
                .add(Flag.string("raw", "", "", "Raw URI to DELETE to the server.  Uses the transport specified by the kubeconfig file."))
                .add(Flag.bool(RECURSIVE, "R", false, "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."))
                .add(Flag.string(SELECTOR, "l", "", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."))
                .add(Flag.duration(TIMEOUT, "", "0s", "The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object"))
                .add(Flag.bool(WAIT, "", true, "If true, wait for resources to be gone before returning. This waits for finalizers."));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        String cascade = cascade(ctx, flags.string(CASCADE));
        boolean all = flags.bool(ALL);
        String labels = flags.string(SELECTOR);
        String fields = flags.string(FIELD_SELECTOR);
        boolean ignoreNotFound = flags.bool(IGNORE_NOT_FOUND)
                || (!flags.changed(IGNORE_NOT_FOUND) && (all || !labels.isEmpty() || !fields.isEmpty()));
        boolean force = flags.bool(FORCE);
        long grace = flags.integer(GRACE_PERIOD);
        if (flags.bool(NOW)) {
            if (grace != -1) {
                throw KubectlException.error("--now and --grace-period cannot be specified together");
            }
            grace = 1;
        }
        if (grace == 0 && !force) {
            // kubectl turns --grace-period=0 into 1 so that only --force deletes without any grace.
            grace = 1;
        }
        if (force && grace < 0) {
            grace = 0;
        }
        DryRun dryRun = DryRun.parse(flags.string(DryRun.FLAG));
        TargetObjects.Found found = TargetObjects.find(ctx, new TargetObjects.Query(flags.args(), labels, fields, all, false,
                flags.bool(ALL_NAMESPACES), flags.strings(FILENAME), flags.bool(RECURSIVE), flags.bool(INTERACTIVE)));
        String output = flags.string(OUTPUT);
        if (!output.isEmpty() && !output.equals("name")) {
            throw KubectlException.error("unexpected -o output mode: " + output + ". We only support '-o name'");
        }
        if (grace == 0 && force) {
            ctx.err().append(Deletion.FORCE_WARNING);
        } else if (grace > 0 && force) {
            throw KubectlException.error("--force and --grace-period greater than 0 cannot be specified together");
        }
        if (flags.bool(INTERACTIVE) && !confirmed(ctx, found)) {
            ctx.out().append("deletion is cancelled\n");
            return;
        }
        RequestOptions options = RequestOptions.DEFAULT.withPropagationPolicy(cascade)
                .withDryRun(dryRun == DryRun.SERVER);
        if (grace >= 0) {
            options = options.withGracePeriod(grace);
        }
        Deletion deletion = new Deletion(ctx, options, dryRun, grace == 0 ? "force deleted" : "deleted",
                output.equals("name"), ignoreNotFound, ctx.namespaceGiven() && !flags.bool(ALL_NAMESPACES));
        deletion.delete(found);
        if (flags.bool(WAIT) && dryRun == DryRun.NONE) {
            Duration timeout = flags.duration(TIMEOUT);
            deletion.waitUntilGone(timeout.isZero() ? Duration.ofHours(168) : timeout);
        }
    }

    /**
     * {@code -i}: lists what would go and asks; the answer is the first line of what was piped in (no
     * answer, as from a terminal with nothing typed ahead, cancels).
     */
    private static boolean confirmed(KubectlContext ctx, TargetObjects.Found found) {
        List<TargetObjects.Info> infos = found.infos();
        ctx.out().append("You are about to delete the following ").append(infos.size()).append(" resource(s):\n");
        infos.forEach(i -> ctx.out().append(i.kindPrefix()).append('/').append(i.name()).append('\n'));
        ctx.out().append("Do you want to continue? (y/n): ");
        String answer = ctx.stdin() == null ? "" : ctx.stdin().strip().split("\n", 2)[0].trim();
        return answer.equalsIgnoreCase("y");
    }

    /** {@code --cascade}: the propagation policy it asks for (true and false are its deprecated spellings). */
    private static String cascade(KubectlContext ctx, String value) throws KubectlException {
        return switch (value) {
            case "background" -> "Background";
            case "true" -> {
                ctx.err().append("warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.\n");
                yield "Background";
            }
            case "foreground" -> "Foreground";
            case "orphan" -> "Orphan";
            case "false" -> {
                ctx.err().append("warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n");
                yield "Orphan";
            }
            default -> throw KubectlException.error("invalid cascade value (" + value
                    + "). Must be \"background\", \"foreground\", or \"orphan\"");
        };
    }
}
