package io.kubelab.kubectl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiResponse;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.patch.PatchSchema;
import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.OutputFlags;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.create.BatchErrors;
import io.kubelab.kubectl.create.Creation;
import io.kubelab.kubectl.DryRun;
import io.kubelab.kubectl.create.FileObjects;
import io.kubelab.kubectl.create.WriteFlags;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code kubectl apply -f}, client-side: an object that does not exist is created with its
 * last-applied configuration; one that exists gets the three-way strategic merge patch between that
 * configuration, the file and the live object ({@code configured}), or nothing ({@code unchanged}).
 * {@code --server-side} sends an apply patch instead.
 */
public final class ApplyCommand extends Command {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WARNING_NO_ANNOTATION = "Warning: resource %s is missing the "
            + LastApplied.ANNOTATION + " annotation which is required by kubectl apply. kubectl apply should only be "
            + "used on resources created declaratively by either kubectl create --save-config or kubectl apply. The "
            + "missing annotation will be patched automatically.\n";
    /** What kubectl adds after the server's message when a server-side apply conflicts ({@code conflictErrString}). */
    static final String CONFLICT_ADVICE = """
            Please review the fields above--they currently have other managers. Here
            are the ways you can resolve this warning:
            * If you intend to manage all of these fields, please re-run the apply
              command with the `--force-conflicts` flag.
            * If you do not intend to manage all of the fields, please edit your
              manifest to remove references to the fields that should keep their
              current managers.
            * You may co-own fields by updating your manifest to match the existing
              value; in this case, you'll become the manager if the other manager(s)
              stop managing the field (remove it from their configuration).
            See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts""";
    private static final String WARNING_MIGRATION_FAILED = "Warning: server rejected managed fields migration to "
            + "Server-Side Apply. This is non-fatal and will be retried next time you apply. Error: %s\n";
    /** kubectl's field manager of a server-side apply without {@code --field-manager} ({@code FieldManagerServerSideApply}). */
    private static final String SERVER_SIDE_MANAGER = "kubectl";

    @Override
    public String name() {
        return "apply";
    }

    @Override
    public String summary() {
        return "Apply a configuration to a resource by file name or stdin";
    }

    @Override
    public String description() {
        return """
                Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.

                 JSON and YAML formats are accepted. Fields removed from the file since the last apply are removed from the object; fields set by others and never in the file are left alone.""";
    }

    @Override
    public String usage() {
        return "kubectl apply (-f FILENAME | -k DIRECTORY) [options]";
    }

    @Override
    public String examples() {
        return """
                  # Create or update the objects of a file
                  kubectl apply -f web.yaml

                  # Every manifest of a directory tree
                  kubectl apply -f manifests/ -R

                  # What is piped in
                  cat pod.json | kubectl apply -f -
                """;
    }

