package io.kubelab.kubectl.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.StatusException;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.ServerErrors;
import io.kubelab.model.LabelSelector;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The pods a logs (or exec, attach, port-forward) target means: a pod by name, the first pod of a
 * workload or Service chosen as kubectl's {@code ByLogging} order prefers (scheduled, running, ready,
 * most restarted, oldest), or every pod a selector matches.
 */
public final class PodPicker {

    private static final ResourceType POD = ResourceTypes.of("v1", "Pod");

    private PodPicker() {
    }

    public static List<ObjectNode> pods(KubectlContext ctx, String target, String selector, boolean allPods)
            throws KubectlException {
        return pods(ctx, target, selector, allPods, ServerErrors::of);
    }

    /** As {@link #pods(KubectlContext, String, String, boolean)}, with the caller's words for a server's refusal. */
    public static List<ObjectNode> pods(KubectlContext ctx, String target, String selector, boolean allPods,
                                        java.util.function.Function<StatusException, KubectlException> refusal)
            throws KubectlException {
        try {
            if (target == null) {
                return list(ctx, selector);
            }
            int slash = target.indexOf('/');
            if (slash < 0) {
                return List.of(get(ctx, POD, target));
            }
            ResourceType type = ResourceArgs.type(target.substring(0, slash)).get(0);
            String name = target.substring(slash + 1);
            if (type.equals(POD)) {
                return List.of(get(ctx, POD, name));
            }
            ObjectNode owner = get(ctx, type, name);
            String podSelector = selectorOf(type, owner);
            List<ObjectNode> pods = new ArrayList<>(list(ctx, podSelector));
            if (pods.isEmpty()) {
                throw KubectlException.error("timed out waiting for the condition");
            }
            pods.sort(BY_LOGGING);
            if (allPods) {
                return pods;
            }
            if (pods.size() > 1) {
                ctx.err().append("Found ").append(pods.size()).append(" pods, using pod/")
                        .append(pods.get(0).path("metadata").path("name").asText()).append('\n');
            }
            return List.of(pods.get(0));
        } catch (StatusException e) {
            throw refusal.apply(e);
        }
    }

    /**
     * The container kubectl picks when none is named: the {@code kubectl.kubernetes.io/default-container}
     * annotation's, else the first, with kubectl's notice on stderr when there was a choice.
     */
    public static String defaultContainer(KubectlContext ctx, ObjectNode pod) {
        List<String> init = names(pod.path("spec").path("initContainers"));
        List<String> regular = names(pod.path("spec").path("containers"));
        String annotated = pod.path("metadata").path("annotations").path("kubectl.kubernetes.io/default-container")
                .asText("");
        if (!annotated.isEmpty() && regular.contains(annotated)) {
            return annotated;
        }
        if (regular.isEmpty()) {
            return null;
        }
        if (regular.size() + init.size() > 1) {
            List<String> shown = new ArrayList<>(regular);
            init.forEach(i -> shown.add(i + " (init)"));
            ctx.err().append("Defaulted container \"").append(regular.get(0)).append("\" out of: ")
                    .append(String.join(", ", shown)).append('\n');
        }
        return regular.get(0);
    }

    public static List<String> names(JsonNode containers) {
        List<String> out = new ArrayList<>();
        containers.forEach(c -> out.add(c.path("name").asText()));
        return out;
    }

    private static ObjectNode get(KubectlContext ctx, ResourceType type, String name) {
        return ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.GET, type,
                type.namespaced() ? ctx.namespace() : "", name)).body();
    }

    private static List<ObjectNode> list(KubectlContext ctx, String selector) {
        ObjectNode list = ctx.api().handle(ApiRequest.of(ctx.user(), ApiRequest.Verb.LIST, POD, ctx.namespace(), "")
                .withOptions(RequestOptions.DEFAULT.withSelectors(selector, ""))).body();
        List<ObjectNode> out = new ArrayList<>();
        list.path("items").forEach(p -> out.add((ObjectNode) p));
        return out;
    }

    /** The label selector of a workload or a Service, as a selector string. */
    private static String selectorOf(ResourceType type, ObjectNode owner) throws KubectlException {
        JsonNode selector = owner.path("spec").path("selector");
        if (type.kind().equals("Service")) {
            if (!selector.isObject() || selector.isEmpty()) {
                throw KubectlException.error("invalid service '" + owner.path("metadata").path("name").asText()
                        + "': Service is defined without a selector");
            }
            java.util.Map<String, String> labels = new java.util.TreeMap<>();
            selector.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
            return LabelSelector.ofEquals(labels).toString();
        }
        if (!selector.isObject()) {
            // kubectl's own refusal for a kind with no pod selector, naming the Go type as %T does.
            String goType = "*" + type.version() + "." + type.kind();
            throw KubectlException.error("cannot attach to " + goType + ": selector for " + goType + " not implemented");
        }
        return LabelSelector.fromJson(selector).toString();
    }

    private static final Comparator<ObjectNode> BY_LOGGING = Comparator
            .comparing((ObjectNode p) -> p.path("spec").path("nodeName").asText("").isEmpty())
            .thenComparing(p -> phaseRank(p.path("status").path("phase").asText()))
            .thenComparing(p -> !ready(p))
            .thenComparing(p -> -restarts(p))
            .thenComparing(p -> p.path("metadata").path("creationTimestamp").asText("~"));

    private static int phaseRank(String phase) {
        return switch (phase) {
            case "Running" -> 0;
            case "Unknown" -> 1;
            case "Pending" -> 2;
            default -> 3;
        };
    }

    private static boolean ready(ObjectNode pod) {
        for (JsonNode c : pod.path("status").path("conditions")) {
            if (c.path("type").asText().equals("Ready")) {
                return c.path("status").asText().equals("True");
            }
        }
        return false;
    }

    private static int restarts(ObjectNode pod) {
        int max = 0;
        for (JsonNode c : pod.path("status").path("containerStatuses")) {
            max = Math.max(max, c.path("restartCount").asInt());
        }
        return max;
    }
}
