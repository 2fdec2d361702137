package io.kubelab.kubectl.drain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.OutputFlags;
import io.kubelab.kubectl.ServerErrors;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.DryRun;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.util.ArrayList;
import java.util.List;

/**
 * What cordon, uncordon and drain share (kubectl's DrainCmdOptions): the nodes named or selected, and
 * marking them (un)schedulable with a strategic merge patch of {@code spec.unschedulable}.
 */
final class Nodes {

    static final ResourceType NODES = ResourceTypes.of("v1", "Node");
    static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    static final String SELECTOR = "selector";

    private Nodes() {
    }

    /** The nodes of the arguments or of {@code -l}, read through the API server; kubectl stops at the first error. */
    static List<ObjectNode> find(KubectlContext ctx, ParsedFlags flags, String use) throws KubectlException {
        List<String> args = flags.args();
        String selector = flags.string(SELECTOR);
        if (args.isEmpty() && !flags.changed(SELECTOR)) {
            throw KubectlException.usageHelp(ctx.commandPath(), "USAGE: " + use + " [flags]");
        }
        if (!args.isEmpty() && !selector.isEmpty()) {
            throw KubectlException.usageHelp(ctx.commandPath(), "error: cannot specify both a node name and a --selector option");
        }
        List<ObjectNode> out = new ArrayList<>();
        try {
            if (!selector.isEmpty()) {
                JsonNode list = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.LIST, NODES, "", "")
                        .withOptions(RequestOptions.DEFAULT.withSelectors(selector, ""))).body();
                for (JsonNode item : list.path("items")) {
                    ObjectNode node = (ObjectNode) item;
                    node.put("apiVersion", "v1").put("kind", "Node");
                    out.add(node);
                }
            }
            for (String arg : args) {
                String name = arg.contains("/") ? arg.substring(arg.indexOf('/') + 1) : arg;
                out.add(ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.GET, NODES, "", name)).body());
            }
        } catch (StatusException e) {
            throw ServerErrors.of(e);
        }
        return out;
    }

    /**
     * kubectl's RunCordonOrUncordon: each node marked (or said to be already), a failure printed and the
     * next node tried; the command itself never fails here.
     */
    static void cordon(KubectlContext ctx, List<ObjectNode> nodes, boolean desired, DryRun dryRun) {
        String word = desired ? "cordon" : "uncordon";
        for (ObjectNode node : nodes) {
            boolean current = node.path("spec").path("unschedulable").asBoolean(false);
            if (current == desired) {
                print(ctx, node, "already " + word + "ed" + dryRun.suffix());
                continue;
            }
            if (dryRun != DryRun.CLIENT) {
                ObjectNode patch = JsonNodeFactory.instance.objectNode();
                if (desired) {
                    patch.putObject("spec").put("unschedulable", true);
                } else {
                    patch.putObject("spec").putNull("unschedulable");
                }
                try {
                    ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.PATCH, NODES, "",
                            node.path("metadata").path("name").asText()).withPatch(ApiRequest.PatchType.STRATEGIC, patch)
                            .withOptions(RequestOptions.DEFAULT.withDryRun(dryRun == DryRun.SERVER)));
                } catch (StatusException e) {
                    ctx.err().append("error: unable to ").append(word).append(" node \"")
                            .append(node.path("metadata").path("name").asText()).append("\": ")
                            .append(e.status().message()).append('\n');
                    continue;
                }
            }
            print(ctx, node, word + "ed" + dryRun.suffix());
        }
    }

    /** The name printer's line: {@code node/node01 cordoned}. */
    static void print(KubectlContext ctx, ObjectNode object, String operation) {
        ctx.out().append(OutputFlags.name(object)).append(' ').append(operation).append('\n');
    }
}
