package io.kubelab.kubectl.explain;

import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

/** {@code kubectl explain}: a kind's or field's documentation from the upstream OpenAPI v3 schema. */
public final class ExplainCommand extends Command {

    @Override
    public String name() {
        return "explain";
    }

    @Override
    public String summary() {
        return "Get documentation for a resource";
    }

    @Override
    public String description() {
        return "Describe fields and structure of various resources.\n\n This command describes the fields associated with "
                + "each supported API resource. Fields are identified via a simple JSONPath identifier:\n\n"
                + "        <type>.<fieldName>[.<fieldName>]\n\n Information about each field is retrieved from the "
                + "server in OpenAPI format.\n\nUse \"kubectl api-resources\" for a complete list of supported resources.";
    }

    @Override
    public String usage() {
        return "kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] "
                + "[-o|--output=plaintext|plaintext-openapiv2] [options]";
    }

    @Override
    public String examples() {
        return """
                  # Get the documentation of the resource and its fields
                  kubectl explain pods

                  # Get all the fields in the resource
                  kubectl explain pods --recursive

                  # Get the explanation for deployment in supported api versions
                  kubectl explain deployments --api-version=apps/v1

                  # Get the documentation of a specific field of a resource
                  kubectl explain pods.spec.containers""";
    }

    @Override
    public FlagSet flags() {
        return new FlagSet()
                .add(Flag.string("api-version", "", "", "Use given api-version (group/version) of the resource."))
                .add(Flag.string("output", "o", Explain.PLAINTEXT, "Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2)."))
                .add(Flag.bool("recursive", "", false, "When true, print the name of all the fields recursively. Otherwise, print the available fields with their description."));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        ctx.api();
        ExplainResult result = Explain.run(flags.args(), flags.string("api-version"), flags.bool("recursive"),
                flags.string("output"));
        ctx.out().append(result.stdout());
        ctx.err().append(result.stderr());
        if (result.exitCode() != 0) {
            throw new KubectlException("", result.exitCode());
        }
    }
}
