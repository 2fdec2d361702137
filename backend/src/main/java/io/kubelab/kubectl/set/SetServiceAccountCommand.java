package io.kubelab.kubectl.set;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

import java.util.List;

/** {@code kubectl set serviceaccount}: sets {@code serviceAccountName} in pod templates. */
public final class SetServiceAccountCommand extends PodSpecCommand {

    @Override
    public String name() {
        return "serviceaccount";
    }

    @Override
    public List<String> aliases() {
        return List.of("sa");
    }

    @Override
    public String summary() {
        return "Update the service account of a resource";
    }

    @Override
    public String usage() {
        return "kubectl set serviceaccount (-f FILENAME | TYPE NAME) SERVICE_ACCOUNT [options]";
    }

    @Override
    public String description() {
        return """
                Update the service account of pod template resources.

                 Possible resources (case insensitive) can be:

                 replicationcontroller (rc), deployment (deploy), daemonset (ds), job, replicaset (rs), statefulset""";
    }

    @Override
    public String examples() {
        return """
                  # Run the pods of the deployment web as the service account robot
                  kubectl set serviceaccount deployment web robot""";
    }

    @Override
    public FlagSet flags() {
        FlagSet flags = templateFlags("Filename, directory, or URL to files identifying the resource to get from a server.");
        FlagSet out = new FlagSet();
        // kubectl's set serviceaccount has no -l.
        flags.flags().stream().filter(f -> !f.name().equals(SELECTOR)).forEach(out::add);
        return out;
    }

    @Override
    protected boolean selects() {
        return false;
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        List<String> args = flags.args();
        if (args.isEmpty()) {
            throw KubectlException.usageHelp(ctx.commandPath(), "serviceaccount is required");
        }
        String account = args.get(args.size() - 1);
        var infos = objects(ctx, flags, args.subList(0, args.size() - 1));
        update(ctx, flags, infos, (spec, errors) -> {
            ObjectNode patch = JsonNodeFactory.instance.objectNode();
            if (!spec.path("serviceAccountName").asText().equals(account)) {
                spec.put("serviceAccountName", account);
                patch.put("serviceAccountName", account);
            }
            return patch;
        }, "serviceaccount updated", "failed to patch ServiceAccountName");
    }
}
