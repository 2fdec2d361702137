package io.kubelab.kubectl.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.LogOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.ServerErrors;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.resource.PodPicker;
import io.kubelab.model.ResourceTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kubectl logs}: a container's log through the {@code log} subresource, for a pod or the pod a
 * workload or selector picks, with kubectl's defaulting of the container and its messages. {@code -f}
 * prints the log, then what the container writes during one more minute of simulated time, as if the
 * student watched for a minute and pressed Ctrl-C.
 */
public final class LogsCommand extends Command {

    static final Duration FOLLOW_CAP = Duration.ofMinutes(1);
    private static final String EXPECTED = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\n"
            + "POD or TYPE/NAME is a required argument for the logs command";

    @Override
    public String name() {
        return "logs";
    }

    @Override
    public String summary() {
        return "Print the logs for a container in a pod";
    }

    @Override
    public String description() {
        return "Print the logs for a container in a pod or specified resource. If the pod has only one container, "
                + "the container name is optional.";
    }

    @Override
    public String usage() {
        return "kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]";
    }

    @Override
    public String examples() {
        return """
                  # Return snapshot logs from pod nginx with only one container
                  kubectl logs nginx

                  # Return snapshot logs from container ruby of pod web
                  kubectl logs web -c ruby

                  # Return the logs of the previous, crashed instance of a container
                  kubectl logs -p web -c ruby

                  # Follow the logs of the first pod of deployment web, showing the last 20 lines first
                  kubectl logs -f --tail=20 deployment/web

                  # Return the logs of all pods labelled app=web, each line prefixed with its pod and container
                  kubectl logs -l app=web --prefix""";
    }

    @Override
    public FlagSet flags() {
        return new FlagSet()
                .add(Flag.bool("all-containers", "", false, "Get all containers' logs in the pod(s)."))
                .add(Flag.bool("all-pods", "", false, "Get logs from all pod(s). Sets prefix to true."))
                .add(Flag.string("container", "c", "", "Print the logs of this container"))
                .add(Flag.bool("follow", "f", false, "Specify if the logs should be streamed."))
                .add(Flag.bool("ignore-errors", "", false, "If watching / following pod logs, allow for any errors that occur to be non-fatal"))
                .add(Flag.bool("insecure-skip-tls-verify-backend", "", false, "Skip verifying the identity of the kubelet that logs are requested from."))
                .add(Flag.int64("limit-bytes", "", 0, "Maximum bytes of logs to return. Defaults to no limit."))
                .add(Flag.integer("max-log-requests", "", 5, "Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5."))
                .add(Flag.duration("pod-running-timeout", "", "20s", "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running"))
                .add(Flag.bool("prefix", "", false, "Prefix each log line with the log source (pod name and container name)"))
                .add(Flag.bool("previous", "p", false, "If true, print the logs for the previous instance of the container in a pod if it exists."))
                .add(Flag.string("selector", "l", "", "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints."))
                .add(Flag.duration("since", "", "0s", "Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used."))
                .add(Flag.string("since-time", "", "", "Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used."))
                .add(Flag.int64("tail", "", -1, "Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided."))
                .add(Flag.bool("timestamps", "", false, "Include timestamps on each line in the log output"));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        List<String> args = flags.args();
        String selector = flags.string("selector");
        if (selector.isEmpty() ? args.isEmpty() || args.size() > 2 : !args.isEmpty()) {
            if (!selector.isEmpty()) {
                throw KubectlException.usageHelp(ctx.commandPath(), "only a selector (-l) or a POD name is allowed");
            }
            throw KubectlException.usageHelp(ctx.commandPath(), EXPECTED);
        }
        if (flags.changed("since") && flags.changed("since-time")) {
            throw KubectlException.error("at most one of `sinceTime` or `sinceSeconds` may be specified");
        }
        String container = flags.string("container");
        if (args.size() == 2) {
            container = args.get(1);
        }
        List<ObjectNode> pods = PodPicker.pods(ctx, args.isEmpty() ? null : args.get(0), selector,
                flags.bool("all-pods"), e -> notFound(ctx, e));
        boolean prefix = flags.bool("prefix") || flags.bool("all-pods");
        LogOptions options = options(ctx, flags, selector);
        for (ObjectNode pod : pods) {
            List<String> containers = containers(ctx, pod, container, flags.bool("all-containers"));
            for (String c : containers) {
                print(ctx, pod, c, options, prefix, flags.bool("follow"));
            }
        }
    }

