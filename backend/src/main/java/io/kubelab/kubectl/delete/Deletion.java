package io.kubelab.kubectl.delete;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.DryRun;
import io.kubelab.kubectl.mutate.Errors;
import io.kubelab.kubectl.mutate.TargetObjects;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code kubectl delete} run over the selected objects: a DELETE each (or only the message under
 * {@code --dry-run=client}), its line, the errors collected, and then the wait for the objects to be gone.
 */
final class Deletion {

    static final String FORCE_WARNING = "Warning: Immediate deletion does not wait for confirmation that the running "
            + "resource has been terminated. The resource may continue to run on the cluster indefinitely.\n";
    static final String CLUSTER_SCOPE_WARNING =
            "Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n";

    /** A deleted object to wait for: gone once it cannot be read, or a new one with another uid took its name. */
    private record Deleted(TargetObjects.Info info, String uid) {
    }

    private final KubectlContext ctx;
    private final RequestOptions options;
    private final DryRun dryRun;
    private final String operation;
    private final boolean nameOnly;
    private final boolean ignoreNotFound;
    private boolean warnClusterScope;
    private final List<Deleted> deleted = new ArrayList<>();

    Deletion(KubectlContext ctx, RequestOptions options, DryRun dryRun, String operation, boolean nameOnly,
             boolean ignoreNotFound, boolean warnClusterScope) {
        this.ctx = ctx;
        this.options = options;
        this.dryRun = dryRun;
        this.operation = operation;
        this.nameOnly = nameOnly;
        this.ignoreNotFound = ignoreNotFound;
        this.warnClusterScope = warnClusterScope;
    }

    void delete(TargetObjects.Found found) throws KubectlException {
        Errors errors = new Errors();
        for (TargetObjects.Info info : found.entries()) {
            if (warnClusterScope && !info.type().namespaced()) {
                ctx.err().append(CLUSTER_SCOPE_WARNING);
                warnClusterScope = false;
            }
            if (dryRun == DryRun.CLIENT) {
                print(info);
                continue;
            }
            try {
                JsonNode response = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.DELETE, info.type(),
                        info.namespace(), info.name()).withOptions(options)).body();
                print(info);
                String uid = response.path("kind").asText().equals("Status")
                        ? response.path("details").path("uid").asText("")
                        : response.path("metadata").path("uid").asText("");
                deleted.add(new Deleted(info, uid));
            } catch (StatusException e) {
                if (!(ignoreNotFound && e.status().code() == 404)) {
                    errors.add(e, "deleting", info.source());
                }
            }
        }
        errors.throwIfAny();
        if (found.entries().isEmpty()) {
            ctx.out().append("No resources found\n");
        }
    }

    private void print(TargetObjects.Info info) {
        if (nameOnly) {
            ctx.out().append(info.kindPrefix()).append('/').append(info.name()).append('\n');
        } else {
            ctx.out().append(info.kindPrefix()).append(" \"").append(info.name()).append("\" ")
                    .append(operation).append(dryRun.suffix()).append('\n');
        }
    }

    /** Waits in simulated time until every deleted object is gone; kubectl's error names the first that is not. */
    void waitUntilGone(Duration timeout) throws KubectlException {
        for (Deleted d : deleted) {
            if (!ctx.waitFor(() -> gone(d), timeout)) {
                throw KubectlException.error("timed out waiting for the condition on " + d.info().type().resource()
                        + "/" + d.info().name());
            }
        }
    }

    private boolean gone(Deleted d) {
        try {
            JsonNode object = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.GET, d.info().type(),
                    d.info().namespace(), d.info().name())).body();
            return !d.uid().isEmpty() && !object.path("metadata").path("uid").asText().equals(d.uid());
        } catch (StatusException e) {
            return e.status().code() == 404;
        }
    }
}
