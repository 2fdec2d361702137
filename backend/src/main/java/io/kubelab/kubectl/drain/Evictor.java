package io.kubelab.kubectl.drain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.clock.GoDuration;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.ServerErrors;
import io.kubelab.kubectl.DryRun;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes a node's pods as kubectl drain does (kubectl/pkg/drain/drain.go), in simulated time: every pod
 * evicted through its {@code eviction} subresource at once, a pod a PodDisruptionBudget protects (429)
 * tried again every 5 seconds with kubectl's message, then each pod waited for until it is gone
 * ({@code pod/x evicted}); with {@code --disable-eviction}, plain deletes. kubectl runs one goroutine
 * per pod; here the pods take turns at the same simulated instants, which prints the same lines.
 */
final class Evictor {

    static final Duration RETRY = Duration.ofSeconds(5);
    /** kubectl waits forever without --timeout; a sandbox command must end, so we stop after this. */
    static final Duration NO_TIMEOUT_CAP = Duration.ofHours(1);

    private final KubectlContext ctx;
    private final long gracePeriod;
    private final DryRun dryRun;
    private final Duration timeout;
    private final boolean eviction;

    Evictor(KubectlContext ctx, long gracePeriod, DryRun dryRun, Duration timeout, boolean eviction) {
        this.ctx = ctx;
        this.gracePeriod = gracePeriod;
        this.dryRun = dryRun;
        this.timeout = timeout;
        this.eviction = eviction;
    }

    /** Removes the pods; the error lines of those that could not be, empty when all went. */
    List<String> remove(List<ObjectNode> pods) {
        List<String> errors = new ArrayList<>();
        if (pods.isEmpty()) {
            return errors;
        }
        Duration global = timeout.isZero() ? NO_TIMEOUT_CAP : timeout;
        Instant deadline = ctx.now().plus(global);
        Map<ObjectNode, Instant> retries = new LinkedHashMap<>();
        List<ObjectNode> waiting = new ArrayList<>();
        if (!eviction) {
            for (ObjectNode pod : pods) {
                try {
                    delete(pod);
                } catch (StatusException e) {
                    if (e.status().code() != 404) {
                        errors.add(ServerErrors.line(e.status()));
                        return errors;
                    }
                }
                waiting.add(pod);
            }
        } else {
            for (ObjectNode pod : pods) {
                attempt(pod, retries, waiting, errors);
            }
        }
        String verb = eviction ? "evicted" : "deleted";
        while (!retries.isEmpty() || !waiting.isEmpty()) {
            Instant next = retries.values().stream().min(Instant::compareTo).orElse(deadline);
            if (next.isAfter(deadline)) {
                next = deadline;
            }
            Duration wait = Duration.between(ctx.now(), next);
            ctx.waitFor(() -> waiting.stream().anyMatch(this::gone), wait.isNegative() ? Duration.ZERO : wait);
            waiting.removeIf(pod -> {
                if (gone(pod)) {
                    Nodes.print(ctx, pod, verb);
                    return true;
                }
                return false;
            });
            if (!ctx.now().isBefore(deadline)) {
                String limit = GoDuration.format(global);
                retries.keySet().forEach(pod -> errors.add("error when evicting pods/\"" + name(pod) + "\" -n \""
                        + namespace(pod) + "\": global timeout reached: " + limit));
                waiting.forEach(pod -> errors.add("error when waiting for pod \"" + name(pod) + "\" in namespace \""
                        + namespace(pod) + "\" to terminate: global timeout reached: " + limit));
                return errors;
            }
            List<ObjectNode> due = new ArrayList<>();
            retries.forEach((pod, at) -> {
                if (!at.isAfter(ctx.now())) {
                    due.add(pod);
                }
            });
            due.forEach(retries::remove);
            due.forEach(pod -> attempt(pod, retries, waiting, errors));
        }
        return errors;
    }

    private void attempt(ObjectNode pod, Map<ObjectNode, Instant> retries, List<ObjectNode> waiting, List<String> errors) {
        ctx.out().append("evicting pod ").append(namespace(pod)).append('/').append(name(pod))
                .append(dryRun == DryRun.SERVER ? " (server dry run)" : "").append('\n');
        try {
            evict(pod);
            if (dryRun != DryRun.SERVER) {
                waiting.add(pod);
            }
        } catch (StatusException e) {
            if (e.status().code() == 404) {
                return;
            }
            if (e.status().code() == 429) {
                ctx.err().append("error when evicting pods/\"").append(name(pod)).append("\" -n \"")
                        .append(namespace(pod)).append("\" (will retry after 5s): ").append(e.status().message())
                        .append('\n');
                retries.put(pod, ctx.now().plus(RETRY));
                return;
            }
            errors.add("error when evicting pods/\"" + name(pod) + "\" -n \"" + namespace(pod) + "\": "
                    + e.status().message());
        }
    }

    private void evict(ObjectNode pod) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("apiVersion", "policy/v1").put("kind", "Eviction");
        body.putObject("metadata").put("name", name(pod)).put("namespace", namespace(pod));
        if (gracePeriod >= 0) {
            body.putObject("deleteOptions").put("gracePeriodSeconds", gracePeriod);
        }
        ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.CREATE, Nodes.PODS, namespace(pod), name(pod))
                .withSubresource("eviction").withBody(body)
                .withOptions(RequestOptions.DEFAULT.withDryRun(dryRun == DryRun.SERVER)));
    }

    private void delete(ObjectNode pod) {
        RequestOptions options = RequestOptions.DEFAULT.withDryRun(dryRun == DryRun.SERVER);
        if (gracePeriod >= 0) {
            options = options.withGracePeriod(gracePeriod);
        }
        ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.DELETE, Nodes.PODS, namespace(pod), name(pod))
                .withOptions(options));
    }

    /** Gone, or replaced by a new pod of the same name (another uid). */
    private boolean gone(ObjectNode pod) {
        try {
            JsonNode now = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.GET, Nodes.PODS, namespace(pod),
                    name(pod))).body();
            return !now.path("metadata").path("uid").asText().equals(pod.path("metadata").path("uid").asText());
        } catch (StatusException e) {
            return e.status().code() == 404;
        }
    }

    private static String name(JsonNode pod) {
        return pod.path("metadata").path("name").asText();
    }

    private static String namespace(JsonNode pod) {
        return pod.path("metadata").path("namespace").asText();
    }
}
