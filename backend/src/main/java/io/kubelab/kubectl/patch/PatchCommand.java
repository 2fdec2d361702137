package io.kubelab.kubectl.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiResponse;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.patch.JsonPatch;
import io.kubelab.apiserver.patch.MergePatch;
import io.kubelab.apiserver.patch.PatchException;
import io.kubelab.apiserver.patch.PatchSchema;
import io.kubelab.apiserver.patch.PatchSyntax;
import io.kubelab.apiserver.patch.StrategicMergePatch;
import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.OutputFlags;
import io.kubelab.kubectl.apply.ThreeWayMerge;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.create.BatchErrors;
import io.kubelab.kubectl.create.Creation;
import io.kubelab.kubectl.DryRun;
import io.kubelab.kubectl.create.FileObjects;
import io.kubelab.kubectl.create.WriteFlags;
import io.kubelab.kubectl.resource.ResourceArgs;
import io.kubelab.model.ResourceType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]}: the patch sent to the API server
 * ({@code patched}, or {@code patched (no change)} when the object came back the same); a client dry run
 * or {@code --local} applies it here.
 */
public final class PatchCommand extends Command {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final List<String> TYPES = List.of("json", "merge", "strategic");

    /** One object to patch: its type, namespace, name and, for {@code --local}, the file's object. */
    private record Target(ResourceType type, String namespace, String name, ObjectNode local) {
    }

    @Override
    public String name() {
        return "patch";
    }

    @Override
    public String summary() {
        return "Update fields of a resource";
    }

    @Override
    public String description() {
        return """
                Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.

                 JSON and YAML formats are accepted. A strategic merge patch merges lists by their keys (containers by name); a JSON merge patch replaces lists; a JSON patch is a list of operations.""";
    }

    @Override
    public String usage() {
        return "kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]";
    }

    @Override
    public String examples() {
        return """
                  # Scale the deployment web to three replicas
                  kubectl patch deployment web -p '{"spec":{"replicas":3}}'

                  # Change the image of the first container with a JSON patch
                  kubectl patch pod web --type=json -p='[{"op": "replace", "path": "/spec/containers/0/image", "value": "nginx:1.27"}]'

                  # Through the scale subresource
                  kubectl patch deployment web --subresource=scale --type=merge -p '{"spec":{"replicas":2}}'
                """;
    }

