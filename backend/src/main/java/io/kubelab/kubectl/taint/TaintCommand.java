package io.kubelab.kubectl.taint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.OutputFlags;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.DryRun;
import io.kubelab.kubectl.mutate.Errors;
import io.kubelab.kubectl.mutate.TargetObjects;
import io.kubelab.kubectl.resource.ResourceArgs;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code kubectl taint}: adds, replaces ({@code --overwrite}) and removes node taints, sending the new
 * taint list as a strategic merge patch, and says {@code tainted}, {@code untainted} or {@code modified}
 * as kubectl decides it.
 */
public final class TaintCommand extends Command {

    static final String ALL = "all";
    static final String OVERWRITE = "overwrite";
    static final String SELECTOR = "selector";

    @Override
    public String name() {
        return "taint";
    }

    @Override
    public String summary() {
        return "Update the taints on one or more nodes";
    }

    @Override
    public String usage() {
        return "kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]";
    }

    @Override
    public String description() {
        return """
                Update the taints on one or more nodes.

                  *  A taint is a key, a value and an effect, written key=value:effect.
                  *  The key must begin with a letter or number, may contain letters, numbers, hyphens, dots, and underscores, up to 253 characters, with an optional DNS subdomain prefix and '/'.
                  *  The value is optional; if given, it must begin with a letter or number, may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters.
                  *  The effect must be NoSchedule, PreferNoSchedule or NoExecute.
                  *  Only nodes can be tainted.""";
    }

    @Override
    public String examples() {
        return """
                  # Keep pods without a matching toleration off node01
                  kubectl taint nodes node01 dedicated=gpu:NoSchedule

                  # Remove that taint
                  kubectl taint nodes node01 dedicated:NoSchedule-

                  # Remove every taint with the key dedicated
                  kubectl taint nodes node01 dedicated-

                  # Taint every node labelled disk=ssd
                  kubectl taint node -l disk=ssd fast=yes:PreferNoSchedule""";
    }

    @Override
    public FlagSet flags() {
        return OutputFlags.add(new FlagSet()
                .add(Flag.bool(ALL, "", false, "Select all nodes in the cluster"))
                .add(DryRun.DRY_RUN)
                .add(Flag.string("field-manager", "", "kubectl-taint", "Name of the manager used to track field ownership."))
                .add(Flag.bool(OVERWRITE, "", false, "If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints."))
                .add(Flag.string(SELECTOR, "l", "", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."))
                .add(Flag.string("validate", "", "strict", "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields.")));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        DryRun dryRun = DryRun.parse(flags.string(DryRun.FLAG));
        List<String> resources = new ArrayList<>();
        List<String> specs = new ArrayList<>();
        for (String s : flags.args()) {
            boolean isTaint = s.contains("=") || s.contains(":") || s.endsWith("-");
            if (isTaint) {
                specs.add(s);
            } else if (!specs.isEmpty()) {
                throw KubectlException.error("all resources must be specified before taint changes: " + s);
            } else {
                resources.add(s);
            }
        }
        if (resources.isEmpty()) {
            throw KubectlException.error("one or more resources must be specified as <resource> <name>");
        }
        if (specs.isEmpty()) {
            throw KubectlException.error("at least one taint update is required");
        }
        TaintChanges changes;
        try {
            changes = TaintChanges.parse(specs);
        } catch (Taint.BadSpec e) {
            throw e.usage(ctx.commandPath());
        }
        if (!ResourceArgs.type(resources.get(0)).get(0).kind().equals("Node")) {
            throw KubectlException.error("invalid resource type " + resources.get(0) + ", only node types are supported");
        }
        String conflicts = changes.conflicts();
        if (conflicts != null) {
            throw KubectlException.error("can not both modify and remove the following taint(s) in the same command: "
                    + conflicts);
        }
        boolean all = flags.bool(ALL);
        String selector = flags.string(SELECTOR);
        if (all && !selector.isEmpty()) {
            throw KubectlException.error("setting 'all' parameter with a non empty selector is prohibited");
        }
        if (!all && selector.isEmpty() && resources.size() < 2) {
            throw KubectlException.error("at least one resource name must be specified since 'all' parameter is not set");
        }
        List<String> args = new ArrayList<>();
        args.add("node");
        if (!all && selector.isEmpty()) {
            args.addAll(resources.subList(1, resources.size()));
        }
        TargetObjects.Found found = TargetObjects.find(ctx, new TargetObjects.Query(args, selector, "", all, false,
                false, List.of(), false, true));
        Errors errors = new Errors();
        boolean overwrite = flags.bool(OVERWRITE);
        for (TargetObjects.Info info : found.entries()) {
            if (info.failed()) {
                errors.add(info.failure(), "retrieving", "");
                continue;
            }
            try {
                taint(ctx, flags, info, changes, overwrite, dryRun);
            } catch (KubectlException e) {
                errors.add(e);
            } catch (StatusException e) {
                errors.add(e, "patching", "");
            }
        }
        errors.throwIfAny();
    }

    private static void taint(KubectlContext ctx, ParsedFlags flags, TargetObjects.Info info, TaintChanges changes,
                              boolean overwrite, DryRun dryRun) throws KubectlException {
        ObjectNode node = info.object();
        List<Taint> old = new ArrayList<>();
        for (JsonNode t : node.path("spec").path("taints")) {
            old.add(Taint.of(t));
        }
        if (!overwrite) {
            String exists = changes.alreadyThere(old);
            if (!exists.isEmpty()) {
                throw KubectlException.error("node " + info.name() + " already has " + exists
                        + " taint(s) with same effect(s) and --overwrite is false");
            }
        }
        TaintChanges.Result result = changes.applyTo(old, overwrite);
        if (!result.notFound().isEmpty()) {
            throw KubectlException.error(String.join("\nerror: ", result.notFound()));
        }
        ArrayNode taints = JsonNodeFactory.instance.arrayNode();
        result.taints().forEach(t -> taints.add(t.toJson()));
        ObjectNode output;
        if (dryRun == DryRun.CLIENT) {
            output = node.deepCopy();
            if (taints.isEmpty()) {
                output.with("spec").remove("taints");
            } else {
                output.with("spec").set("taints", taints);
            }
        } else {
            ObjectNode patch = JsonNodeFactory.instance.objectNode();
            if (taints.isEmpty()) {
                patch.putObject("spec").putNull("taints");
            } else {
                patch.putObject("spec").set("taints", taints);
            }
            output = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.PATCH, info.type(), "", info.name())
                    .withPatch(ApiRequest.PatchType.STRATEGIC, patch)
                    .withOptions(RequestOptions.DEFAULT.withDryRun(dryRun == DryRun.SERVER)
                .withFieldManager(flags.string("field-manager")))).body();
        }
        // kubectl's taint printer, unlike the other verbs', never says "(dry run)".
        OutputFlags.print(ctx, flags, List.of(output), result.operation());
    }
}
