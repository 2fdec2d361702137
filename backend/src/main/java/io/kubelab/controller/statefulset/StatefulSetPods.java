package io.kubelab.controller.statefulset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.controller.OwnerRefs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** stateful_set_utils.go: identities, claims and revisions of a StatefulSet's pods. */
final class StatefulSetPods {

    static final String POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
    static final String POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";
    static final String REVISION_LABEL = "controller-revision-hash";

    /** statefulPodRegex: the parent's name and the ordinal. */
    private static final Pattern POD_NAME = Pattern.compile("^(.*)-([0-9]+)$");

    private StatefulSetPods() {
    }

    /** getOrdinal: -1 when the name has none. */
    static int ordinal(JsonNode pod) {
        Matcher m = POD_NAME.matcher(ObjectMeta.name(pod));
        if (!m.matches()) {
            return -1;
        }
        try {
            return Integer.parseInt(m.group(2));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String parentName(JsonNode pod) {
        Matcher m = POD_NAME.matcher(ObjectMeta.name(pod));
        return m.matches() ? m.group(1) : "";
    }

    /** isMemberOf: the pod's name says it belongs to the set. */
    static boolean memberOf(JsonNode set, JsonNode pod) {
        return parentName(pod).equals(ObjectMeta.name(set));
    }

    static int startOrdinal(JsonNode set) {
        return set.path("spec").path("ordinals").path("start").asInt(0);
    }

    static int replicas(JsonNode set) {
        return set.path("spec").path("replicas").asInt(1);
    }

    static int endOrdinal(JsonNode set) {
        return startOrdinal(set) + replicas(set) - 1;
    }

    static boolean inOrdinalRange(JsonNode pod, JsonNode set) {
        int ordinal = ordinal(pod);
        return ordinal >= startOrdinal(set) && ordinal <= endOrdinal(set);
    }

    static String podName(JsonNode set, int ordinal) {
        return ObjectMeta.name(set) + "-" + ordinal;
    }

    static String claimName(JsonNode set, JsonNode template, int ordinal) {
        return ObjectMeta.name(template) + "-" + ObjectMeta.name(set) + "-" + ordinal;
    }

    static String revision(JsonNode pod) {
        return pod.path("metadata").path("labels").path(REVISION_LABEL).asText("");
    }

    /** getPersistentVolumeClaims: template name → the claim for this ordinal, labelled with the selector. */
    static Map<String, ObjectNode> claims(JsonNode set, int ordinal) {
        Map<String, ObjectNode> claims = new LinkedHashMap<>();
        for (JsonNode template : set.path("spec").path("volumeClaimTemplates")) {
            ObjectNode claim = template.deepCopy();
            claim.put("apiVersion", "v1").put("kind", "PersistentVolumeClaim");
            ObjectNode metadata = claim.with("metadata");
            metadata.put("name", claimName(set, template, ordinal));
            metadata.put("namespace", ObjectMeta.namespace(set));
            ObjectNode labels = metadata.with("labels");
            set.path("spec").path("selector").path("matchLabels").properties()
                    .forEach(e -> labels.set(e.getKey(), e.getValue()));
            claim.remove("status");
            claims.put(ObjectMeta.name(template), claim);
        }
        return claims;
    }

    /** newStatefulSetPod + setPodRevision: the pod for {@code ordinal} from {@code set}'s template. */
    static ObjectNode newPod(JsonNode set, int ordinal, String revision) {
        JsonNode template = set.path("spec").path("template");
        ObjectNode pod = JsonNodeFactory.instance.objectNode();
        pod.put("apiVersion", "v1").put("kind", "Pod");
        ObjectNode metadata = pod.putObject("metadata");
        String name = podName(set, ordinal);
        metadata.put("name", name).put("namespace", ObjectMeta.namespace(set));
        ObjectNode labels = template.path("metadata").path("labels").isObject()
                ? template.path("metadata").path("labels").deepCopy() : JsonNodeFactory.instance.objectNode();
        labels.put(POD_NAME_LABEL, name);
        labels.put(POD_INDEX_LABEL, Integer.toString(ordinal));
        labels.put(REVISION_LABEL, revision);
        metadata.set("labels", labels);
        for (String field : new String[]{"annotations", "finalizers"}) {
            if (template.path("metadata").path(field).size() > 0) {
                metadata.set(field, template.path("metadata").path(field).deepCopy());
            }
        }
        metadata.putArray("ownerReferences").add(OwnerRefs.controllerRef(set, "apps/v1", "StatefulSet"));
        ObjectNode spec = template.path("spec").deepCopy();
        spec.put("hostname", name);
        String service = set.path("spec").path("serviceName").asText("");
        if (!service.isEmpty()) {
            spec.put("subdomain", service);
        }
        // updateStorage: a volume per claim template (replacing a pod volume of the same name), then the rest.
        Map<String, ObjectNode> claims = claims(set, ordinal);
        ArrayNode volumes = JsonNodeFactory.instance.arrayNode();
        claims.forEach((templateName, claim) -> volumes.addObject().put("name", templateName)
                .putObject("persistentVolumeClaim").put("claimName", ObjectMeta.name(claim)));
        for (JsonNode volume : spec.path("volumes")) {
            if (!claims.containsKey(volume.path("name").asText())) {
                volumes.add(volume);
            }
        }
        if (!volumes.isEmpty()) {
            spec.set("volumes", volumes);
        }
        pod.set("spec", spec);
        return pod;
    }

    /** getPatch: the template as a replacing strategic merge patch. */
    static ObjectNode patch(JsonNode set) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        ObjectNode template = set.path("spec").path("template").deepCopy();
        template.put("$patch", "replace");
        patch.putObject("spec").set("template", template);
        return patch;
    }

    /** ApplyRevision: the set with its template replaced by the revision's (the patch replaces it whole). */
    static ObjectNode applyRevision(JsonNode set, JsonNode revision) {
        ObjectNode copy = set.deepCopy();
        JsonNode template = revision.path("data").path("spec").path("template");
        if (template.isObject()) {
            ObjectNode restored = template.deepCopy();
            restored.remove("$patch");
            copy.with("spec").set("template", restored);
        }
        return copy;
    }
}