    private static LogOptions options(KubectlContext ctx, ParsedFlags flags, String selector) throws KubectlException {
        LogOptions options = LogOptions.DEFAULT.withPrevious(flags.bool("previous"))
                .withTimestamps(flags.bool("timestamps"));
        long tail = flags.integer("tail");
        if (tail >= 0) {
            options = options.withTail(tail);
        } else if (!selector.isEmpty()) {
            options = options.withTail(10);
        }
        if (flags.integer("limit-bytes") != 0) {
            options = options.withLimitBytes(flags.integer("limit-bytes"));
        }
        Duration since = flags.duration("since");
        if (!since.isZero()) {
            options = options.withSinceSeconds(Math.max(1, (since.toMillis() + 999) / 1000));
        }
        String sinceTime = flags.string("since-time");
        if (!sinceTime.isEmpty()) {
            try {
                Instant at = Instant.parse(sinceTime);
                options = options.withSinceSeconds(Math.max(1, Duration.between(at, ctx.now()).getSeconds()));
            } catch (java.time.format.DateTimeParseException e) {
                throw KubectlException.error("parsing time \"" + sinceTime + "\" as \"2006-01-02T15:04:05Z07:00\": "
                        + "cannot parse \"" + sinceTime + "\" as \"2006\"");
            }
        }
        return options;
    }

    /** logs.go words a missing object its own way, with the namespace it looked in. */
    private static KubectlException notFound(KubectlContext ctx, StatusException e) {
        if (e.status().code() != 404) {
            return ServerErrors.of(e);
        }
        return KubectlException.error("error from server (NotFound): " + e.status().message() + " in namespace \""
                + ctx.namespace() + "\"");
    }

    /**
     * The containers to print: the one asked for (which kubectl looks for in the pod itself before asking the
     * server), all of them, or kubectl's default with its notice.
     */
    private static List<String> containers(KubectlContext ctx, ObjectNode pod, String container, boolean all)
            throws KubectlException {
        if (!container.isEmpty()) {
            JsonNode spec = pod.path("spec");
            for (String field : new String[] {"initContainers", "containers", "ephemeralContainers"}) {
                if (PodPicker.names(spec.path(field)).contains(container)) {
                    return List.of(container);
                }
            }
            throw KubectlException.error("container " + container + " is not valid for pod "
                    + pod.path("metadata").path("name").asText());
        }
        if (all) {
            List<String> names = new ArrayList<>(PodPicker.names(pod.path("spec").path("initContainers")));
            names.addAll(PodPicker.names(pod.path("spec").path("containers")));
            return names;
        }
        String chosen = PodPicker.defaultContainer(ctx, pod);
        return chosen == null ? List.of() : List.of(chosen);
    }

    private static void print(KubectlContext ctx, ObjectNode pod, String container, LogOptions options,
                              boolean prefix, boolean follow) throws KubectlException {
        String namespace = pod.path("metadata").path("namespace").asText();
        String name = pod.path("metadata").path("name").asText();
        ApiRequest request = ApiRequest.of(ctx.user(), ApiRequest.Verb.GET, ResourceTypes.of("v1", "Pod"), namespace,
                name).withSubresource("log");
        String linePrefix = prefix ? "[pod/" + name + "/" + container + "] " : "";
        try {
            if (!follow) {
                append(ctx, ctx.api().podLog(request, options.withContainer(container)), linePrefix);
                return;
            }
            StringBuilder streamed = new StringBuilder();
            Runnable stop = ctx.api().followPodLog(request, options.withContainer(container), streamed::append);
            try {
                ctx.waitFor(() -> false, FOLLOW_CAP);
            } finally {
                stop.run();
            }
            append(ctx, streamed.toString(), linePrefix);
        } catch (StatusException e) {
            throw ServerErrors.of(e);
        }
    }

    private static void append(KubectlContext ctx, String text, String prefix) {
        if (prefix.isEmpty()) {
            ctx.out().append(text);
            return;
        }
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end + 1;
            ctx.out().append(prefix).append(text, start, end);
            start = end;
        }
    }
}
