package io.kubelab.kubectl;

import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.util.TreeSet;

/** {@code kubectl api-versions}: every group/version the server serves, sorted as kubectl sorts strings. */
final class ApiVersionsCommand extends Command {

    @Override
    public String name() {
        return "api-versions";
    }

    @Override
    public String summary() {
        return "Print the supported API versions on the server, in the form of \"group/version\"";
    }

    @Override
    public String usage() {
        return "kubectl api-versions [flags] [options]";
    }

    @Override
    public String examples() {
        return "  # Print the supported API versions\n  kubectl api-versions";
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        boolean metrics = ctx.api().metricsAvailable();
        TreeSet<String> versions = new TreeSet<>();
        for (ResourceType type : ResourceTypes.served()) {
            if (metrics || !type.group().equals("metrics.k8s.io")) {
                versions.add(type.apiVersion());
            }
        }
        versions.forEach(v -> ctx.out().append(v).append('\n'));
    }
}