    @Override
    public FlagSet flags() {
        return WriteFlags.add(new FlagSet(), "kubectl-client-side-apply")
                .add(Flag.bool("all", "", false, "Select all resources in the namespace of the specified resource types."))
                .add(Flag.string("cascade", "", "background", "Must be \"background\", \"orphan\", or \"foreground\". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background."))
                .add(Flag.stringSlice(FileObjects.FILENAME, "f", "The files that contain the configurations to apply."))
                .add(Flag.bool("force", "", false, "If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation."))
                .add(Flag.bool("force-conflicts", "", false, "If true, server-side apply will force the changes against conflicts."))
                .add(Flag.integer("grace-period", "", -1, "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion)."))
                .add(Flag.string("kustomize", "k", "", "Process a kustomization directory. This flag can't be used together with -f or -R."))
                .add(Flag.bool("openapi-patch", "", true, "If true, use openapi to calculate diff when the openapi presents and the resource can be found in the openapi spec. Otherwise, fall back to use baked-in types."))
                .add(Flag.bool("overwrite", "", true, "Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration"))
                .add(Flag.bool("prune", "", false, "Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all."))
                .add(Flag.stringSlice("prune-allowlist", "", "Overwrite the default allowlist with <group/version/kind> for --prune"))
                .add(Flag.bool(FileObjects.RECURSIVE, "R", false, "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."))
                .add(Flag.string("selector", "l", "", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."))
                .add(Flag.bool("server-side", "", false, "If true, apply runs in the server instead of the client."))
                .add(Flag.string("subresource", "", "", "If specified, apply will operate on the subresource of the requested object.  Only allowed when using --server-side. This flag is beta and may change in the future."))
                .add(Flag.duration("timeout", "", "0s", "The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object"))
                .add(Flag.bool("wait", "", false, "If true, wait for resources to be gone before returning. This waits for finalizers."));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        if (!flags.args().isEmpty()) {
            throw KubectlException.usageHelp(ctx.commandPath(), "Unexpected args: [" + String.join(" ", flags.args()) + "]");
        }
        if (flags.strings(FileObjects.FILENAME).isEmpty() && flags.string("kustomize").isEmpty()) {
            throw KubectlException.error("must specify one of -f and -k");
        }
        boolean serverSide = flags.bool("server-side");
        DryRun dryRun = DryRun.of(flags);
        validate(flags, serverSide, dryRun);
        if (!flags.string("kustomize").isEmpty()) {
            throw KubectlException.error("kustomize is not available in this sandbox: use -f with the manifests");
        }
        if (flags.bool("prune")) {
            throw KubectlException.error("--prune is not available in this sandbox");
        }
        RequestOptions options = WriteFlags.options(flags, dryRun);
        if (serverSide) {
            // GetApplyFieldManagerFlag: a server-side apply's own default manager, and --force-conflicts.
            options = options.withForce(flags.bool("force-conflicts")).withFieldManager(
                    flags.changed(WriteFlags.FIELD_MANAGER) ? flags.string(WriteFlags.FIELD_MANAGER) : SERVER_SIDE_MANAGER);
        }
        BatchErrors errors = new BatchErrors();
        List<FileObjects.Item> items = FileObjects.read(ctx, flags, flags.string("selector"), errors);
        if (items.isEmpty()) {
            errors.throwIfAny();
            throw KubectlException.error("no objects passed to apply");
        }
        boolean printObjects = !flags.string(OutputFlags.OUTPUT).isEmpty() && !flags.string(OutputFlags.OUTPUT).equals("name");
        List<ObjectNode> printed = new ArrayList<>();
        for (FileObjects.Item item : items) {
            String mismatch = FileObjects.namespaceMismatch(ctx, item);
            if (mismatch != null) {
                errors.add(mismatch);
                continue;
            }
            Applied applied;
            try {
                applied = serverSide ? serverSide(ctx, flags, item, options) : clientSide(ctx, item, dryRun, options);
            } catch (StatusException e) {
                if (!serverSide) {
                    errors.add(e, "creating", item.source());
                } else if (e.status().code() == 415) {
                    // kubectl's isIncompatibleServerError: an API server that does not take apply patches.
                    errors.add("Server-side apply not available on the server: (" + e.status().message() + ")");
                } else if (e.status().reason().equals("Conflict")) {
                    errors.add(e.status().message() + "\n" + CONFLICT_ADVICE);
                } else {
                    errors.add(e, "", "");
                }
                continue;
            } catch (PatchFailure e) {
                errors.add(e.cause, "applying patch:\n" + e.patch + "\nto:\n" + describe(item) + "\nfor:", item.source());
                continue;
            }
            if (printObjects) {
                printed.add(applied.object());
            } else {
                OutputFlags.print(ctx, flags, List.of(applied.object()), applied.operation() + dryRun.suffix());
            }
        }
        if (!printed.isEmpty()) {
            OutputFlags.print(ctx, flags, printed, "");
        }
        errors.throwIfAny();
    }

    /** What one object became and the word kubectl prints for it. */
    private record Applied(ObjectNode object, String operation) {
    }

    /** A failed patch, with the patch text kubectl puts in its message. */
    private static final class PatchFailure extends Exception {
        final StatusException cause;
        final String patch;

        PatchFailure(StatusException cause, String patch) {
            super(null, null, false, false);
            this.cause = cause;
            this.patch = patch;
        }
    }

    private static Applied clientSide(KubectlContext ctx, FileObjects.Item item, DryRun dryRun, RequestOptions options)
            throws PatchFailure {
        ObjectNode object = item.object();
        ObjectNode live = get(ctx, item);
        if (live == null) {
            LastApplied.set(object, false);
            ObjectNode created = Creation.create(ctx, item.type(), item.namespace(), object, dryRun, options);
            return new Applied(created, "created");
        }
        if (dryRun == DryRun.CLIENT) {
            return new Applied(live, "configured");
        }
        if (LastApplied.of(live).isEmpty()) {
            ctx.err().append(String.format(WARNING_NO_ANNOTATION, item.type().resource() + "/" + item.name()));
        }
        ObjectNode modified = object.deepCopy();
        LastApplied.set(modified, false);
        JsonNode original = LastApplied.of(live).map(ApplyCommand::parse).orElse(null);
        PatchSchema schema = PatchSchema.forKind(object.path("apiVersion").asText(), object.path("kind").asText())
                .orElse(PatchSchema.UNSTRUCTURED);
        ObjectNode patch = ThreeWayMerge.create(original, modified, live, schema);
        if (patch.isEmpty()) {
            return new Applied(live, "unchanged");
        }
        try {
            ApiResponse response = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.PATCH, item.type(),
                    item.namespace(), item.name()).withPatch(ApiRequest.PatchType.STRATEGIC, patch).withOptions(options));
            Creation.warn(ctx, response);
            return new Applied(response.body(), "configured");
        } catch (StatusException e) {
            throw new PatchFailure(e, CompactJson.write(patch, true));
        }
    }

