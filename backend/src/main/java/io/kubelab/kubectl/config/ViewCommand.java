package io.kubelab.kubectl.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.ObjectFormats;
import io.kubelab.kubectl.OutputFlags;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.print.JsonPrinter;

import java.util.List;

/**
 * {@code kubectl config view}: the kubeconfig with certificate data shown as {@code DATA+OMITTED} and
 * secrets as {@code REDACTED} unless {@code --raw}; {@code --minify} keeps what the current context uses.
 */
final class ViewCommand extends ConfigSub {

    private static final List<String> DATA = List.of("certificate-authority-data", "client-certificate-data",
            "client-key-data");
    private static final List<String> SECRETS = List.of("token", "password");

    @Override
    public String name() {
        return "view";
    }

    @Override
    public String summary() {
        return "Display merged kubeconfig settings or a specified kubeconfig file";
    }

    @Override
    public String description() {
        return "Display merged kubeconfig settings or a specified kubeconfig file.\n\n You can use --output jsonpath={...} "
                + "to extract specific values using a jsonpath expression.";
    }

    @Override
    public String usage() {
        return "kubectl config view [flags] [options]";
    }

    @Override
    public String examples() {
        return """
                  # Show merged kubeconfig settings
                  kubectl config view

                  # Show merged kubeconfig settings, raw certificate data, and exposed secrets
                  kubectl config view --raw

                  # Get the password for the e2e user
                  kubectl config view -o jsonpath='{.users[?(@.name == "e2e")].user.password}'""";
    }

    @Override
    public FlagSet flags() {
        FlagSet flags = new FlagSet()
                .add(Flag.bool("flatten", "", false, "Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)"))
                .add(Flag.bool("merge", "", true, "Merge the full hierarchy of kubeconfig files"))
                .add(Flag.bool("minify", "", false, "Remove all information not used by current-context from the output"))
                .add(Flag.bool("raw", "", false, "Display raw byte data and sensitive data"));
        OutputFlags.add(flags);
        return flags.add(Flag.string(OutputFlags.OUTPUT, "o", "yaml", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        ObjectNode config = ConfigFile.normalized(ConfigFile.of(ctx).tree());
        if (flags.bool("minify")) {
            // kubectl minifies around the --context given on the command line when there is one.
            String context = flags.string("context");
            if (!context.isEmpty()) {
                config.put("current-context", context);
            }
            minify(config);
        }
        if (!flags.bool("raw")) {
            redact(config);
        }
        String output = flags.string(OutputFlags.OUTPUT);
        if (output.equals("json")) {
            ctx.out().append(JsonPrinter.printInOrder(ConfigStructOrder.of(config)));
            return;
        }
        ctx.out().append(ObjectFormats.print(ctx, output, flags, List.of(config), true));
    }

    private static void minify(ObjectNode config) throws KubectlException {
        String current = config.path("current-context").asText("");
        if (current.isEmpty()) {
            throw KubectlException.error("current-context must exist in order to minify");
        }
        JsonNode context = find(config, ConfigFile.CONTEXTS, current);
        if (context == null) {
            throw KubectlException.error("cannot locate context " + current);
        }
        keep(config, ConfigFile.CONTEXTS, current);
        keep(config, ConfigFile.CLUSTERS, context.path("context").path("cluster").asText());
        keep(config, ConfigFile.USERS, context.path("context").path("user").asText());
    }

    private static JsonNode find(ObjectNode config, String list, String name) {
        for (JsonNode e : config.path(list)) {
            if (e.path("name").asText().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static void keep(ObjectNode config, String list, String name) {
        JsonNode found = find(config, list, name);
        if (found == null) {
            config.putNull(list);
            return;
        }
        ArrayNode only = config.putArray(list);
        only.add(found);
    }

    private static void redact(ObjectNode config) {
        for (String list : List.of(ConfigFile.CLUSTERS, ConfigFile.USERS)) {
            for (JsonNode entry : config.path(list)) {
                JsonNode body = entry.path(ConfigFile.field(list));
                if (!body.isObject()) {
                    continue;
                }
                for (String key : DATA) {
                    if (body.has(key)) {
                        ((ObjectNode) body).put(key, "DATA+OMITTED");
                    }
                }
                for (String key : SECRETS) {
                    if (body.has(key)) {
                        ((ObjectNode) body).put(key, "REDACTED");
                    }
                }
            }
        }
    }
}
