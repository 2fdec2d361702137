package io.kubelab.kubectl.mutate;

import io.kubelab.kubectl.DryRun;
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
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code kubectl label} and {@code kubectl annotate} share: the flags, the resource words then the
 * {@code KEY=VALUE}/{@code KEY-} changes, the objects read with {@code Latest()}, the change made on a
 * copy and sent as a merge patch of {@code metadata.<field>} (with {@code --resource-version} as a
 * precondition), {@code --list}, and the message per object.
 */
public abstract class MetadataMapCommand extends Command {

    static final String ALL = "all";
    static final String ALL_NAMESPACES = "all-namespaces";
    static final String FIELD_SELECTOR = "field-selector";
    static final String FILENAME = "filename";
    static final String LIST = "list";
    static final String LOCAL = "local";
    static final String OVERWRITE = "overwrite";
    static final String RECURSIVE = "recursive";
    static final String RESOURCE_VERSION = "resource-version";
    static final String SELECTOR = "selector";

    /** {@code label} or {@code annotation}: the word of the messages. */
    protected abstract String word();

    /** {@code labels} or {@code annotations}: the field of {@code metadata}. */
    protected abstract String field();


    /** The changes the pairs ask for, refused in the verb's own words. */
    protected abstract Pairs.Changes parse(List<String> pairs) throws KubectlException;

    /** Without {@code --overwrite}: the error for values the changes would replace, or null. */
    protected abstract String overwriteError(Map<String, String> current, Map<String, String> set);

    /** The operation printed after the name: {@code labeled}, {@code not labeled}, {@code annotated}... */
    protected abstract String operation(ObjectNode before, ObjectNode after, boolean overwrite);

    /** Whether the verb says {@code label "x" not found.} for a removal of a key the object lacks. */
    protected abstract boolean reportsMissingRemovals();

