package io.kubelab.kubectl.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.ServerErrors;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.util.List;

/**
 * {@code kubectl auth can-i VERB RESOURCE}: a SelfSubjectAccessReview (or, with {@code --list}, a
 * SelfSubjectRulesReview) for the current user or the one {@code --as} impersonates; {@code yes} exits 0,
 * {@code no} exits 1.
 */
final class CanICommand extends Command {

    @Override
    public String name() {
        return "can-i";
    }

    @Override
    public String summary() {
        return "Check whether an action is allowed";
    }

    @Override
    public String description() {
        return "Check whether an action is allowed.\n\n VERB is a logical Kubernetes API verb like 'get', 'list', 'watch', "
                + "'delete', etc. TYPE is a Kubernetes resource. Shortcuts and groups will be resolved. NONRESOURCEURL "
                + "is a partial URL that starts with \"/\". NAME is the name of a particular Kubernetes resource. This "
                + "command pairs nicely with impersonation. See --as global flag.";
    }

    @Override
    public String usage() {
        return "kubectl auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL] [options]";
    }

    @Override
    public String examples() {
        return """
                  # Check to see if I can create pods in any namespace
                  kubectl auth can-i create pods --all-namespaces

                  # Check to see if I can list deployments in my current namespace
                  kubectl auth can-i list deployments.apps

                  # Check to see if service account "foo" of namespace "dev" can list pods in the namespace "prod"
                  kubectl auth can-i list pods --as=system:serviceaccount:dev:foo -n prod

                  # Check to see if I can read pod logs
                  kubectl auth can-i get pods --subresource=log

                  # List all allowed actions in namespace "foo"
                  kubectl auth can-i --list --namespace=foo""";
    }

    @Override
    public FlagSet flags() {
        return new FlagSet()
                .add(Flag.bool("all-namespaces", "A", false, "If true, check the specified action in all namespaces."))
                .add(Flag.bool("list", "", false, "If true, prints all allowed actions."))
                .add(Flag.bool("no-headers", "", false, "If true, prints allowed actions without headers"))
                .add(Flag.bool("quiet", "q", false, "If true, suppress output and just return the exit code."))
                .add(Flag.string("subresource", "", "", "SubResource such as pod/log or deployment/scale"));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        if (flags.bool("list")) {
            if (!flags.args().isEmpty()) {
                throw KubectlException.error("list option must be specified with no arguments");
            }
            RulesList.print(ctx, flags);
            return;
        }
        List<String> args = flags.args();
        if (args.size() != 2) {
            // kubectl ends this usage error with a full stop, unlike its others.
            throw new KubectlException("error: you must specify two arguments: verb resource or verb "
                    + "resource/resourceName.\nSee '" + ctx.commandPath() + " -h' for help and examples.\n", 1);
        }
        String verb = args.get(0);
        ObjectNode spec = JsonNodeFactory.instance.objectNode();
        String target = args.get(1);
        if (target.startsWith("/")) {
            spec.putObject("nonResourceAttributes").put("path", target).put("verb", verb);
        } else {
            ObjectNode attributes = spec.putObject("resourceAttributes");
            String resource = target;
            String name = "";
            if (target.contains("/")) {
                resource = target.substring(0, target.indexOf('/'));
                name = target.substring(target.indexOf('/') + 1);
            }
            attributes.put("namespace", flags.bool("all-namespaces") ? "" : ctx.namespace()).put("verb", verb);
            resolve(ctx, attributes, resource, !flags.bool("all-namespaces"));
            if (!flags.string("subresource").isEmpty()) {
                attributes.put("subresource", flags.string("subresource"));
            }
            if (!name.isEmpty()) {
                attributes.put("name", name);
            }
        }
        ObjectNode review = JsonNodeFactory.instance.objectNode();
        review.put("apiVersion", "authorization.k8s.io/v1").put("kind", "SelfSubjectAccessReview");
        review.putObject("metadata").putNull("creationTimestamp");
        review.set("spec", spec);
        JsonNode status;
        try {
            status = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.CREATE,
                    ResourceTypes.of("authorization.k8s.io/v1", "SelfSubjectAccessReview"), "", "").withBody(review))
                    .body().path("status");
        } catch (StatusException e) {
            throw ServerErrors.of(e);
        }
        boolean allowed = status.path("allowed").asBoolean();
        if (!flags.bool("quiet")) {
            if (allowed) {
                ctx.out().append("yes\n");
            } else {
                ctx.out().append("no");
                if (!status.path("reason").asText("").isEmpty()) {
                    ctx.out().append(" - ").append(status.path("reason").asText());
                }
                if (!status.path("evaluationError").asText("").isEmpty()) {
                    ctx.out().append(" - ").append(status.path("evaluationError").asText());
                }
                ctx.out().append('\n');
            }
        }
        if (!allowed) {
            throw new KubectlException("", 1);
        }
    }

    /** Resolves a resource word as kubectl's RESTMapper would; an unknown one is checked as typed, with a warning. */
    private static void resolve(KubectlContext ctx, ObjectNode attributes, String word, boolean inNamespace) {
        if (word.equals("*")) {
            attributes.put("resource", "*");
            return;
        }
        List<ResourceType> found = ResourceTypes.lookup(word);
        if (found.isEmpty()) {
            ctx.err().append("Warning: the server doesn't have a resource type '").append(word).append("'\n\n");
            int dot = word.indexOf('.');
            attributes.put("group", dot < 0 ? "" : word.substring(dot + 1));
            attributes.put("resource", dot < 0 ? word : word.substring(0, dot));
            return;
        }
        ResourceType type = found.get(0);
        if (inNamespace && !type.namespaced()) {
            // kubectl's namespace is never empty (it defaults to "default"), so this shows unless -A is given.
            ctx.err().append("Warning: resource '").append(type.resource()).append("' is not namespace scoped\n\n");
        }
        attributes.put("group", type.group()).put("resource", type.resource());
    }
}
