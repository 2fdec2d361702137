package io.kubelab.kubectl.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.ServerErrors;
import io.kubelab.kubectl.resource.Manifests;
import io.kubelab.kubectl.resource.ResourceArgs;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.util.ArrayList;
import java.util.List;

/**
 * The objects a {@code get} found, in the order kubectl's builder visits them, each with its type,
 * and the errors (one line each) of what it could not get. {@code types} holds the type of each list or
 * object kubectl's builder returned (an empty list counts: kubectl still holds its empty Table), in order.
 */
record Fetched(List<Item> items, List<String> errors, String rawResourceVersion, boolean singleItem,
               List<ResourceType> types) {

    record Item(ResourceType type, ObjectNode object) {
    }

    static Fetched fetch(KubectlContext ctx, GetRequest request) throws KubectlException {
        List<Item> items = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<ResourceType> types = new ArrayList<>();
        String resourceVersion = "";
        boolean ignoreNotFound = request.flags().bool("ignore-not-found");
        List<Target> targets = targets(ctx, request);
        for (Target t : targets) {
            try {
                if (t.name() != null) {
                    ObjectNode object = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.GET, t.type(),
                            t.namespace(), t.name())).body();
                    items.add(new Item(t.type(), typed(t.type(), object)));
                    types.add(t.type());
                } else {
                    RequestOptions options = RequestOptions.DEFAULT.withSelectors(request.labelSelector(),
                            request.fieldSelector()).withSharedObjects();
                    ObjectNode list = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.LIST, t.type(),
                            t.namespace(), "").withOptions(options)).body();
                    resourceVersion = list.path("metadata").path("resourceVersion").asText("");
                    types.add(t.type());
                    for (JsonNode item : list.path("items")) {
                        items.add(new Item(t.type(), typed(t.type(), (ObjectNode) item)));
                    }
                }
            } catch (StatusException e) {
                if (ignoreNotFound && e.status().code() == 404) {
                    continue;
                }
                errors.add(t.name() != null ? ServerErrors.text(e.status())
                        : ServerErrors.listText(e.status(), t.type(), request.labelSelector(), request.fieldSelector()));
            }
        }
        boolean single = targets.size() == 1 && targets.get(0).name() != null;
        return new Fetched(items, errors, resourceVersion, single, types);
    }

    private record Target(ResourceType type, String namespace, String name) {
    }

    private static List<Target> targets(KubectlContext ctx, GetRequest request) throws KubectlException {
        List<Target> out = new ArrayList<>();
        if (!request.filenames().isEmpty()) {
            for (Manifests.Manifest m : Manifests.read(ctx.workstation(), request.filenames(), request.recursive(),
                    ctx.stdin())) {
                String apiVersion = m.object().path("apiVersion").asText();
                String kind = m.object().path("kind").asText();
                ResourceType type = ResourceTypes.byKind(apiVersion, kind).orElseThrow(() ->
                        KubectlException.error("resource mapping not found for name: \""
                                + m.object().path("metadata").path("name").asText() + "\" namespace: \""
                                + m.object().path("metadata").path("namespace").asText() + "\" from \"" + m.source()
                                + "\": no matches for kind \"" + kind + "\" in version \"" + apiVersion
                                + "\"\nensure CRDs are installed first"));
                String ns = m.object().path("metadata").path("namespace").asText("");
                out.add(new Target(type, type.namespaced() ? (ns.isEmpty() ? ctx.namespace() : ns) : "",
                        m.object().path("metadata").path("name").asText()));
            }
        }
        for (ResourceArgs.Target t : ResourceArgs.parse(request.args())) {
            String ns = !t.type().namespaced() ? "" : request.allNamespaces() ? "" : ctx.namespace();
            out.add(new Target(t.type(), ns, t.name()));
        }
        return out;
    }

    /**
     * Objects in a list come without apiVersion and kind; kubectl's decoder puts them back. get reads lists
     * as the stored objects themselves (which keep both) and changes nothing in them.
     */
    private static ObjectNode typed(ResourceType type, ObjectNode object) {
        if (object.has("apiVersion") && object.has("kind")) {
            return object;
        }
        // Never complete a shared object in place: work on a copy.
        ObjectNode copy = object.deepCopy();
        copy.put("apiVersion", type.apiVersion());
        copy.put("kind", type.kind());
        return copy;
    }

}
