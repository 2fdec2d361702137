package io.kubelab.kubectl.top;

import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

/** What {@code top node} and {@code top pod} share: three flags, and the checks both make before reading metrics. */
final class TopFlags {

    private TopFlags() {
    }

    /** {@code --selector}, {@code --sort-by} (worded for {@code objects}: "nodes", "pods") and {@code --use-protocol-buffers}. */
    static FlagSet shared(String objects) {
        return new FlagSet()
                .add(Flag.string("selector", "l", "", "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints."))
                .add(Flag.string("sort-by", "", "", "If non-empty, sort " + objects + " list using specified field. The field can be either 'cpu' or 'memory'."))
                .add(Flag.bool("use-protocol-buffers", "", true, "Enables using protocol-buffers to access Metrics API."));
    }

    /** {@code --sort-by}, checked first as kubectl's Validate does: empty, {@code cpu} or {@code memory}. */
    static String sortBy(ParsedFlags flags) throws KubectlException {
        String sortBy = flags.string("sort-by");
        if (!sortBy.isEmpty() && !sortBy.equals("cpu") && !sortBy.equals("memory")) {
            throw KubectlException.error("--sort-by accepts only cpu or memory");
        }
        return sortBy;
    }

    /** The one optional NAME argument ({@code ""} when none); more is a usage error. */
    static String name(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        if (flags.args().size() > 1) {
            throw KubectlException.usageHelp(ctx.commandPath(), "Unexpected args: " + flags.args());
        }
        return flags.args().isEmpty() ? "" : flags.args().get(0);
    }
}
