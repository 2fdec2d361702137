package io.kubelab.kubectl.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.cli.TabWriter;

import java.util.ArrayList;
import java.util.List;

/** {@code kubectl config get-contexts}: the contexts as a table, the current one starred. */
final class GetContextsCommand extends ConfigSub {

    @Override
    public String name() {
        return "get-contexts";
    }

    @Override
    public String summary() {
        return "Describe one or many contexts";
    }

    @Override
    public String description() {
        return "Display one or many contexts from the kubeconfig file.";
    }

    @Override
    public String usage() {
        return "kubectl config get-contexts [(-o|--output=)name)] [options]";
    }

    @Override
    public String examples() {
        return "  # List all the contexts in your kubeconfig file\n  kubectl config get-contexts\n\n"
                + "  # Describe one context in your kubeconfig file\n  kubectl config get-contexts my-context";
    }

    @Override
    public FlagSet flags() {
        return new FlagSet()
                .add(Flag.bool("no-headers", "", false, "When using the default or custom-column output format, don't print headers (default print headers)."))
                .add(Flag.string("output", "o", "", "Output format. One of: (name)."));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        String output = flags.string("output");
        if (!output.isEmpty() && !output.equals("name")) {
            throw KubectlException.error("output must be one of '' or 'name': " + output);
        }
        ConfigFile file = ConfigFile.of(ctx);
        List<String> names = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : flags.args().isEmpty() ? file.names(ConfigFile.CONTEXTS) : flags.args()) {
            if (file.entry(ConfigFile.CONTEXTS, name).isEmpty()) {
                missing.add("context " + name + " not found");
            } else {
                names.add(name);
            }
        }
        if (output.equals("name")) {
            names.forEach(n -> ctx.out().append(n).append('\n'));
            notFound(missing);
            return;
        }
        TabWriter table = new TabWriter();
        if (!flags.bool("no-headers")) {
            table.row("CURRENT", "NAME", "CLUSTER", "AUTHINFO", "NAMESPACE");
        }
        for (String name : names) {
            JsonNode context = file.entry(ConfigFile.CONTEXTS, name).get().path("context");
            table.row(name.equals(file.currentContext()) ? "*" : "", name, context.path("cluster").asText(""),
                    context.path("user").asText(""), context.path("namespace").asText(""));
        }
        ctx.out().append(table.flush());
        notFound(missing);
    }

    /** The contexts found are printed first; the missing ones are then kubectl's aggregate error. */
    private static void notFound(List<String> missing) throws KubectlException {
        if (missing.size() == 1) {
            throw KubectlException.error(missing.get(0));
        }
        if (!missing.isEmpty()) {
            throw new KubectlException(String.join("\n", missing) + "\n", 1);
        }
    }
}
