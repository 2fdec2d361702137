package io.kubelab.kubectl.wait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.OutputFlags;
import io.kubelab.kubectl.ServerErrors;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.mutate.TargetObjects;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code kubectl wait}: waits, in simulated time, until each selected object meets {@code --for}
 * ({@link Condition}), printing {@code pod/web condition met}; the objects share one {@code --timeout}.
 */
public final class WaitCommand extends Command {

    static final String ALL = "all";
    static final String ALL_NAMESPACES = "all-namespaces";
    static final String FIELD_SELECTOR = "field-selector";
    static final String FILENAME = "filename";
    static final String FOR = "for";
    static final String RECURSIVE = "recursive";
    static final String SELECTOR = "selector";
    static final String TIMEOUT = "timeout";
    static final String MET = "condition met";

    @Override
    public String name() {
        return "wait";
    }

    @Override
    public String summary() {
        return "Experimental: Wait for a specific condition on one or many resources";
    }

    @Override
    public String usage() {
        return "kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) "
                + "[--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]";
    }

    @Override
    public String description() {
        return """
                Experimental: Wait for a specific condition on one or many resources.

                 The command takes multiple resources and waits until the specified condition is seen in the \
                Status field of every given resource.

                 Alternatively, the command can wait for the given set of resources to be created or deleted by \
                providing the "create" or "delete" keyword as the value to the --for flag.

                 A successful message will be printed to stdout indicating when the specified condition has been \
                met. You can use -o option to change to output destination.""";
    }

    @Override
    public String examples() {
        return """
                  # Wait for the pod web to be Ready
                  kubectl wait --for=condition=Ready pod/web

                  # Wait for the pod web to run
                  kubectl wait --for=jsonpath='{.status.phase}'=Running pod/web

                  # Wait for the deployment web to become unavailable
                  kubectl wait --for=condition=Available=false deployment/web

                  # Wait at most a minute for the pod web to be deleted
                  kubectl wait --for=delete pod/web --timeout=60s""";
    }

    @Override
    public FlagSet flags() {
        return OutputFlags.add(new FlagSet()
                .add(Flag.bool(ALL, "", false, "Select all resources in the namespace of the specified resource types"))
                .add(Flag.bool(ALL_NAMESPACES, "A", false, "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace."))
                .add(Flag.string(FIELD_SELECTOR, "", "", "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type."))
                .add(Flag.stringSlice(FILENAME, "f", "identifying the resource."))
                .add(Flag.string(FOR, "", "", "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true. Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity."))
                .add(Flag.bool("local", "", false, "If true, annotation will NOT contact api-server but run locally."))
                .add(Flag.bool(RECURSIVE, "R", true, "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."))
                .add(Flag.string(SELECTOR, "l", "", "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)"))
                .add(Flag.duration(TIMEOUT, "", "30s", "The length of time to wait before giving up. Zero means check once and don't wait, negative means wait for a week.")));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        Condition condition = Condition.parse(flags.string(FOR));
        Duration timeout = flags.duration(TIMEOUT);
        if (timeout.isNegative()) {
            timeout = Duration.ofHours(168);
        }
        boolean waitingForDelete = condition.kind() == Condition.Kind.DELETE;
        boolean waitingForCreate = condition.kind() == Condition.Kind.CREATE;
        TargetObjects.Found found = TargetObjects.find(ctx, new TargetObjects.Query(flags.args(), flags.string(SELECTOR),
                flags.string(FIELD_SELECTOR), false, flags.bool(ALL), flags.bool(ALL_NAMESPACES),
                flags.strings(FILENAME), flags.bool(RECURSIVE), true));
        Instant deadline = ctx.now().plus(timeout);
        int visited = 0;
        for (TargetObjects.Info info : found.entries()) {
            if (info.failed()) {
                boolean notFound = info.failure().status().code() == 404;
                if (notFound && waitingForDelete) {
                    continue;
                }
                if (!(notFound && waitingForCreate)) {
                    throw ServerErrors.of(info.failure());
                }
            }
            visited++;
            Duration left = Duration.between(ctx.now(), deadline);
            ObjectNode[] last = {info.object()};
            KubectlException[] failure = {null};
            boolean met = ctx.waitFor(() -> {
                JsonNode now = read(ctx, info);
                if (waitingForDelete) {
                    return now == null || !uid(now).equals(uid(info.object()));
                }
                if (now == null) {
                    return false;
                }
                last[0] = (ObjectNode) now;
                if (waitingForCreate) {
                    return true;
                }
                try {
                    return condition.metBy(now);
                } catch (KubectlException e) {
                    failure[0] = e;
                    return true;
                }
            }, left.isNegative() ? Duration.ZERO : left);
            if (failure[0] != null) {
                throw failure[0];
            }
            if (!met) {
                throw KubectlException.error("timed out waiting for the condition on " + info.type().resource() + "/"
                        + info.name());
            }
            ObjectNode shown = last[0];
            if (shown.path("kind").asText().isEmpty()) {
                shown.put("kind", info.type().kind()).put("apiVersion", info.type().apiVersion());
            }
            OutputFlags.print(ctx, flags, List.of(shown), MET);
        }
        if (visited == 0 && !waitingForDelete) {
            throw KubectlException.error("no matching resources found");
        }
    }

    private static JsonNode read(KubectlContext ctx, TargetObjects.Info info) {
        try {
            return ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.GET, info.type(), info.namespace(),
                    info.name())).body();
        } catch (StatusException e) {
            return null;
        }
    }

    private static String uid(JsonNode object) {
        return object == null ? "" : object.path("metadata").path("uid").asText();
    }
}
