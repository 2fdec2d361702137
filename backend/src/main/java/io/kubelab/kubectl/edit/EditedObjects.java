package io.kubelab.kubectl.edit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.OutputFlags;
import io.kubelab.kubectl.ServerErrors;
import io.kubelab.kubectl.resource.Manifests;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * kubectl edit's handling of a saved file (kubectl/pkg/cmd/util/editor/editoptions.go): unchanged or
 * empty cancels; a syntax error, a changed identity or an invalid object reopens the file with the reasons
 * in its header; each changed object is sent as a merge patch of the differences and printed
 * {@code edited}, an unchanged one {@code skipped}.
 */
final class EditedObjects {

    record Reason(String head, List<String> other) {
    }

    private final KubectlContext ctx;
    private final EditRequest request;

    EditedObjects(KubectlContext ctx, EditRequest request) {
        this.ctx = ctx;
        this.request = request;
    }

    Optional<EditRequest> apply(String edited) throws KubectlException {
        String stripped = stripComments(edited);
        if (stripped.equals(stripComments(request.text()))) {
            if (!request.hadErrors()) {
                ctx.err().append("Edit cancelled, no changes made.\n");
                return Optional.empty();
            }
            return giveUp(edited);
        }
        if (stripped.isBlank()) {
            ctx.err().append("Edit cancelled, saved file was empty.\n");
            return Optional.empty();
        }
        List<Manifests.Manifest> objects;
        try {
            objects = Manifests.parse(request.fileName(), stripped);
        } catch (KubectlException e) {
            String message = e.stderr().trim();
            message = message.startsWith("error: ") ? message.substring("error: ".length()) : message;
            message = message.replace("error parsing " + request.fileName() + ": ", "");
            return reopen(stripped, List.of(new Reason("The edited file had a syntax error: " + message, List.of())));
        }
        List<Reason> reasons = new ArrayList<>();
        for (Manifests.Manifest m : objects) {
            ObjectNode object = m.object();
            EditRequest.Original original = original(object);
            if (original == null) {
                reasons.add(new Reason("At least one of apiVersion, kind and name was changed", List.of()));
                continue;
            }
            ObjectNode patch = diff(original.object(), object);
            if (patch.isEmpty()) {
                print(original.object(), "skipped");
                continue;
            }
            try {
                ObjectNode result = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.PATCH, original.type(),
                        original.namespace(), original.name()).withPatch(ApiRequest.PatchType.MERGE, patch)
                        .withOptions(RequestOptions.DEFAULT.withFieldManager(request.fieldManager()))).body();
                print(result, "edited");
            } catch (StatusException e) {
                Status status = e.status();
                if (!status.reason().equals("Invalid")) {
                    throw ServerErrors.of(e);
                }
                List<String> causes = new ArrayList<>();
                status.details().ifPresent(d -> d.causes().forEach(c -> causes.add(c.field() + ": " + c.message())));
                reasons.add(new Reason(original.type().groupResource() + " \"" + original.name() + "\" was not valid",
                        causes));
            }
        }
        return reasons.isEmpty() ? Optional.empty() : reopen(stripped, reasons);
    }

    private EditRequest.Original original(ObjectNode edited) {
        for (EditRequest.Original o : request.originals()) {
            JsonNode was = o.object();
            if (was.path("apiVersion").asText().equals(edited.path("apiVersion").asText())
                    && was.path("kind").asText().equals(edited.path("kind").asText())
                    && o.name().equals(edited.path("metadata").path("name").asText())) {
                return o;
            }
        }
        return null;
    }

    private void print(ObjectNode object, String operation) {
        ctx.out().append(OutputFlags.name(object)).append(' ').append(operation).append('\n');
    }

    private Optional<EditRequest> reopen(String body, List<Reason> reasons) {
        StringBuilder text = new StringBuilder(EditCommand.HEADER);
        for (Reason r : reasons) {
            text.append("# ").append(hashed(r.head())).append(r.other().isEmpty() ? "" : ":").append('\n');
            r.other().forEach(o -> text.append("# * ").append(hashed(o)).append('\n'));
            text.append("#\n");
        }
        text.append(body);
        return Optional.of(new EditRequest(request.fileName(), text.toString(), request.format(), request.originals(),
                request.firstText(), true, request.fieldManager()));
    }

    /** Saved again without a change after errors: kubectl keeps a copy and gives up. */
    private Optional<EditRequest> giveUp(String edited) throws KubectlException {
        try {
            ctx.workstation().write(request.fileName(), edited);
        } catch (java.io.IOException e) {
            // kubectl says where it stored the copy even when that failed.
        }
        throw new KubectlException("A copy of your changes has been stored to \"" + request.fileName() + "\"\n"
                + "error: Edit cancelled, no valid changes were saved.\n", 1);
    }

    private static String hashed(String text) {
        return text.replace("\n", "\n# ");
    }

    /** The lines not starting with {@code #} (after blanks), as kubectl compares and parses them. */
    static String stripComments(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!line.stripLeading().startsWith("#")) {
                out.append(line).append('\n');
            }
        }
        return out.toString().strip();
    }

    /** The JSON merge patch that turns {@code from} into {@code to}. */
    static ObjectNode diff(JsonNode from, JsonNode to) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        for (Iterator<String> it = from.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!to.has(key)) {
                patch.putNull(key);
            }
        }
        to.fields().forEachRemaining(e -> {
            JsonNode old = from.get(e.getKey());
            if (old == null || !old.equals(e.getValue())) {
                if (old != null && old.isObject() && e.getValue().isObject()) {
                    ObjectNode inner = diff(old, e.getValue());
                    if (!inner.isEmpty()) {
                        patch.set(e.getKey(), inner);
                    }
                } else {
                    patch.set(e.getKey(), e.getValue());
                }
            }
        });
        return patch;
    }
}
