package io.kubelab.kubectl.set;

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
import io.kubelab.kubectl.mutate.LocalObjects;
import io.kubelab.kubectl.mutate.TargetObjects;

import java.util.ArrayList;
import java.util.List;

/**
 * The flow of the {@code set} commands that change pod templates (image, resources, serviceaccount, env):
 * the objects read first (any error ends the command, as their Complete does), the change made on each
 * pod spec, a strategic merge patch of what changed (nothing printed when nothing did), and the
 * collected errors at the end.
 */
abstract class PodSpecCommand extends Command {

    static final String ALL = "all";
    static final String FILENAME = "filename";
    static final String LOCAL = "local";
    static final String RECURSIVE = "recursive";
    static final String SELECTOR = "selector";

    /** The change to one pod spec: the patch of the pod spec, or null when nothing changes; problems go to {@code errors}. */
    protected interface Change {
        ObjectNode apply(ObjectNode podSpec, List<String> errors);
    }

    protected FlagSet templateFlags(String filenameUsage) {
        return templateFlags(filenameUsage, "Select all resources, in the namespace of the specified resource types");
    }

    protected FlagSet templateFlags(String filenameUsage, String allUsage) {
        return OutputFlags.add(new FlagSet()
                .add(Flag.bool(ALL, "", false, allUsage))
                .add(DryRun.DRY_RUN)
                .add(Flag.string("field-manager", "", "kubectl-set", "Name of the manager used to track field ownership."))
                .add(Flag.stringSlice(FILENAME, "f", filenameUsage))
                .add(Flag.string("kustomize", "k", "", "Process the kustomization directory. This flag can't be used together with -f or -R."))
                .add(Flag.bool(LOCAL, "", false, "If true, set " + name() + " will NOT contact api-server but run locally."))
                .add(Flag.bool(RECURSIVE, "R", false, "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."))
                .add(Flag.string(SELECTOR, "l", "", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.")));
    }

    /** Whether the command has {@code -l} (set serviceaccount has none). */
    protected boolean selects() {
        return true;
    }

    /** The objects the resource words, {@code -l}, {@code --all} and {@code -f} name; the first error ends the command. */
    protected List<TargetObjects.Info> objects(KubectlContext ctx, ParsedFlags flags, List<String> resources)
            throws KubectlException {
        if (flags.bool(LOCAL)) {
            if (!resources.isEmpty()) {
                throw KubectlException.error("error: you must specify resources by --filename when --local is set.");
            }
            return LocalObjects.read(ctx, flags.strings(FILENAME), flags.bool(RECURSIVE));
        }
        TargetObjects.Found found = TargetObjects.find(ctx, new TargetObjects.Query(resources, selects() ? flags.string(SELECTOR) : "", "",
                false, flags.bool(ALL), false, flags.strings(FILENAME), flags.bool(RECURSIVE), true));
        found.errors().throwIfAny();
        return found.infos();
    }

    /**
     * Changes every object's pod spec and sends or prints it; {@code operation} like {@code image updated},
     * {@code failure} what kubectl says a failed patch was ({@code failed to patch image update to pod template}).
     */
    protected static void update(KubectlContext ctx, ParsedFlags flags, List<TargetObjects.Info> infos, Change change,
                                 String operation, String failure) throws KubectlException {
        DryRun dryRun = DryRun.parse(flags.string(DryRun.FLAG));
        boolean local = flags.bool(LOCAL);
        List<String> errors = new ArrayList<>();
        for (TargetObjects.Info info : infos) {
            ObjectNode object = info.object();
            List<String> path = PodTemplates.path(info.type().kind());
            if (path == null) {
                errors.add("error: " + info.type().resource() + "/" + info.name()
                        + " the object is not a pod or does not have a pod template: " + PodTemplates.goType(object) + "\n");
                continue;
            }
            ObjectNode spec = PodTemplates.spec(object, path);
            ObjectNode patch = change.apply(spec, errors);
            if (patch == null || patch.isEmpty()) {
                continue;
            }
            PodTemplates.keepOrder(patch, spec);
            if (local || dryRun == DryRun.CLIENT) {
                OutputFlags.print(ctx, flags, List.of(object), operation + dryRun.suffix());
                continue;
            }
            try {
                ObjectNode actual = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.PATCH, info.type(),
                        info.namespace(), info.name()).withPatch(ApiRequest.PatchType.STRATEGIC, PodTemplates.wrap(path, patch))
                        .withOptions(RequestOptions.DEFAULT.withDryRun(dryRun == DryRun.SERVER)
                .withFieldManager(flags.string("field-manager")))).body();
                OutputFlags.print(ctx, flags, List.of(actual), operation + dryRun.suffix());
            } catch (StatusException e) {
                errors.add(failure + ": " + e.status().message());
            }
        }
        if (errors.size() == 1) {
            // CheckErr's single error: "error: " unless the message has it, and a final newline.
            String message = errors.get(0).startsWith("error: ") ? errors.get(0) : "error: " + errors.get(0);
            throw new KubectlException(message.endsWith("\n") ? message : message + "\n", 1);
        }
        if (!errors.isEmpty()) {
            StringBuilder text = new StringBuilder();
            errors.forEach(e -> text.append(e).append('\n'));
            throw new KubectlException(text.toString(), 1);
        }
    }
}
