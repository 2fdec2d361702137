package io.kubelab.kubectl.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.ServerErrors;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.resource.Manifests;
import io.kubelab.kubectl.resource.ResourceArgs;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.util.ArrayList;
import java.util.List;

/** The objects a rollout subcommand acts on: {@code TYPE NAME}, {@code TYPE/NAME}, a type with {@code -l}, or {@code -f}. */
final class Targets {

    record Target(ResourceType type, ObjectNode object) {
        String name() {
            return object.path("metadata").path("name").asText();
        }

        String namespace() {
            return object.path("metadata").path("namespace").asText();
        }
    }

    private Targets() {
    }

    static FlagSet common(FlagSet flags) {
        return flags
                .add(Flag.stringSlice("filename", "f", "Filename, directory, or URL to files identifying the resource to get from a server."))
                .add(Flag.string("kustomize", "k", "", "Process the kustomization directory. This flag can't be used together with -f or -R."))
                .add(Flag.bool("recursive", "R", false, "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."))
                .add(Flag.string("selector", "l", "", "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints."));
    }

    static List<Target> resolve(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        List<Target> out = new ArrayList<>();
        List<String> files = flags.strings("filename");
        if (flags.args().isEmpty() && files.isEmpty()) {
            throw KubectlException.error("required resource not specified");
        }
        try {
            for (Manifests.Manifest m : Manifests.read(ctx.workstation(), files, flags.bool("recursive"), ctx.stdin())) {
                ResourceType type = ResourceTypes.of(m.object().path("apiVersion").asText(), m.object().path("kind").asText());
                String ns = m.object().path("metadata").path("namespace").asText("");
                out.add(new Target(type, get(ctx, type, ns.isEmpty() ? ctx.namespace() : ns,
                        m.object().path("metadata").path("name").asText())));
            }
            String selector = flags.string("selector");
            for (ResourceArgs.Target t : ResourceArgs.parse(flags.args())) {
                String ns = t.type().namespaced() ? ctx.namespace() : "";
                if (t.name() != null) {
                    out.add(new Target(t.type(), get(ctx, t.type(), ns, t.name())));
                    continue;
                }
                ObjectNode list = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.LIST, t.type(), ns, "")
                        .withOptions(RequestOptions.DEFAULT.withSelectors(selector, ""))).body();
                for (JsonNode item : list.path("items")) {
                    out.add(new Target(t.type(), (ObjectNode) item));
                }
            }
        } catch (StatusException e) {
            throw ServerErrors.of(e);
        }
        return out;
    }

    static ObjectNode get(KubectlContext ctx, ResourceType type, String namespace, String name) {
        return ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.GET, type, namespace, name)).body();
    }

    /** {@code deployment.apps/web}. */
    static String display(Target t) {
        return ResourceArgs.kindPrefix(t.type()) + "/" + t.name();
    }

    /** {@code deployments.apps "web"}, as Kubernetes names an object in an error. */
    static String quoted(Target t) {
        return t.type().groupResource() + " \"" + t.name() + "\"";
    }

    static boolean isKind(Target t, String kind) {
        return t.type().group().equals("apps") && t.type().kind().equals(kind);
    }
}
