package io.kubelab.kubectl;

import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.cli.TabWriter;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code kubectl api-resources}: the served resources (subresources left out), sorted by API group as
 * kubectl sorts them, filtered by {@code --namespaced}, {@code --api-group}, {@code --verbs},
 * {@code --categories}; {@code -o wide} adds VERBS and CATEGORIES, {@code -o name} prints
 * {@code resource.group}.
 */
final class ApiResourcesCommand extends Command {

    @Override
    public String name() {
        return "api-resources";
    }

    @Override
    public String summary() {
        return "Print the supported API resources on the server";
    }

    @Override
    public String usage() {
        return "kubectl api-resources [flags] [options]";
    }

    @Override
    public String examples() {
        return """
                  # Print the supported API resources
                  kubectl api-resources

                  # Print the supported API resources with more information
                  kubectl api-resources -o wide

                  # Print the supported API resources sorted by a column
                  kubectl api-resources --sort-by=name

                  # Print the supported namespaced resources
                  kubectl api-resources --namespaced=true

                  # Print the supported non-namespaced resources
                  kubectl api-resources --namespaced=false

                  # Print the supported API resources with a specific APIGroup
                  kubectl api-resources --api-group=rbac.authorization.k8s.io""";
    }

    @Override
    public FlagSet flags() {
        return new FlagSet()
                .add(Flag.string("api-group", "", "", "Limit to resources in the specified API group."))
                .add(Flag.bool("cached", "", false, "Use the cached list of resources if available."))
                .add(Flag.stringSlice("categories", "", "Limit to resources that belong to the specified categories."))
                .add(Flag.bool("namespaced", "", true, "If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default."))
                .add(Flag.bool("no-headers", "", false, "When using the default or custom-column output format, don't print headers (default print headers)."))
                .add(Flag.string("output", "o", "", "Output format. One of: (wide, name)."))
                .add(Flag.string("sort-by", "", "", "If non-empty, sort list of resources using specified field. One of (name, kind)."))
                .add(Flag.stringSlice("verbs", "", "Limit to resources that support the specified verbs."));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        if (!flags.args().isEmpty()) {
            throw KubectlException.usageHelp(ctx.commandPath(),
                    "unexpected arguments: [" + String.join(" ", flags.args()) + "]");
        }
        String output = flags.string("output");
        if (!output.isEmpty() && !output.equals("wide") && !output.equals("name")) {
            throw KubectlException.error("--output " + output + " is not available");
        }
        String sortBy = flags.string("sort-by");
        if (!sortBy.isEmpty() && !sortBy.equals("name") && !sortBy.equals("kind")) {
            throw KubectlException.error("--sort-by accepts only name or kind");
        }
        boolean metrics = ctx.api().metricsAvailable();
        List<ResourceType> types = new ArrayList<>();
        for (ResourceType type : ResourceTypes.all()) {
            // The aggregator leaves an unavailable APIService (metrics-server starting) out of discovery.
            if (selected(type, flags) && (metrics || !type.group().equals("metrics.k8s.io"))) {
                types.add(type);
            }
        }
        Comparator<ResourceType> order = switch (sortBy) {
            case "name" -> Comparator.comparing(ResourceType::resource);
            case "kind" -> Comparator.comparing(ResourceType::kind);
            default -> Comparator.comparing(ResourceType::group).thenComparing(ResourceType::resource);
        };
        types.sort(order);
        if (output.equals("name")) {
            types.forEach(t -> ctx.out().append(t.groupResource()).append('\n'));
            return;
        }
        boolean wide = output.equals("wide");
        TabWriter table = new TabWriter();
        if (!flags.bool("no-headers")) {
            table.row(wide ? new String[]{"NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND", "VERBS", "CATEGORIES"}
                    : new String[]{"NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"});
        }
        for (ResourceType t : types) {
            String shortNames = String.join(",", t.shortNames());
            if (wide) {
                table.row(t.resource(), shortNames, t.apiVersion(), Boolean.toString(t.namespaced()), t.kind(),
                        String.join(",", t.verbs()), String.join(",", t.categories()));
            } else {
                table.row(t.resource(), shortNames, t.apiVersion(), Boolean.toString(t.namespaced()), t.kind());
            }
        }
        ctx.out().append(table.flush());
    }

    private static boolean selected(ResourceType type, ParsedFlags flags) {
        if (flags.changed("namespaced") && type.namespaced() != flags.bool("namespaced")) {
            return false;
        }
        if (flags.changed("api-group") && !type.group().equals(flags.string("api-group"))) {
            return false;
        }
        for (String verb : flags.strings("verbs")) {
            if (!type.verbs().contains(verb)) {
                return false;
            }
        }
        for (String category : flags.strings("categories")) {
            if (!type.categories().contains(category)) {
                return false;
            }
        }
        return true;
    }
}
