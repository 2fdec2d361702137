package io.kubelab.kubectl.drain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.model.ResourceTypes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kubectl drain's pod filters (kubectl/pkg/drain/filters.go): which pods of the node are evicted, which
 * are skipped or only warned about, and which block the drain, with kubectl's messages. Go prints its
 * message maps in random order; we print them in the order the pods come.
 */
final class PodFilters {

    static final String DAEMON_SET_FATAL = "DaemonSet-managed Pods (use --ignore-daemonsets to ignore)";
    static final String DAEMON_SET_WARNING = "ignoring DaemonSet-managed Pods";
    static final String LOCAL_STORAGE_FATAL = "Pods with local storage (use --delete-emptydir-data to override)";
    static final String LOCAL_STORAGE_WARNING = "deleting Pods with local storage";
    static final String UNMANAGED_FATAL = "cannot delete Pods that declare no controller (use --force to override)";
    static final String UNMANAGED_WARNING = "deleting Pods that declare no controller";
    static final String MIRROR_ANNOTATION = "kubernetes.io/config.mirror";

    enum Reason { OKAY, SKIP, WARNING, ERROR }

    record Status(boolean delete, Reason reason, String message) {
        static final Status OKAY = new Status(true, Reason.OKAY, "");
        static final Status SKIP = new Status(false, Reason.SKIP, "");

        static Status warning(boolean delete, String message) {
            return new Status(delete, Reason.WARNING, message);
        }

        static Status error(String message) {
            return new Status(false, Reason.ERROR, message);
        }
    }

    /** The pods with their verdicts, in list order. */
    record Verdicts(List<ObjectNode> pods, List<Status> statuses) {

        List<ObjectNode> toDelete() {
            List<ObjectNode> out = new ArrayList<>();
            for (int i = 0; i < pods.size(); i++) {
                if (statuses.get(i).delete()) {
                    out.add(pods.get(i));
                }
            }
            return out;
        }

        /** {@code ignoring DaemonSet-managed Pods: kube-system/kube-proxy-x; ...}, or "". */
        String warnings() {
            return join(grouped(Reason.WARNING, false), "; ");
        }

        /** One error per message: {@code cannot delete <message>: ns/pod, ...}. */
        List<String> errors() {
            return new ArrayList<>(grouped(Reason.ERROR, true).values());
        }

        private Map<String, String> grouped(Reason reason, boolean asErrors) {
            Map<String, List<String>> byMessage = new LinkedHashMap<>();
            for (int i = 0; i < pods.size(); i++) {
                Status s = statuses.get(i);
                if (s.reason() == reason) {
                    String message = asErrors && s.message().isEmpty() ? "unexpected error" : s.message();
                    byMessage.computeIfAbsent(message, k -> new ArrayList<>()).add(key(pods.get(i)));
                }
            }
            Map<String, String> out = new LinkedHashMap<>();
            byMessage.forEach((message, names) -> out.put(message,
                    (asErrors ? "cannot delete " : "") + message + ": " + String.join(", ", names)));
            return out;
        }

        private static String join(Map<String, String> lines, String separator) {
            return String.join(separator, lines.values());
        }
    }

    private final KubectlContext ctx;
    private final boolean force;
    private final boolean ignoreDaemonSets;
    private final boolean deleteEmptyDirData;
    private final long skipDeletedAfterSeconds;

    PodFilters(KubectlContext ctx, boolean force, boolean ignoreDaemonSets, boolean deleteEmptyDirData,
               long skipDeletedAfterSeconds) {
        this.ctx = ctx;
        this.force = force;
        this.ignoreDaemonSets = ignoreDaemonSets;
        this.deleteEmptyDirData = deleteEmptyDirData;
        this.skipDeletedAfterSeconds = skipDeletedAfterSeconds;
    }

    Verdicts judge(List<ObjectNode> pods) {
        List<Status> statuses = new ArrayList<>();
        for (ObjectNode pod : pods) {
            Status status = Status.OKAY;
            for (int f = 0; f < 5 && status.delete(); f++) {
                status = switch (f) {
                    case 0 -> skipDeleted(pod);
                    case 1 -> daemonSet(pod);
                    case 2 -> mirror(pod);
                    case 3 -> localStorage(pod);
                    default -> unreplicated(pod);
                };
            }
            statuses.add(status);
        }
        return new Verdicts(pods, statuses);
    }

    static String key(JsonNode pod) {
        return pod.path("metadata").path("namespace").asText() + "/" + pod.path("metadata").path("name").asText();
    }

    private static JsonNode controller(JsonNode pod) {
        for (JsonNode ref : pod.path("metadata").path("ownerReferences")) {
            if (ref.path("controller").asBoolean(false)) {
                return ref;
            }
        }
        return null;
    }

    private static boolean finished(JsonNode pod) {
        String phase = pod.path("status").path("phase").asText();
        return phase.equals("Succeeded") || phase.equals("Failed");
    }

    /** {@code --skip-wait-for-delete-timeout}: a pod deleted longer ago than that is left alone. */
    private Status skipDeleted(ObjectNode pod) {
        String deleted = pod.path("metadata").path("deletionTimestamp").asText("");
        if (skipDeletedAfterSeconds <= 0 || deleted.isEmpty()) {
            return Status.OKAY;
        }
        long age = java.time.Duration.between(java.time.Instant.parse(deleted), ctx.now()).toSeconds();
        return age > skipDeletedAfterSeconds ? Status.SKIP : Status.OKAY;
    }

    private Status daemonSet(ObjectNode pod) {
        JsonNode ref = controller(pod);
        if (ref == null || !ref.path("kind").asText().equals("DaemonSet") || finished(pod)) {
            return Status.OKAY;
        }
        try {
            ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.GET, ResourceTypes.of("apps/v1", "DaemonSet"),
                    pod.path("metadata").path("namespace").asText(), ref.path("name").asText()));
        } catch (StatusException e) {
            if (e.status().code() == 404 && force) {
                return Status.warning(true, e.status().message());
            }
            return Status.error(e.status().message());
        }
        return ignoreDaemonSets ? Status.warning(false, DAEMON_SET_WARNING) : Status.error(DAEMON_SET_FATAL);
    }

    private static Status mirror(ObjectNode pod) {
        return pod.path("metadata").path("annotations").has(MIRROR_ANNOTATION) ? Status.SKIP : Status.OKAY;
    }

    private Status localStorage(ObjectNode pod) {
        boolean emptyDir = false;
        for (JsonNode volume : pod.path("spec").path("volumes")) {
            emptyDir |= volume.has("emptyDir");
        }
        if (!emptyDir || finished(pod)) {
            return Status.OKAY;
        }
        return deleteEmptyDirData ? Status.warning(true, LOCAL_STORAGE_WARNING) : Status.error(LOCAL_STORAGE_FATAL);
    }

    private Status unreplicated(ObjectNode pod) {
        if (finished(pod) || controller(pod) != null) {
            return Status.OKAY;
        }
        return force ? Status.warning(true, UNMANAGED_WARNING) : Status.error(UNMANAGED_FATAL);
    }
}
