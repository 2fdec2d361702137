package io.kubelab.kubectl.scale;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import io.kubelab.kubectl.DryRun;
import io.kubelab.kubectl.mutate.TargetObjects;

import java.time.Duration;
import java.util.List;

/**
 * {@code kubectl scale}: sets {@code spec.replicas} through the {@code scale} subresource, with a merge
 * patch, or, under a {@code --current-replicas}/{@code --resource-version} precondition, a read of the
 * Scale and an update of it (retried on conflicts as kubectl does); {@code --timeout} waits in simulated
 * time for the new size.
 */
public final class ScaleCommand extends Command {

    static final String ALL = "all";
    static final String CURRENT_REPLICAS = "current-replicas";
    static final String FILENAME = "filename";
    static final String RECURSIVE = "recursive";
    static final String REPLICAS = "replicas";
    static final String RESOURCE_VERSION = "resource-version";
    static final String SELECTOR = "selector";
    static final String TIMEOUT = "timeout";
    private static final int CONFLICT_RETRIES = 5;

    @Override
    public String name() {
        return "scale";
    }

    @Override
    public String summary() {
        return "Set a new size for a deployment, replica set, or replication controller";
    }

    @Override
    public String usage() {
        return "kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]";
    }

    @Override
    public String description() {
        return """
                Set a new size for a deployment, replica set, replication controller, or stateful set.

                 Preconditions can guard the change: with --current-replicas or --resource-version, the \
                object must have that size or that version when the new size is written, or nothing changes.""";
    }

    @Override
    public String examples() {
        return """
                  # Run 3 replicas of the deployment web
                  kubectl scale --replicas=3 deployment/web

                  # Scale the deployment of deployment.yaml
                  kubectl scale --replicas=3 -f deployment.yaml

                  # Only if it runs 2 replicas now, scale web to 3
                  kubectl scale --current-replicas=2 --replicas=3 deployment/web

                  # Scale several objects at once
                  kubectl scale --replicas=5 deployment/web statefulset/db""";
    }

    @Override
    public FlagSet flags() {
        return OutputFlags.add(new FlagSet()
                .add(Flag.bool(ALL, "", false, "Select all resources in the namespace of the specified resource types"))
                .add(Flag.integer(CURRENT_REPLICAS, "", -1, "Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition."))
                .add(DryRun.DRY_RUN)
                .add(Flag.stringSlice(FILENAME, "f", "Filename, directory, or URL to files identifying the resource to set a new size"))
                .add(Flag.string("kustomize", "k", "", "Process the kustomization directory. This flag can't be used together with -f or -R."))
                .add(Flag.bool(RECURSIVE, "R", false, "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."))
                .add(Flag.integer(REPLICAS, "", 0, "The new desired number of replicas. Required."))
                .add(Flag.string(RESOURCE_VERSION, "", "", "Precondition for resource version. Requires that the current resource version match this value in order to scale."))
                .add(Flag.string(SELECTOR, "l", "", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."))
                .add(Flag.duration(TIMEOUT, "", "0s", "The length of time to wait before giving up on a scale operation, zero means don't wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).")));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        if (!flags.changed(REPLICAS)) {
            throw KubectlException.error("required flag(s) \"" + REPLICAS + "\" not set");
        }
        DryRun dryRun = DryRun.parse(flags.string(DryRun.FLAG));
        long replicas = flags.integer(REPLICAS);
        long current = flags.integer(CURRENT_REPLICAS);
        if (replicas < 0) {
            throw KubectlException.error("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
        }
        if (current < -1) {
            throw KubectlException.error("The --current-replicas must specify an integer of -1 or greater");
        }
        TargetObjects.Found found = TargetObjects.find(ctx, new TargetObjects.Query(flags.args(),
                flags.string(SELECTOR), "", false, flags.bool(ALL), false, flags.strings(FILENAME),
                flags.bool(RECURSIVE), true));
        List<TargetObjects.Info> infos = found.infos();
        String resourceVersion = flags.string(RESOURCE_VERSION);
        if (!resourceVersion.isEmpty() && infos.size() > 1) {
            throw KubectlException.error("cannot use --resource-version with multiple resources");
        }
        if (infos.isEmpty()) {
            throw KubectlException.error("no objects passed to scale" + (found.errors().isEmpty() ? ""
                    : " " + found.errors().firstMessage()));
        }
        Duration timeout = flags.duration(TIMEOUT);
        for (TargetObjects.Info info : infos) {
            if (dryRun != DryRun.CLIENT) {
                Precondition precondition = current != -1 || !resourceVersion.isEmpty()
                        ? new Precondition(current, resourceVersion) : null;
                scale(ctx, info, replicas, precondition, dryRun == DryRun.SERVER);
                if (!timeout.isZero() && dryRun == DryRun.NONE && !ctx.waitFor(() -> hasReplicas(ctx, info, replicas), timeout)) {
                    throw KubectlException.error("timed out waiting for the condition");
                }
            }
            OutputFlags.print(ctx, flags, List.of(info.object()), "scaled" + dryRun.suffix());
        }
        found.errors().throwIfAny();
    }

    /** The sizes a precondition expects; -1 and "" for none. */
    private record Precondition(long size, String resourceVersion) {

        void check(ObjectNode scale) throws KubectlException {
            long actual = scale.path("spec").path("replicas").asLong(0);
            if (size != -1 && actual != size) {
                throw KubectlException.error("Expected replicas to be " + size + ", was " + actual);
            }
            String rv = scale.path("metadata").path("resourceVersion").asText();
            if (!resourceVersion.isEmpty() && !rv.equals(resourceVersion)) {
                throw KubectlException.error("Expected resource version to be " + resourceVersion + ", was " + rv);
            }
        }
    }

    private static void scale(KubectlContext ctx, TargetObjects.Info info, long replicas, Precondition precondition,
                              boolean serverDryRun) throws KubectlException {
        RequestOptions options = RequestOptions.DEFAULT.withDryRun(serverDryRun);
        ApiRequest base = ApiRequest.of(ctx.user(), ApiRequest.Verb.GET, info.type(), info.namespace(), info.name())
                .withSubresource("scale").withOptions(options);
        for (int attempt = 0; ; attempt++) {
            try {
                if (precondition == null) {
                    ObjectNode patch = JsonNodeFactory.instance.objectNode();
                    patch.putObject("spec").put(REPLICAS, replicas);
                    ctx.api().handle(verb(base, ApiRequest.Verb.PATCH).withPatch(ApiRequest.PatchType.MERGE, patch));
                } else {
                    ObjectNode scale = ctx.api().handle(base).body();
                    precondition.check(scale);
                    scale.with("spec").put(REPLICAS, replicas);
                    ctx.api().handle(verb(base, ApiRequest.Verb.UPDATE).withBody(scale));
                }
                return;
            } catch (StatusException e) {
                if (e.status().code() != 409 || attempt >= CONFLICT_RETRIES) {
                    throw ServerErrors.of(e);
                }
            }
        }
    }

    private static ApiRequest verb(ApiRequest r, ApiRequest.Verb verb) {
        return new ApiRequest(r.user(), verb, r.type(), r.namespace(), r.name(), r.subresource(), r.body(),
                r.patchType(), r.options());
    }

    private static boolean hasReplicas(KubectlContext ctx, TargetObjects.Info info, long replicas) {
        try {
            ObjectNode scale = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.GET, info.type(),
                    info.namespace(), info.name()).withSubresource("scale")).body();
            return scale.path("status").path("replicas").asLong(-1) == replicas;
        } catch (StatusException e) {
            return false;
        }
    }
}
