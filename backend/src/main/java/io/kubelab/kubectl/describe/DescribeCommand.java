package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.Command;
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

/**
 * {@code kubectl describe}: objects by name (or, when no object has that name, every object whose name
 * starts with it), by selector, or from files, each described in kubectl's layout, separated by a blank
 * line as kubectl separates them.
 */
public final class DescribeCommand extends Command {

    private record Found(ResourceType type, ObjectNode object) {
    }

    @Override
    public String name() {
        return "describe";
    }

    @Override
    public String summary() {
        return "Show details of a specific resource or group of resources";
    }

    @Override
    public String description() {
        return "Show details of a specific resource or group of resources.\n\n Print a detailed description of the "
                + "selected resources, including related resources such as events or controllers. You may select a "
                + "single object by name, all objects of that type, provide a name prefix, or label selector. For "
                + "example:\n\n        $ kubectl describe TYPE NAME_PREFIX\n\n will first check for an exact match on "
                + "TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that "
                + "has a name prefixed with NAME_PREFIX.\n\nUse \"kubectl api-resources\" for a complete list of "
                + "supported resources.";
    }

    @Override
    public String usage() {
        return "kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]";
    }

    @Override
    public String examples() {
        return """
                  # Describe a node
                  kubectl describe nodes kubernetes-node-emt8.c.myproject.internal

                  # Describe a pod
                  kubectl describe pods/nginx

                  # Describe pods by label name=myLabel
                  kubectl describe pods -l name=myLabel

                  # Describe all pods
                  kubectl describe pods""";
    }

    @Override
    public FlagSet flags() {
        return new FlagSet()
                .add(Flag.bool("all-namespaces", "A", false, "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace."))
                .add(Flag.int64("chunk-size", "", 500, "Return large lists in chunks rather than all at once. Pass 0 to disable."))
                .add(Flag.stringSlice("filename", "f", "Filename, directory, or URL to files containing the resource to describe"))
                .add(Flag.string("kustomize", "k", "", "Process the kustomization directory. This flag can't be used together with -f or -R."))
                .add(Flag.bool("recursive", "R", false, "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."))
                .add(Flag.string("selector", "l", "", "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints."))
                .add(Flag.bool("show-events", "", true, "If true, display events related to the described object."));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        List<String> args = flags.args();
        List<String> files = flags.strings("filename");
        if (args.isEmpty() && files.isEmpty()) {
            throw KubectlException.error("You must specify the type of resource to describe. Use \"kubectl api-resources\" "
                    + "for a complete list of supported resources.");
        }
        boolean all = flags.bool("all-namespaces");
        List<Found> found = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Manifests.Manifest m : Manifests.read(ctx.workstation(), files, flags.bool("recursive"), ctx.stdin())) {
            ResourceType type = ResourceTypes.of(m.object().path("apiVersion").asText(), m.object().path("kind").asText());
            String ns = m.object().path("metadata").path("namespace").asText("");
            get(ctx, type, ns.isEmpty() ? ctx.namespace() : ns, m.object().path("metadata").path("name").asText(),
                    found, errors);
        }
        List<ResourceArgs.Target> targets = ResourceArgs.parse(args);
        for (ResourceArgs.Target t : targets) {
            String ns = !t.type().namespaced() ? "" : all ? "" : ctx.namespace();
            if (t.name() == null) {
                list(ctx, t.type(), ns, flags.string("selector"), found, errors);
                continue;
            }
            int before = errors.size();
            get(ctx, t.type(), ns, t.name(), found, errors);
            boolean notFound = errors.size() > before && errors.get(errors.size() - 1).contains("(NotFound)");
            if (notFound && args.size() == 2 && !args.get(0).contains("/")) {
                List<Found> prefixed = new ArrayList<>();
                list(ctx, t.type(), ns, "", prefixed, new ArrayList<>());
                prefixed.removeIf(f -> !f.object().path("metadata").path("name").asText().startsWith(t.name()));
                if (!prefixed.isEmpty()) {
                    errors.remove(errors.size() - 1);
                    found.addAll(prefixed);
                }
            }
        }
        DescribeContext describe = new DescribeContext(ctx.api(), ctx.user(), ctx.now(), flags.bool("show-events"),
                (int) flags.integer("chunk-size"));
        boolean first = true;
        for (Found f : found) {
            String text = Describers.describe(describe, f.type(), f.object());
            ctx.out().append(first ? "" : "\n\n").append(text);
            first = false;
        }
        if (found.isEmpty() && errors.isEmpty()) {
            ctx.err().append(all ? "No resources found\n" : "No resources found in " + ctx.namespace() + " namespace.\n");
        }
        if (!errors.isEmpty()) {
            throw new KubectlException(String.join("", errors), 1);
        }
    }

    private static void get(KubectlContext ctx, ResourceType type, String ns, String name, List<Found> found,
                            List<String> errors) {
        try {
            found.add(new Found(type, ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.GET, type, ns, name))
                    .body()));
        } catch (StatusException e) {
            errors.add(ServerErrors.text(e.status()));
        }
    }

    private static void list(KubectlContext ctx, ResourceType type, String ns, String selector, List<Found> found,
                             List<String> errors) {
        try {
            ObjectNode list = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.LIST, type, ns, "")
                    .withOptions(RequestOptions.DEFAULT.withSelectors(selector, ""))).body();
            for (JsonNode item : list.path("items")) {
                ObjectNode typed = ((ObjectNode) item).deepCopy();
                typed.put("apiVersion", type.apiVersion()).put("kind", type.kind());
                found.add(new Found(type, typed));
            }
        } catch (StatusException e) {
            errors.add(ServerErrors.listText(e.status(), type, selector, ""));
        }
    }
}
