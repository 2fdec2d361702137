package io.kubelab.kubectl.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.OutputFlags;
import io.kubelab.kubectl.ServerErrors;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.cli.TabWriter;
import io.kubelab.model.ResourceTypes;

import java.util.ArrayList;
import java.util.List;

/** {@code kubectl auth whoami}: who the API server takes the caller for, from a SelfSubjectReview. */
final class WhoAmICommand extends Command {

    @Override
    public String name() {
        return "whoami";
    }

    @Override
    public String summary() {
        return "Experimental: Check self subject attributes";
    }

    @Override
    public String description() {
        return "Experimental: Check who you are and your attributes (groups, extra).\n\n This command is helpful to get "
                + "yourself aware of the current user attributes, especially when dynamic authentication, e.g., token "
                + "webhook, auth proxy, or OIDC provider, is enabled in the Kubernetes cluster.";
    }

    @Override
    public String usage() {
        return "kubectl auth whoami [flags] [options]";
    }

    @Override
    public String examples() {
        return "  # Get your subject attributes\n  kubectl auth whoami\n\n"
                + "  # Get your subject attributes in JSON format\n  kubectl auth whoami -o json";
    }

    @Override
    public FlagSet flags() {
        return OutputFlags.add(new FlagSet());
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        ObjectNode review = JsonNodeFactory.instance.objectNode();
        review.put("apiVersion", "authentication.k8s.io/v1").put("kind", "SelfSubjectReview");
        review.putObject("metadata").putNull("creationTimestamp");
        ObjectNode answer;
        try {
            answer = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.CREATE,
                    ResourceTypes.of("authentication.k8s.io/v1", "SelfSubjectReview"), "", "").withBody(review)).body();
        } catch (StatusException e) {
            throw ServerErrors.of(e);
        }
        if (!flags.string(OutputFlags.OUTPUT).isEmpty()) {
            OutputFlags.print(ctx, flags, List.of(answer), "");
            return;
        }
        JsonNode user = answer.path("status").path("userInfo");
        TabWriter table = new TabWriter().row("ATTRIBUTE", "VALUE").row("Username", user.path("username").asText());
        if (!user.path("uid").asText("").isEmpty()) {
            table.row("UID", user.path("uid").asText());
        }
        List<String> groups = new ArrayList<>();
        user.path("groups").forEach(g -> groups.add(g.asText()));
        if (!groups.isEmpty()) {
            table.row("Groups", "[" + String.join(" ", groups) + "]");
        }
        ctx.out().append(table.flush());
    }
}