    @Override
    public FlagSet flags() {
        return OutputFlags.add(new FlagSet())
                .add(DryRun.DRY_RUN)
                .add(Flag.string(WriteFlags.FIELD_MANAGER, "", "kubectl-patch", "Name of the manager used to track field ownership."))
                .add(Flag.stringSlice(FileObjects.FILENAME, "f", "Filename, directory, or URL to files identifying the resource to update"))
                .add(Flag.string("kustomize", "k", "", "Process the kustomization directory. This flag can't be used together with -f or -R."))
                .add(Flag.bool("local", "", false, "If true, patch will operate on the content of the file, not the server-side resource."))
                .add(Flag.string("patch", "p", "", "The patch to be applied to the resource JSON file."))
                .add(Flag.string("patch-file", "", "", "A file containing a patch to be applied to the resource."))
                .add(Flag.bool(FileObjects.RECURSIVE, "R", false, "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."))
                .add(Flag.string("subresource", "", "", "If specified, patch will operate on the subresource of the requested object. This flag is beta and may change in the future."))
                .add(Flag.string("type", "", "strategic", "The type of patch being provided; one of [json merge strategic]"));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        DryRun dryRun = DryRun.of(flags);
        String patchText = patchText(ctx, flags);
        String type = flags.string("type");
        if (!TYPES.contains(type)) {
            throw KubectlException.error("--type must be one of [json merge strategic], not \"" + type + "\"");
        }
        boolean local = flags.bool("local");
        // kubectl sends a patch that starts with "{" as it is (apimachinery's yaml.ToJSON passes JSON through):
        // malformed, it is the server that refuses it.
        Optional<StatusException> malformed = !local && dryRun != DryRun.CLIENT && patchText.stripLeading().startsWith("{")
                ? PatchSyntax.check(patchType(type), RequestOptions.FieldValidation.WARN,
                        patchText.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                : Optional.empty();
        JsonNode patch = malformed.isPresent() ? null : parse(patchText);
        List<Target> targets = targets(ctx, flags, local);
        BatchErrors errors = new BatchErrors();
        for (Target t : targets) {
            if (local || dryRun == DryRun.CLIENT) {
                ObjectNode before = local ? t.local() : get(ctx, t);
                ObjectNode after = applyLocally(before, patch, type);
                if (local) {
                    OutputFlags.print(ctx, flags, List.of(after), "patched");
                } else {
                    OutputFlags.print(ctx, flags, List.of(after), (ThreeWayMerge.equal(after, before) ? "patched (no change)" : "patched")
                            + dryRun.suffix());
                }
                continue;
            }
            try {
                ObjectNode before = get(ctx, t);
                if (malformed.isPresent()) {
                    throw malformed.get();
                }
                ApiResponse response = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.PATCH, t.type(),
                        t.namespace(), t.name()).withSubresource(flags.string("subresource"))
                        .withPatch(patchType(type), patch)
                        .withOptions(RequestOptions.DEFAULT.withDryRun(dryRun == DryRun.SERVER)
                .withFieldManager(flags.string("field-manager"))));
                Creation.warn(ctx, response);
                ObjectNode after = response.body();
                boolean changed = !flags.string("subresource").isEmpty() || !ThreeWayMerge.equal(after, before);
                OutputFlags.print(ctx, flags, List.of(after), (changed ? "patched" : "patched (no change)") + dryRun.suffix());
            } catch (StatusException e) {
                if (e.status().code() == 415) {
                    errors.add(type + " is not supported by " + t.type().group() + "/" + t.type().version() + ", Kind="
                            + t.type().kind());
                } else {
                    errors.add(e, "", "");
                }
            }
        }
        errors.throwIfAny();
    }

    private static String patchText(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        String patch = flags.string("patch");
        String file = flags.string("patch-file");
        if (!patch.isEmpty() && !file.isEmpty()) {
            throw KubectlException.error("cannot specify --patch and --patch-file together");
        }
        if (!file.isEmpty()) {
            patch = ctx.workstation().read(file).orElseThrow(() -> KubectlException.error("unable to read patch file: open "
                    + file + ": no such file or directory"));
        }
        if (patch.isEmpty()) {
            throw KubectlException.error("must specify --patch or --patch-file containing the contents of the patch");
        }
        return patch;
    }

    /** The patch as kubectl reads it: YAML or JSON, turned into JSON. */
    private static JsonNode parse(String text) throws KubectlException {
        try {
            JsonNode node = YAML.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw KubectlException.error("invalid JSON document");
            }
            return node;
        } catch (java.io.IOException e) {
            String message = e.getMessage() == null ? "" : e.getMessage().split("\n")[0];
            throw KubectlException.error("unable to parse \"" + text + "\": yaml: " + message);
        }
    }

    private static List<Target> targets(KubectlContext ctx, ParsedFlags flags, boolean local) throws KubectlException {
        List<Target> out = new ArrayList<>();
        if (!flags.strings(FileObjects.FILENAME).isEmpty()) {
            BatchErrors mapping = new BatchErrors();
            List<FileObjects.Item> items = FileObjects.read(ctx, flags, "", mapping);
            mapping.throwIfAny();
            for (FileObjects.Item item : items) {
                out.add(new Target(item.type(), item.namespace(), item.name(), item.object()));
            }
            return out;
        }
        if (local) {
            throw KubectlException.error("--local requires that you specify a file with -f");
        }
        if (flags.args().isEmpty()) {
            throw KubectlException.error("You must provide one or more resources by argument or filename.\n"
                    + "Example resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n"
                    + "   '<resource> <name>'\n   '<resource>'");
        }
        for (ResourceArgs.Target t : ResourceArgs.parse(flags.args())) {
            if (t.isList()) {
                throw KubectlException.error("resource(s) were provided, but no name was specified");
            }
            out.add(new Target(t.type(), t.type().namespaced() ? ctx.namespace() : "", t.name(), null));
        }
        return out;
    }

    private static ObjectNode get(KubectlContext ctx, Target t) {
        return ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.GET, t.type(), t.namespace(), t.name())).body();
    }

    private static ObjectNode applyLocally(ObjectNode object, JsonNode patch, String type) throws KubectlException {
        try {
            JsonNode result = switch (type) {
                case "json" -> JsonPatch.apply(object, patch);
                case "merge" -> MergePatch.apply(object, patch);
                default -> {
                    if (!patch.isObject()) {
                        throw KubectlException.error("invalid JSON document");
                    }
                    yield StrategicMergePatch.apply(object, patch, PatchSchema.forKind(object.path("apiVersion").asText(),
                            object.path("kind").asText()).orElse(PatchSchema.UNSTRUCTURED));
                }
            };
            if (!result.isObject()) {
                throw KubectlException.error("invalid JSON document");
            }
            return (ObjectNode) result;
        } catch (PatchException e) {
            throw KubectlException.error(e.detail());
        }
    }

    private static ApiRequest.PatchType patchType(String type) {
        return switch (type) {
            case "json" -> ApiRequest.PatchType.JSON;
            case "merge" -> ApiRequest.PatchType.MERGE;
            default -> ApiRequest.PatchType.STRATEGIC;
        };
    }
}