    /** The flags of label and annotate; their texts differ in small ways kubectl's help shows. */
    protected FlagSet commonFlags(String filenameUsage, String manager, String allUsage, String versionWord) {
        return OutputFlags.add(new FlagSet()
                .add(Flag.bool(ALL, "", false, allUsage))
                .add(Flag.bool(ALL_NAMESPACES, "A", false, "If true, check the specified action in all namespaces."))
                .add(DryRun.DRY_RUN)
                .add(Flag.string("field-manager", "", manager, "Name of the manager used to track field ownership."))
                .add(Flag.string(FIELD_SELECTOR, "", "", "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type."))
                .add(Flag.stringSlice(FILENAME, "f", filenameUsage))
                .add(Flag.string("kustomize", "k", "", "Process the kustomization directory. This flag can't be used together with -f or -R."))
                .add(Flag.bool(LIST, "", false, "If true, display the " + field() + " for a given resource."))
                .add(Flag.bool(LOCAL, "", false, "If true, " + word() + " will NOT contact api-server but run locally."))
                .add(Flag.bool(OVERWRITE, "", false, "If true, allow " + field() + " to be overwritten, otherwise reject " + word() + " updates that overwrite existing " + field() + "."))
                .add(Flag.bool(RECURSIVE, "R", false, "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."))
                .add(Flag.string(RESOURCE_VERSION, "", "", "If non-empty, the " + versionWord + " update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource."))
                .add(Flag.string(SELECTOR, "l", "", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.")));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        DryRun dryRun = DryRun.parse(flags.string(DryRun.FLAG));
        Pairs.Split split = Pairs.split(flags.args(), word());
        Pairs.Changes changes = parse(split.pairs());
        boolean list = flags.bool(LIST);
        String output = flags.string(OutputFlags.OUTPUT);
        if (list && !output.isEmpty()) {
            throw KubectlException.error("--list and --output may not be specified together");
        }
        boolean all = flags.bool(ALL);
        String labels = flags.string(SELECTOR);
        String fields = flags.string(FIELD_SELECTOR);
        if (all && !labels.isEmpty()) {
            throw KubectlException.error("cannot set --all and --selector at the same time");
        }
        if (all && !fields.isEmpty()) {
            throw KubectlException.error("cannot set --all and --field-selector at the same time");
        }
        boolean local = flags.bool(LOCAL);
        List<String> files = flags.strings(FILENAME);
        if (local) {
            if (dryRun == DryRun.SERVER) {
                throw KubectlException.error("cannot specify --local and --dry-run=server - did you mean --dry-run=client?");
            }
            if (!split.resources().isEmpty()) {
                throw KubectlException.error("can only use local files by -f rsrc.yaml or --filename=rsrc.json when --local=true is set");
            }
            if (files.isEmpty()) {
                throw KubectlException.error("one or more files must be specified as -f rsrc.yaml or --filename=rsrc.json");
            }
        } else if (split.resources().isEmpty() && files.isEmpty()) {
            throw KubectlException.error("one or more resources must be specified as <resource> <name> or <resource>/<name>");
        }
        if (changes.isEmpty() && !list) {
            throw KubectlException.error("at least one " + word() + " update is required");
        }
        List<TargetObjects.Info> infos = local ? LocalObjects.read(ctx, files, flags.bool(RECURSIVE))
                : TargetObjects.find(ctx, new TargetObjects.Query(split.resources(), labels, fields, false, all,
                flags.bool(ALL_NAMESPACES), files, flags.bool(RECURSIVE), true)).entries();
        boolean one = infos.size() == 1 && labels.isEmpty() && fields.isEmpty()
                && !(all && split.resources().size() == 1);
        String resourceVersion = flags.string(RESOURCE_VERSION);
        if (!one && !resourceVersion.isEmpty()) {
            throw KubectlException.error("--resource-version may only be used with a single resource");
        }
        boolean overwrite = flags.bool(OVERWRITE);
        Errors errors = new Errors();
        for (TargetObjects.Info info : infos) {
            if (info.failed()) {
                errors.add(info.failure(), "retrieving", "");
                continue;
            }
            try {
                change(ctx, flags, info, changes, overwrite, resourceVersion, dryRun, local || list, list, one);
            } catch (KubectlException e) {
                errors.add(e);
            } catch (StatusException e) {
                errors.add(e, "patching", "");
            }
        }
        errors.throwIfAny();
    }

    private void change(KubectlContext ctx, ParsedFlags flags, TargetObjects.Info info, Pairs.Changes changes,
                        boolean overwrite, String resourceVersion, DryRun dryRun, boolean locally, boolean list,
                        boolean one) throws KubectlException {
        ObjectNode before = info.object();
        if (!resourceVersion.isEmpty()) {
            before.with("metadata").remove("resourceVersion");
        }
        ObjectNode after = before.deepCopy();
        Map<String, String> current = strings(before.path("metadata").path(field()));
        ObjectNode result;
        if (locally || dryRun == DryRun.CLIENT) {
            apply(after, current, changes, overwrite, resourceVersion);
            result = after;
        } else {
            if (reportsMissingRemovals()) {
                for (String key : changes.remove()) {
                    if (!current.containsKey(key)) {
                        ctx.out().append(word()).append(" \"").append(key).append("\" not found.\n");
                    }
                }
            }
            apply(after, current, changes, overwrite, resourceVersion);
            ObjectNode patch = patch(before, after, resourceVersion);
            result = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.PATCH, info.type(), info.namespace(),
                    info.name()).withPatch(ApiRequest.PatchType.MERGE, patch)
                    .withOptions(RequestOptions.DEFAULT.withDryRun(dryRun == DryRun.SERVER)
                .withFieldManager(flags.string("field-manager")))).body();
        }
        if (list) {
            String indent = "";
            if (!one) {
                indent = " ";
                ctx.out().append("Listing ").append(field()).append(" for ").append(info.type().kind()).append('.')
                        .append(info.type().group()).append('/').append(info.name()).append(":\n");
            }
            for (Map.Entry<String, String> e : new TreeMap<>(strings(result.path("metadata").path(field()))).entrySet()) {
                ctx.out().append(indent).append(e.getKey()).append('=').append(e.getValue()).append('\n');
            }
            return;
        }
        OutputFlags.print(ctx, flags, List.of(result), operation(before, after, overwrite) + dryRun.suffix());
    }

    private void apply(ObjectNode object, Map<String, String> current, Pairs.Changes changes, boolean overwrite,
                       String resourceVersion) throws KubectlException {
        if (!overwrite) {
            String problem = overwriteError(current, changes.set());
            if (problem != null) {
                throw KubectlException.error(problem);
            }
        }
        ObjectNode metadata = object.with("metadata");
        ObjectNode map = metadata.with(field());
        changes.set().forEach(map::put);
        changes.remove().forEach(map::remove);
        if (!resourceVersion.isEmpty()) {
            metadata.put("resourceVersion", resourceVersion);
        }
    }

    /** The merge patch between the two objects' metadata (the only part changed). */
    private ObjectNode patch(ObjectNode before, ObjectNode after, String resourceVersion) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        JsonNode old = before.path("metadata").path(field());
        JsonNode now = after.path("metadata").path(field());
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        if (!old.isObject()) {
            metadata.set(field(), now.deepCopy());
        } else {
            ObjectNode diff = JsonNodeFactory.instance.objectNode();
            for (Iterator<String> it = old.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!now.has(key)) {
                    diff.putNull(key);
                }
            }
            now.fields().forEachRemaining(e -> {
                if (!e.getValue().equals(old.get(e.getKey()))) {
                    diff.set(e.getKey(), e.getValue());
                }
            });
            if (!diff.isEmpty()) {
                metadata.set(field(), diff);
            }
        }
        if (!resourceVersion.isEmpty()) {
            metadata.put("resourceVersion", resourceVersion);
        }
        if (!metadata.isEmpty()) {
            patch.set("metadata", metadata);
        }
        return patch;
    }

    protected static Map<String, String> strings(JsonNode map) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        map.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** For the verbs' error lists: the keys in the order given. */
    protected static List<String> keys(Map<String, String> map) {
        return new ArrayList<>(map.keySet());
    }
}
