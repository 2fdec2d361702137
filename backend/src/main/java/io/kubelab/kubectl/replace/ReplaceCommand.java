package io.kubelab.kubectl.replace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiResponse;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.OutputFlags;
import io.kubelab.kubectl.apply.LastApplied;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.create.BatchErrors;
import io.kubelab.kubectl.create.Creation;
import io.kubelab.kubectl.DryRun;
import io.kubelab.kubectl.create.FileObjects;
import io.kubelab.kubectl.create.WriteFlags;

import java.time.Duration;
import java.util.List;

/**
 * {@code kubectl replace -f FILE}: each object written over the live one (PUT, with the live
 * resourceVersion when the file has none); {@code --force} deletes the objects, waits until they are
 * gone, and creates them again.
 */
public final class ReplaceCommand extends Command {

    @Override
    public String name() {
        return "replace";
    }

    @Override
    public String summary() {
        return "Replace a resource by file name or stdin";
    }

    @Override
    public String description() {
        return """
                Replace a resource by file name or stdin.

                 JSON and YAML formats are accepted. The file must hold the complete object: what it leaves out is removed. With --force the object is deleted and created again.""";
    }

    @Override
    public String usage() {
        return "kubectl replace -f FILENAME [options]";
    }

    @Override
    public String examples() {
        return """
                  # Replace a pod with the one in the file
                  kubectl replace -f ./pod.json

                  # Edit what get printed, and write it back
                  kubectl get pod web -o yaml > web.yaml
                  kubectl replace -f web.yaml

                  # Delete and create again
                  kubectl replace --force -f ./pod.json
                """;
    }

    @Override
    public FlagSet flags() {
        return WriteFlags.addWithSaveConfig(new FlagSet(), "kubectl-replace")
                .add(Flag.string("cascade", "", "background", "Must be \"background\", \"orphan\", or \"foreground\". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background."))
                .add(Flag.stringSlice(FileObjects.FILENAME, "f", "The files that contain the configurations to replace."))
                .add(Flag.bool("force", "", false, "If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation."))
                .add(Flag.integer("grace-period", "", -1, "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion)."))
                .add(Flag.string("kustomize", "k", "", "Process a kustomization directory. This flag can't be used together with -f or -R."))
                .add(Flag.string("raw", "", "", "Raw URI to PUT to the server.  Uses the transport specified by the kubeconfig file."))
                .add(Flag.bool(FileObjects.RECURSIVE, "R", false, "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."))
                .add(Flag.string("subresource", "", "", "If specified, replace will operate on the subresource of the requested object. This flag is beta and may change in the future."))
                .add(Flag.duration("timeout", "", "0s", "The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object"))
                .add(Flag.bool("wait", "", false, "If true, wait for resources to be gone before returning. This waits for finalizers."));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        if (flags.strings(FileObjects.FILENAME).isEmpty() && flags.string("kustomize").isEmpty()) {
            throw KubectlException.error("must specify one of -f and -k");
        }
        if (!flags.string("kustomize").isEmpty() || !flags.string("raw").isEmpty()) {
            throw KubectlException.error("--kustomize and --raw are not available in this sandbox: use -f");
        }
        DryRun dryRun = DryRun.of(flags);
        RequestOptions options = WriteFlags.options(flags, dryRun);
        BatchErrors errors = new BatchErrors();
        List<FileObjects.Item> items = FileObjects.read(ctx, flags, "", errors);
        if (flags.bool("force")) {
            if (dryRun != DryRun.NONE) {
                throw KubectlException.error("--dry-run can not be used when --force is set");
            }
            forceReplace(ctx, flags, items, dryRun, options);
            errors.throwIfAny();
            return;
        }
        for (FileObjects.Item item : items) {
            String mismatch = FileObjects.namespaceMismatch(ctx, item);
            if (mismatch != null) {
                errors.add(mismatch);
                continue;
            }
            ObjectNode object = item.object();
            if (flags.bool(WriteFlags.SAVE_CONFIG)) {
                LastApplied.set(object, false);
            }
            try {
                ObjectNode replaced = object;
                if (dryRun != DryRun.CLIENT) {
                    if (object.path("metadata").path("resourceVersion").asText("").isEmpty()) {
                        ObjectNode live = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.GET, item.type(),
                                item.namespace(), item.name())).body();
                        object.with("metadata").put("resourceVersion", live.path("metadata").path("resourceVersion").asText());
                    }
                    ApiResponse response = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.UPDATE, item.type(),
                            item.namespace(), item.name()).withSubresource(flags.string("subresource"))
                            .withBody(object).withOptions(options));
                    Creation.warn(ctx, response);
                    replaced = response.body();
                }
                OutputFlags.print(ctx, flags, List.of(replaced), "replaced" + dryRun.suffix());
            } catch (StatusException e) {
                errors.add(e, "replacing", item.source());
            }
        }
        errors.throwIfAny();
    }

    /** Deletes every object ({@code "x" deleted}), waits until they are gone, then creates them ({@code replaced}). */
    private static void forceReplace(KubectlContext ctx, ParsedFlags flags, List<FileObjects.Item> items, DryRun dryRun,
                                     RequestOptions options) throws KubectlException {
        BatchErrors errors = new BatchErrors();
        RequestOptions deleteOptions = options;
        if (flags.integer("grace-period") >= 0) {
            deleteOptions = deleteOptions.withGracePeriod(flags.integer("grace-period"));
        }
        for (FileObjects.Item item : items) {
            if (dryRun == DryRun.CLIENT) {
                continue;
            }
            try {
                ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.DELETE, item.type(), item.namespace(),
                        item.name()).withOptions(deleteOptions));
                ctx.out().append(io.kubelab.kubectl.resource.ResourceArgs.kindPrefix(item.type())).append(" \"")
                        .append(item.name()).append("\" deleted").append(dryRun.suffix()).append('\n');
            } catch (StatusException e) {
                if (!e.status().reason().equals("NotFound")) {
                    errors.add(e, "deleting", item.source());
                }
            }
        }
        errors.throwIfAny();
        Duration timeout = flags.duration("timeout").isZero() ? Duration.ofSeconds(90) : flags.duration("timeout");
        if (dryRun == DryRun.NONE && !ctx.waitFor(() -> items.stream().allMatch(i -> gone(ctx, i)), timeout)) {
            throw KubectlException.error("timed out waiting for the condition");
        }
        for (FileObjects.Item item : items) {
            ObjectNode object = item.object();
            object.with("metadata").remove("resourceVersion");
            if (flags.bool(WriteFlags.SAVE_CONFIG)) {
                LastApplied.set(object, false);
            }
            try {
                ObjectNode created = Creation.create(ctx, item.type(), item.namespace(), object, dryRun, options);
                OutputFlags.print(ctx, flags, List.of(created), "replaced" + dryRun.suffix());
            } catch (StatusException e) {
                errors.add(e, "creating", item.source());
            }
        }
        errors.throwIfAny();
    }

    private static boolean gone(KubectlContext ctx, FileObjects.Item item) {
        try {
            ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.GET, item.type(), item.namespace(), item.name()));
            return false;
        } catch (StatusException e) {
            return e.status().reason().equals("NotFound");
        }
    }
}
