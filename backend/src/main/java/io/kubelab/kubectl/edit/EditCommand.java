package io.kubelab.kubectl.edit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.cluster.ManifestYaml;
import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.OutputFlags;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.mutate.TargetObjects;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code kubectl edit}: writes the objects to a temporary file for the student's editor. There is no
 * editor in the sandbox's shell, so the file goes to the browser through {@link EditorHost}; the saved
 * text comes back to {@link #finish}, which applies it with kubectl's rules ({@link EditedObjects}).
 */
public final class EditCommand extends Command {

    static final String OUTPUT = "output";
    static final String FILENAME = "filename";
    static final String RECURSIVE = "recursive";
    static final String HEADER = """
            # Please edit the object below. Lines beginning with a '#' will be ignored,
            # and an empty file will abort the edit. If an error occurs while saving this file will be
            # reopened with the relevant failures.
            #
            """;
    /** kubectl's editor when neither KUBE_EDITOR nor EDITOR names one. */
    static final String DEFAULT_EDITOR = "vi";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "edit";
    }

    @Override
    public String summary() {
        return "Edit a resource on the server";
    }

    @Override
    public String usage() {
        return "kubectl edit (RESOURCE/NAME | -f FILENAME) [options]";
    }

    @Override
    public String description() {
        return """
                Edit a resource from the default editor.

                 The edit command opens the object's YAML (or JSON with -o json) in an editor. When you save and \
                close it, the changes are sent to the server; if the server refuses them, the editor opens again \
                with the reasons on top. Saving the file unchanged, or empty, cancels the edit.""";
    }

    @Override
    public String examples() {
        return """
                  # Edit the service named registry
                  kubectl edit svc/registry

                  # Edit the deployment web in JSON
                  kubectl edit deployment/web -o json""";
    }

    @Override
    public FlagSet flags() {
        return OutputFlags.add(new FlagSet()
                .add(Flag.string("field-manager", "", "kubectl-edit", "Name of the manager used to track field ownership."))
                .add(Flag.stringSlice(FILENAME, "f", "Filename, directory, or URL to files to use to edit the resource"))
                .add(Flag.string("kustomize", "k", "", "Process the kustomization directory. This flag can't be used together with -f or -R."))
                .add(Flag.bool("output-patch", "", false, "Output the patch if the resource is edited."))
                .add(Flag.bool(RECURSIVE, "R", false, "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."))
                .add(Flag.bool("save-config", "", false, "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future."))
                .add(Flag.string("subresource", "", "", "If specified, edit will operate on the subresource of the requested object. This flag is beta and may change in the future."))
                .add(Flag.string("validate", "", "strict", "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields."))
                .add(Flag.bool("windows-line-endings", "", false, "Defaults to the line ending native to your platform.")));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        EditRequest request = prepare(ctx, flags);
        if (ctx.workstation() instanceof EditorHost host && host.openEditor(request)) {
            return;
        }
        throw KubectlException.error("there was a problem with the editor \"" + editorName(ctx) + "\"");
    }

    /** The first round: the objects read and the file kubectl would open. */
    public static EditRequest prepare(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        String format = flags.string(OUTPUT).isEmpty() ? "yaml" : flags.string(OUTPUT);
        if (!format.equals("yaml") && !format.equals("json")) {
            throw KubectlException.error("the edit mode field must be either json or yaml");
        }
        TargetObjects.Found found = TargetObjects.find(ctx, new TargetObjects.Query(flags.args(), "", "", false, false,
                false, flags.strings(FILENAME), flags.bool(RECURSIVE), true));
        found.errors().throwIfAny();
        List<EditRequest.Original> originals = new ArrayList<>();
        for (TargetObjects.Info info : found.infos()) {
            ObjectNode object = info.object().deepCopy();
            object.with("metadata").remove("managedFields");
            originals.add(new EditRequest.Original(info.type(), info.namespace(), info.name(), object));
        }
        if (originals.isEmpty()) {
            throw KubectlException.error("edit cancelled, no objects found");
        }
        String text = HEADER + render(originals.stream().map(EditRequest.Original::object).toList(), format);
        String file = "/tmp/kubectl-edit-" + Integer.toUnsignedString(text.hashCode()) + "." + format;
        return new EditRequest(file, text, format, originals, text, false, flags.string("field-manager"));
    }

    /**
     * Applies what the student saved: prints kubectl's lines to {@code ctx} ({@code deployment.apps/web
     * edited}, {@code Edit cancelled, no changes made.}...) and returns the next round when kubectl would
     * reopen the editor with errors, or empty when the edit is over.
     */
    public static java.util.Optional<EditRequest> finish(KubectlContext ctx, EditRequest request, String edited)
            throws KubectlException {
        return new EditedObjects(ctx, request).apply(edited);
    }

    static String render(List<ObjectNode> objects, String format) {
        JsonNode document = objects.size() == 1 ? objects.get(0) : list(objects);
        if (format.equals("json")) {
            try {
                DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                        .withObjectIndenter(new DefaultIndenter("    ", "\n"))
                        .withArrayIndenter(new DefaultIndenter("    ", "\n"));
                return JSON.writer(printer).writeValueAsString(document).replace("\" : ", "\": ") + "\n";
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return ManifestYaml.write(document);
    }

    private static ObjectNode list(List<ObjectNode> objects) {
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.put("apiVersion", "v1");
        ArrayNode items = list.putArray("items");
        objects.forEach(items::add);
        list.put("kind", "List");
        list.putObject("metadata");
        return list;
    }

    static String editorName(KubectlContext ctx) {
        for (String variable : List.of("KUBE_EDITOR", "EDITOR")) {
            String value = ctx.workstation().env(variable);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return DEFAULT_EDITOR;
    }
}