    /** kubectl's {@code Validate}, in its order: the flags that do not go together. */
    private static void validate(ParsedFlags flags, boolean serverSide, DryRun dryRun) throws KubectlException {
        if (flags.bool("force-conflicts") && !serverSide) {
            throw KubectlException.error("--force-conflicts only works with --server-side");
        }
        if (dryRun == DryRun.CLIENT && serverSide) {
            throw KubectlException.error("--dry-run=client doesn't work with --server-side (did you mean --dry-run=server "
                    + "instead?)");
        }
        if (serverSide && flags.bool("force")) {
            throw KubectlException.error("--force cannot be used with --server-side");
        }
        if (!flags.string("subresource").isEmpty() && !serverSide) {
            throw KubectlException.error("--subresource can only be specified for --server-side");
        }
    }

    /** The whole object as an apply patch: the server merges it and answers with the result. */
    private static Applied serverSide(KubectlContext ctx, ParsedFlags flags, FileObjects.Item item,
                                      RequestOptions options) {
        ApiRequest request = ApiRequest.of(ctx.user(), ApiRequest.Verb.PATCH, item.type(), item.namespace(), item.name())
                .withPatch(ApiRequest.PatchType.APPLY, item.object()).withOptions(options);
        if (!flags.string("subresource").isEmpty()) {
            request = request.withSubresource(flags.string("subresource"));
        }
        ApiResponse response = ctx.api().handle(request);
        Creation.warn(ctx, response);
        ObjectNode applied = response.body();
        var migration = ClientSideApplyMigration.patch(applied, options.fieldManager());
        if (migration.isPresent()) {
            try {
                applied = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.PATCH, item.type(), item.namespace(),
                        item.name()).withPatch(ApiRequest.PatchType.JSON, migration.get())
                        .withOptions(RequestOptions.DEFAULT.withDryRun(options.dryRun()))).body();
            } catch (StatusException e) {
                ctx.err().append(String.format(WARNING_MIGRATION_FAILED, e.status().message()));
            }
        }
        return new Applied(applied, "serverside-applied");
    }

    private static ObjectNode get(KubectlContext ctx, FileObjects.Item item) {
        try {
            return ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.GET, item.type(), item.namespace(),
                    item.name())).body();
        } catch (StatusException e) {
            if (e.status().reason().equals("NotFound")) {
                return null;
            }
            throw e;
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** cli-runtime's {@code Info.String()}: the resource, its kind, and the object's name and namespace. */
    private static String describe(FileObjects.Item item) {
        var t = item.type();
        return "Resource: \"" + t.group() + "/" + t.version() + ", Resource=" + t.resource() + "\", GroupVersionKind: \""
                + t.group() + "/" + t.version() + ", Kind=" + t.kind() + "\"\nName: \"" + item.name() + "\", Namespace: \""
                + item.namespace() + "\"";
    }
}
