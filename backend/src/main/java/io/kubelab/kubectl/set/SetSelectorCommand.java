package io.kubelab.kubectl.set;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.kubelab.kubectl.mutate.LocalObjects;
import io.kubelab.kubectl.mutate.TargetObjects;
import io.kubelab.model.LabelSelector;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kubectl set selector}: replaces a Service's selector (the last argument, {@code key=value,...}).
 * Like kubectl, it changes the first object selected only, and refuses every kind but Service.
 */
public final class SetSelectorCommand extends Command {

    static final String ALL = "all";
    static final String FILENAME = "filename";
    static final String LOCAL = "local";
    static final String RECURSIVE = "recursive";
    static final String RESOURCE_VERSION = "resource-version";

    @Override
    public String name() {
        return "selector";
    }

    @Override
    public String summary() {
        return "Set the selector on a resource";
    }

    @Override
    public String usage() {
        return "kubectl set selector (-f FILENAME | TYPE NAME) EXPRESSIONS [--resource-version=version] [options]";
    }

    @Override
    public String description() {
        return """
                Set the selector on a resource. The new selector replaces the one the resource had.

                 A selector must begin with a letter or number, and may contain letters, numbers, hyphens, dots, \
                and underscores, up to 63 characters. With --resource-version, the update only succeeds if the \
                object still has that resource version. Only Services can have their selector set.""";
    }

    @Override
    public String examples() {
        return """
                  # Send the traffic of the service web to the pods labelled app=web,track=canary
                  kubectl set selector service web app=web,track=canary""";
    }

    @Override
    public FlagSet flags() {
        return OutputFlags.add(new FlagSet()
                .add(Flag.bool(ALL, "", false, "Select all resources in the namespace of the specified resource types"))
                .add(DryRun.DRY_RUN)
                .add(Flag.string("field-manager", "", "kubectl-set", "Name of the manager used to track field ownership."))
                .add(Flag.stringSlice(FILENAME, "f", "identifying the resource."))
                .add(Flag.bool(LOCAL, "", false, "If true, annotation will NOT contact api-server but run locally."))
                .add(Flag.bool(RECURSIVE, "R", true, "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."))
                .add(Flag.string(RESOURCE_VERSION, "", "", "If non-empty, the selectors update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.")));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        DryRun dryRun = DryRun.parse(flags.string(DryRun.FLAG));
        List<String> args = flags.args();
        String expression = args.isEmpty() ? "" : args.get(args.size() - 1);
        List<String> resources = args.isEmpty() ? List.of() : args.subList(0, args.size() - 1);
        boolean local = flags.bool(LOCAL);
        List<TargetObjects.Info> infos;
        if (local) {
            infos = LocalObjects.read(ctx, flags.strings(FILENAME), flags.bool(RECURSIVE));
        } else {
            TargetObjects.Found found = TargetObjects.find(ctx, new TargetObjects.Query(resources, "", "", false,
                    flags.bool(ALL), false, flags.strings(FILENAME), flags.bool(RECURSIVE), true));
            found.errors().throwIfAny();
            infos = found.infos();
        }
        Map<String, String> wanted = parse(expression);
        String resourceVersion = flags.string(RESOURCE_VERSION);
        if (!resourceVersion.isEmpty() && infos.size() > 1) {
            throw KubectlException.error("--resource-version may only be used with a single resource");
        }
        if (infos.isEmpty()) {
            return;
        }
        TargetObjects.Info info = infos.get(0);
        if (!info.type().kind().equals("Service")) {
            throw KubectlException.error("setting a selector is only supported for Services");
        }
        ObjectNode object = info.object();
        ObjectNode selectorPatch = JsonNodeFactory.instance.objectNode();
        JsonNode old = object.path("spec").path("selector");
        for (Iterator<String> it = old.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!wanted.containsKey(key)) {
                selectorPatch.putNull(key);
            }
        }
        wanted.forEach((k, v) -> {
            if (!old.path(k).asText("\u0000").equals(v)) {
                selectorPatch.put(k, v);
            }
        });
        ObjectNode selector = object.with("spec").putObject("selector");
        wanted.forEach(selector::put);
        if (local || dryRun == DryRun.CLIENT) {
            OutputFlags.print(ctx, flags, List.of(object), "selector updated" + dryRun.suffix());
            return;
        }
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        if (!selectorPatch.isEmpty()) {
            patch.putObject("spec").set("selector", selectorPatch);
        }
        if (!resourceVersion.isEmpty()) {
            patch.putObject("metadata").put("resourceVersion", resourceVersion);
        }
        try {
            ObjectNode actual = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.PATCH, info.type(),
                    info.namespace(), info.name()).withPatch(ApiRequest.PatchType.STRATEGIC, patch)
                    .withOptions(RequestOptions.DEFAULT.withDryRun(dryRun == DryRun.SERVER)
                .withFieldManager(flags.string("field-manager")))).body();
            OutputFlags.print(ctx, flags, List.of(actual), "selector updated" + dryRun.suffix());
        } catch (StatusException e) {
            throw ServerErrors.of(e);
        }
    }

    /** {@code key=value,...}; a Service's selector cannot hold set-based requirements. */
    private static Map<String, String> parse(String expression) throws KubectlException {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            LabelSelector.parse(expression);
        } catch (IllegalArgumentException e) {
            throw KubectlException.error(e.getMessage());
        }
        for (String part : expression.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("==|=", 2);
            if (kv.length != 2 || part.contains("!=") || part.contains(" in ") || part.contains("notin")) {
                throw KubectlException.error("The Service spec.selector does not support set-based selectors");
            }
            out.put(kv[0].trim(), kv[1].trim());
        }
        return out;
    }
}
