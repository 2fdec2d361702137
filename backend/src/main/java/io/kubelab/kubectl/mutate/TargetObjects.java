package io.kubelab.kubectl.mutate;

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
 * cli-runtime's resource builder for the verbs that change objects: the objects named by
 * {@code TYPE NAME...}, {@code TYPE/NAME}, a type with {@code -l}/{@code --field-selector}/{@code --all}
 * (listed through the API server, {@code -A} across namespaces) or {@code -f} files, in kubectl's order
 * and with its messages. Objects named one by one are fetched unless the verb does not need them
 * ({@code delete}); a missing one becomes an error line and the others go on, as ContinueOnError does.
 */
public final class TargetObjects {

    /**
     * What a verb's command line selects. {@code selectAll} is delete's {@code --all} (a selector matching
     * everything); {@code typeMeansAll} is the {@code --all} of scale, label and annotate, which lets a
     * lone type stand for all its objects. {@code fetch}: read the named objects (delete needs no copy).
     */
    public record Query(List<String> args, String labelSelector, String fieldSelector, boolean selectAll,
                        boolean typeMeansAll, boolean allNamespaces, List<String> files, boolean recursive,
                        boolean fetch) {
    }

    /**
     * One selected object: its type, where it lives, the object (null when not fetched or when reading it
     * failed), its file, and the failure to read it (null when read).
     */
    public record Info(ResourceType type, String namespace, String name, ObjectNode object, String source,
                       StatusException failure) {

        public Info(ResourceType type, String namespace, String name, ObjectNode object, String source) {
            this(type, namespace, name, object, source, null);
        }

        public boolean failed() {
            return failure != null;
        }

        /** {@code pods "web"}-style error prefixes and {@code pod/web}: the kind prefix as kubectl prints it. */
        public String kindPrefix() {
            return ResourceArgs.kindPrefix(type);
        }
    }

    /**
     * Everything selected in kubectl's order, failures included ({@link #entries}), as a verb that visits
     * object by object meets them; or the objects read ({@link #infos}) and the failures ({@link #errors})
     * apart, as a verb that first collects its objects (scale) sees them.
     */
    public record Found(List<Info> entries) {

        public List<Info> infos() {
            return entries.stream().filter(i -> !i.failed()).toList();
        }

        public Errors errors() {
            Errors errors = new Errors();
            entries.stream().filter(Info::failed).forEach(i -> errors.add(i.failure(), "retrieving", ""));
            return errors;
        }
    }

    public static final String MISSING_RESOURCE = "You must provide one or more resources by argument or filename.\n"
            + "Example resource specifications include:\n"
            + "   '-f rsrc.yaml'\n"
            + "   '--filename=rsrc.json'\n"
            + "   '<resource> <name>'\n"
            + "   '<resource>'";

    private TargetObjects() {
    }

    public static Found find(KubectlContext ctx, Query q) throws KubectlException {
        boolean selector = q.selectAll() || !q.labelSelector().isEmpty() || !q.fieldSelector().isEmpty()
                || (q.typeMeansAll() && q.args().size() == 1 && !q.args().get(0).contains("/"));
        if (q.selectAll() && (!q.labelSelector().isEmpty() || !q.fieldSelector().isEmpty())) {
            throw KubectlException.error("setting 'all' parameter but found a non empty selector. ");
        }
        List<Info> out = new ArrayList<>();
        if (!q.files().isEmpty()) {
            if (!q.args().isEmpty()) {
                throw KubectlException.error("when paths, URLs, or stdin is provided as input, you may not specify "
                        + "resource arguments as well");
            }
            for (Manifests.Manifest m : Manifests.read(ctx.workstation(), q.files(), q.recursive(), ctx.stdin())) {
                fromFile(ctx, q, m, out);
            }
            return new Found(out);
        }
        if (q.args().isEmpty()) {
            throw KubectlException.error(MISSING_RESOURCE);
        }
        List<ResourceArgs.Target> targets = ResourceArgs.parse(q.args());
        boolean named = targets.stream().anyMatch(t -> !t.isList());
        boolean slashForm = q.args().get(0).contains("/");
        if (selector) {
            if (slashForm) {
                throw KubectlException.error("selectors and the all flag cannot be used when passing resource/name arguments");
            }
            if (named) {
                throw KubectlException.error("name cannot be provided when a selector is specified");
            }
            for (ResourceArgs.Target t : targets) {
                list(ctx, q, t.type(), out);
            }
            return new Found(out);
        }
        if (!named) {
            throw KubectlException.error("resource(s) were provided, but no name was specified");
        }
        for (ResourceArgs.Target t : targets) {
            String ns = t.type().namespaced() ? ctx.namespace() : "";
            one(ctx, q.fetch(), t.type(), ns, t.name(), "", out);
        }
        return new Found(out);
    }

    private static void fromFile(KubectlContext ctx, Query q, Manifests.Manifest m, List<Info> out)
            throws KubectlException {
        ObjectNode object = m.object();
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        ResourceType type = ResourceTypes.byKind(apiVersion, kind).orElseThrow(() -> KubectlException.error(
                "resource mapping not found for name: \"" + object.path("metadata").path("name").asText()
                        + "\" namespace: \"" + object.path("metadata").path("namespace").asText() + "\" from \""
                        + m.source() + "\": no matches for kind \"" + kind + "\" in version \"" + apiVersion
                        + "\"\nensure CRDs are installed first"));
        String ns = "";
        if (type.namespaced()) {
            String own = object.path("metadata").path("namespace").asText("");
            if (!own.isEmpty() && ctx.namespaceGiven() && !own.equals(ctx.namespace())) {
                throw KubectlException.error("the namespace from the provided object \"" + own + "\" does not match "
                        + "the namespace \"" + ctx.namespace() + "\". You must pass '--namespace=" + own
                        + "' to perform this operation.");
            }
            ns = own.isEmpty() ? ctx.namespace() : own;
        }
        String name = object.path("metadata").path("name").asText("");
        boolean selector = !q.labelSelector().isEmpty() || !q.fieldSelector().isEmpty();
        one(ctx, q.fetch() || selector, type, ns, name, m.source(), out);
    }

    private static void one(KubectlContext ctx, boolean fetch, ResourceType type, String ns, String name, String source,
                            List<Info> out) {
        if (!fetch) {
            out.add(new Info(type, ns, name, null, source));
            return;
        }
        try {
            ObjectNode object = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.GET, type, ns, name)).body();
            out.add(new Info(type, ns, name, object, source));
        } catch (StatusException e) {
            out.add(new Info(type, ns, name, null, source, e));
        }
    }

    private static void list(KubectlContext ctx, Query q, ResourceType type, List<Info> out) throws KubectlException {
        String ns = !type.namespaced() || q.allNamespaces() ? "" : ctx.namespace();
        RequestOptions options = RequestOptions.DEFAULT.withSelectors(q.labelSelector(), q.fieldSelector());
        ObjectNode list;
        try {
            list = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.LIST, type, ns, "").withOptions(options)).body();
        } catch (StatusException e) {
            throw ServerErrors.of(e);
        }
        for (JsonNode item : list.path("items")) {
            ObjectNode object = (ObjectNode) item;
            object.put("apiVersion", type.apiVersion());
            object.put("kind", type.kind());
            out.add(new Info(type, object.path("metadata").path("namespace").asText(""),
                    object.path("metadata").path("name").asText(), object, ""));
        }
    }
}
