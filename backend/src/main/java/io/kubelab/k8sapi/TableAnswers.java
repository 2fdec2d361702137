package io.kubelab.k8sapi;

import io.kubelab.model.ResourceType;

import java.time.Instant;
import java.util.Set;

/**
 * The last list a sandbox answered as a Table (or metadata list), kept as its bytes: {@code kubectl get} run
 * again and again, by a student, a script or a {@code watch kubectl get}, reads the same list, and building
 * and writing the Table is most of what such a request costs. An answer is reused only for the same request
 * (path, query, {@code Accept}, impersonation), the same store revision (the list's resourceVersion: any
 * write anywhere in the store moves it) and the same second of the sandbox's clock, since a Table's cells
 * depend on the time only through ages in whole seconds of second-precision timestamps. Never kept: event
 * tables (their times are MicroTimes, so their ages move within a second) and metrics (read from the
 * simulated runtime, not the store, so the revision does not follow them). One per sandbox, used under the
 * sandbox's lock.
 */
final class TableAnswers {

    /** Larger answers are rebuilt each time rather than held by every sandbox. */
    static final int MAX_BYTES = 256 * 1024;
    private static final Set<String> MICRO_TIME_KINDS = Set.of("Event");
    private static final String METRICS_GROUP = "metrics.k8s.io";

    private String request;
    private String revision;
    private long second;
    private KubeResponse answer;

    /** What identifies a list request's answer, apart from the store and the time; null when never kept. */
    static String key(KubeRequest request, ResourceType type) {
        if (MICRO_TIME_KINDS.contains(type.kind()) || type.group().equals(METRICS_GROUP)) {
            return null;
        }
        return request.path() + '?' + request.query() + '\n' + request.header("accept") + '\n'
                + request.header("impersonate-user") + '\n' + request.header("impersonate-group");
    }

    KubeResponse find(String key, String revision, Instant now) {
        if (key == null || answer == null || now.getEpochSecond() != second || !key.equals(request)
                || !revision.equals(this.revision)) {
            return null;
        }
        return answer;
    }

    KubeResponse keep(String key, String revision, Instant now, KubeResponse built) {
        if (key != null && built.status() == 200 && built.body().length <= MAX_BYTES) {
            this.request = key;
            this.revision = revision;
            this.second = now.getEpochSecond();
            this.answer = built;
        }
        return built;
    }
}
