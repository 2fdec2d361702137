package io.kubelab.kubectl.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.LogOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.ServerErrors;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code kubectl run -i/--attach [--rm]} in a terminal that cannot stream a container's stdin and stdout.
 * kubectl waits (up to {@code --pod-running-timeout}) for the pod to run, attaches, and shows what the
 * container writes; a pod that has already finished gets its log instead. We wait the same way in
 * simulated time and show what the container wrote while "attached": its log once it has terminated (or,
 * if it does not end within the timeout, kubectl's fall-back to the log so far; with {@code -t} that
 * fall-back at once, since no terminal reaches the container). Then, as kubectl does:
 * with {@code --restart=Never|OnFailure} the pod's end decides the exit code, and {@code --rm} deletes
 * what was created ({@code pod "x" deleted}).
 */
final class RunAttach {

    private static final ResourceType PODS = ResourceTypes.of("v1", "Pod");
    private static final ResourceType SERVICES = ResourceTypes.of("v1", "Service");

    private final KubectlContext ctx;
    private final ParsedFlags flags;
    private final String restartPolicy;

    RunAttach(KubectlContext ctx, ParsedFlags flags, String restartPolicy) {
        this.ctx = ctx;
        this.flags = flags;
        this.restartPolicy = restartPolicy;
    }

    void run(ObjectNode created, ObjectNode service) throws KubectlException {
        String namespace = created.path("metadata").path("namespace").asText(ctx.namespace());
        String name = created.path("metadata").path("name").asText();
        try {
            attach(namespace, name);
        } finally {
            if (flags.bool("rm")) {
                delete(PODS, namespace, name);
                if (service != null) {
                    delete(SERVICES, namespace, service.path("metadata").path("name").asText());
                }
            }
        }
    }

    private void attach(String namespace, String name) throws KubectlException {
        Duration timeout = flags.duration("pod-running-timeout");
        if (!ctx.waitFor(() -> pod(namespace, name).map(p -> completed(p) || runningAndReady(p) || containerEnded(p))
                .orElse(true), timeout)) {
            throw KubectlException.error("timed out waiting for the condition");
        }
        ObjectNode pod = pod(namespace, name).orElseThrow(() -> ServerErrors.of(new StatusException(
                io.kubelab.apiserver.Status.notFound(new io.kubelab.apiserver.GroupResource("", "pods"), name))));
        if (!completed(pod)) {
            boolean tty = flags.bool("tty");
            if (tty) {
                // No terminal reaches the container here, so kubectl's prompt would never come: say so instead.
                ctx.err().append("warning: couldn't attach to pod/").append(name).append(", falling back to streaming ")
                        .append("logs: this terminal cannot attach to a container's terminal\n");
            }
            boolean ended = ctx.waitFor(() -> pod(namespace, name).map(RunAttach::containerEnded).orElse(true), timeout);
            if (!ended && !tty) {
                ctx.err().append("warning: couldn't attach to pod/").append(name).append(", falling back to streaming ")
                        .append("logs: this terminal cannot attach to a running container\n");
            }
        }
        ctx.out().append(log(namespace, name));
        boolean waitForExitCode = !flags.bool("leave-stdin-open")
                && (restartPolicy.equals("Never") || restartPolicy.equals("OnFailure"));
        if (!waitForExitCode) {
            return;
        }
        boolean onFailure = restartPolicy.equals("OnFailure");
        if (!ctx.waitFor(() -> pod(namespace, name).map(p -> onFailure ? phase(p).equals("Succeeded") : completed(p))
                .orElse(true), timeout)) {
            throw KubectlException.error("timed out waiting for the condition");
        }
        pod = pod(namespace, name).orElse(pod);
        switch (phase(pod)) {
            case "Succeeded" -> {
            }
            case "Failed" -> {
                JsonNode terminated = pod.path("status").path("containerStatuses").path(0).path("state").path("terminated");
                long code = terminated.path("exitCode").asLong(0);
                if (terminated.isMissingNode() || code == 0) {
                    throw KubectlException.error("pod " + namespace + "/" + name + " failed with unknown exit code");
                }
                String text = "pod " + namespace + "/" + name + " terminated (" + terminated.path("reason").asText("")
                        + ")\n" + terminated.path("message").asText("");
                throw new KubectlException(text.endsWith("\n") ? text : text + "\n", (int) code);
            }
            default -> throw KubectlException.error("pod " + namespace + "/" + name + " left in phase " + phase(pod));
        }
    }

    private Optional<ObjectNode> pod(String namespace, String name) {
        try {
            return Optional.of(ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.GET, PODS, namespace, name)).body());
        } catch (StatusException e) {
            return Optional.empty();
        }
    }

    private String log(String namespace, String name) {
        try {
            return ctx.api().podLog(ApiRequest.of(ctx.user(), ApiRequest.Verb.GET, PODS, namespace, name), LogOptions.DEFAULT);
        } catch (StatusException e) {
            return "";
        }
    }

    private void delete(ResourceType type, String namespace, String name) {
        try {
            ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.DELETE, type, namespace, name));
            ctx.out().append(type.singular()).append(" \"").append(name).append("\" deleted\n");
        } catch (StatusException e) {
            if (!e.status().reason().equals("NotFound")) {
                ctx.err().append(ServerErrors.text(e.status()));
            }
        }
    }

    private static String phase(JsonNode pod) {
        return pod.path("status").path("phase").asText("");
    }

    private static boolean completed(JsonNode pod) {
        return phase(pod).equals("Succeeded") || phase(pod).equals("Failed");
    }

    private static boolean runningAndReady(JsonNode pod) {
        if (!phase(pod).equals("Running")) {
            return false;
        }
        for (JsonNode c : pod.path("status").path("conditions")) {
            if (c.path("type").asText().equals("Ready") && c.path("status").asText().equals("True")) {
                return true;
            }
        }
        return false;
    }

    /** The attached container stopped: it terminated, or has restarted since. */
    private static boolean containerEnded(JsonNode pod) {
        JsonNode status = pod.path("status").path("containerStatuses").path(0);
        return completed(pod) || status.path("state").has("terminated") || status.path("restartCount").asLong() > 0;
    }
}
