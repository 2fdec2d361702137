package io.kubelab.controller.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.controller.OwnerRefs;

import java.util.Comparator;
import java.util.Optional;

/** The pods a DaemonSet makes: template, automatic tolerations, node-name affinity, labels. */
final class DaemonPods {

    static final String TEMPLATE_GENERATION_LABEL = "pod-template-generation";
    static final String REVISION_HASH_LABEL = "controller-revision-hash";
    static final String TEMPLATE_GENERATION_ANNOTATION = "deprecated.daemonset.template.generation";

    /**
     * AddOrUpdateDaemonPodTolerations, in its order: node problems must not evict or keep out a daemon pod;
     * network-unavailable only for host-network pods.
     */
    private static final String[][] TOLERATIONS = {
            {"node.kubernetes.io/not-ready", "NoExecute"},
            {"node.kubernetes.io/unreachable", "NoExecute"},
            {"node.kubernetes.io/disk-pressure", "NoSchedule"},
            {"node.kubernetes.io/memory-pressure", "NoSchedule"},
            {"node.kubernetes.io/pid-pressure", "NoSchedule"},
            {"node.kubernetes.io/unschedulable", "NoSchedule"},
    };
    private static final String[] NETWORK_UNAVAILABLE = {"node.kubernetes.io/network-unavailable", "NoSchedule"};

    private DaemonPods() {
    }

    /** NewPod: the pod the DaemonSet would run on {@code node}, for the eligibility checks. */
    static ObjectNode newPod(JsonNode daemonSet, String node) {
        ObjectNode pod = JsonNodeFactory.instance.objectNode();
        pod.set("metadata", daemonSet.path("spec").path("template").path("metadata").deepCopy());
        ObjectNode spec = daemonSet.path("spec").path("template").path("spec").deepCopy();
        spec.put("nodeName", node);
        addDaemonTolerations(spec);
        pod.set("spec", spec);
        return pod;
    }

    static void addDaemonTolerations(ObjectNode spec) {
        for (String[] toleration : TOLERATIONS) {
            addOrUpdateToleration(spec, toleration[0], toleration[1]);
        }
        if (spec.path("hostNetwork").asBoolean(false)) {
            addOrUpdateToleration(spec, NETWORK_UNAVAILABLE[0], NETWORK_UNAVAILABLE[1]);
        }
    }

    /**
     * AddOrUpdateTolerationInPodSpec: replaces a toleration with the same key, operator, value and effect
     * (keeping its place), or appends it.
     */
    private static void addOrUpdateToleration(ObjectNode spec, String key, String effect) {
        ObjectNode wanted = JsonNodeFactory.instance.objectNode();
        wanted.put("key", key).put("operator", "Exists").put("effect", effect);
        ArrayNode tolerations = spec.withArray("tolerations");
        for (int i = 0; i < tolerations.size(); i++) {
            JsonNode t = tolerations.get(i);
            if (t.path("key").asText("").equals(key) && t.path("operator").asText("").equals("Exists")
                    && t.path("value").asText("").isEmpty() && t.path("effect").asText("").equals(effect)) {
                if (!t.has("tolerationSeconds")) {
                    return;
                }
                tolerations.set(i, wanted);
                return;
            }
        }
        tolerations.add(wanted);
    }

    /** CreatePodTemplate: the template with the automatic tolerations and the generation and hash labels. */
    static ObjectNode podTemplate(JsonNode daemonSet, String hash) {
        ObjectNode template = daemonSet.path("spec").path("template").deepCopy();
        addDaemonTolerations(template.with("spec"));
        ObjectNode labels = template.with("metadata").with("labels");
        templateGeneration(daemonSet).ifPresent(g -> labels.put(TEMPLATE_GENERATION_LABEL, Long.toString(g)));
        if (!hash.isEmpty()) {
            labels.put(REVISION_HASH_LABEL, hash);
        }
        return template;
    }

    /** util.GetTemplateGeneration: apps/v1 keeps it in an annotation. */
    static Optional<Long> templateGeneration(JsonNode daemonSet) {
        String value = daemonSet.path("metadata").path("annotations").path(TEMPLATE_GENERATION_ANNOTATION).asText("");
        try {
            return value.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * ReplaceDaemonSetPodNodeNameNodeAffinity: the required node affinity becomes one term,
     * {@code metadata.name In [node]}, so the default scheduler can only bind the pod there.
     */
    static void pinToNode(ObjectNode spec, String node) {
        ObjectNode required = spec.with("affinity").with("nodeAffinity").putObject("requiredDuringSchedulingIgnoredDuringExecution");
        ObjectNode requirement = required.putArray("nodeSelectorTerms").addObject().putArray("matchFields").addObject();
        requirement.put("key", "metadata.name").put("operator", "In").putArray("values").add(node);
    }

    /** GetPodFromTemplate plus the node pin: what the controller sends to the API server. */
    static ObjectNode podFor(JsonNode daemonSet, ObjectNode template, String node) {
        ObjectNode pod = JsonNodeFactory.instance.objectNode();
        pod.put("apiVersion", "v1").put("kind", "Pod");
        ObjectNode metadata = pod.putObject("metadata");
        metadata.put("generateName", ObjectMeta.name(daemonSet) + "-");
        metadata.put("namespace", ObjectMeta.namespace(daemonSet));
        JsonNode templateMeta = template.path("metadata");
        for (String field : new String[]{"labels", "annotations", "finalizers"}) {
            if (templateMeta.has(field) && templateMeta.get(field).size() > 0) {
                metadata.set(field, templateMeta.get(field).deepCopy());
            }
        }
        metadata.putArray("ownerReferences").add(OwnerRefs.controllerRef(daemonSet, "apps/v1", "DaemonSet"));
        ObjectNode spec = template.path("spec").deepCopy();
        pinToNode(spec, node);
        pod.set("spec", spec);
        return pod;
    }

    /** util.GetTargetNodeName: the node a pod is on, or the one its affinity pins it to. */
    static Optional<String> targetNode(JsonNode pod) {
        String nodeName = pod.path("spec").path("nodeName").asText("");
        if (!nodeName.isEmpty()) {
            return Optional.of(nodeName);
        }
        JsonNode terms = pod.path("spec").path("affinity").path("nodeAffinity")
                .path("requiredDuringSchedulingIgnoredDuringExecution").path("nodeSelectorTerms");
        for (JsonNode term : terms) {
            for (JsonNode field : term.path("matchFields")) {
                if (field.path("key").asText().equals("metadata.name") && field.path("operator").asText().equals("In")
                        && field.path("values").size() == 1) {
                    return Optional.of(field.path("values").get(0).asText());
                }
            }
        }
        return Optional.empty();
    }

    /** podByCreationTimestampAndPhase: scheduled first, then oldest, then by name. */
    static final Comparator<JsonNode> OLDEST_FIRST = Comparator
            .comparing((JsonNode p) -> p.path("spec").path("nodeName").asText("").isEmpty())
            .thenComparing(p -> p.path("metadata").path("creationTimestamp").asText(""))
            .thenComparing(ObjectMeta::name);

    /** util.IsPodUpdated: the hash label or the template generation label matches. */
    static boolean updated(JsonNode pod, String hash, Optional<Long> generation) {
        JsonNode labels = pod.path("metadata").path("labels");
        boolean templateMatches = generation.isPresent()
                && labels.path(TEMPLATE_GENERATION_LABEL).asText("").equals(Long.toString(generation.get()));
        boolean hashMatches = !hash.isEmpty() && labels.path(REVISION_HASH_LABEL).asText("").equals(hash);
        return hashMatches || templateMatches;
    }
}
