package io.kubelab.apiserver.defaults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.kubelab.apiserver.defaults.Fields.defaultPointer;
import static io.kubelab.apiserver.defaults.Fields.defaultString;
import static io.kubelab.apiserver.defaults.Fields.each;
import static io.kubelab.apiserver.defaults.Fields.object;

/**
 * Pods and pod templates. {@code SetDefaults_Pod} runs only on Pod objects (requests from limits, service links,
 * host-network ports); {@code SetDefaults_PodSpec} and everything nested run wherever a PodSpec appears.
 */
final class PodDefaults {

    private static final String[] CONTAINER_LISTS = {"initContainers", "containers", "ephemeralContainers"};

    private PodDefaults() {
    }

    /** A Pod object. */
    static void pod(ObjectNode pod) {
        ObjectNode spec = Fields.ensureObject(pod, "spec");
        for (String list : new String[] {"containers", "initContainers"}) {
            each(spec, list, PodDefaults::requestsFromLimits);
        }
        defaultPointer(spec, "enableServiceLinks", true);
        if (spec.path("hostNetwork").asBoolean(false)) {
            for (String list : new String[] {"containers", "initContainers"}) {
                each(spec, list, c -> each(c, "ports", p -> {
                    if (Fields.isZeroNumber(p, "hostPort")) {
                        p.set("hostPort", p.get("containerPort"));
                    }
                }));
            }
        }
        podSpec(spec);
        ObjectNode status = object(pod, "status");
        for (String list : new String[] {"initContainerStatuses", "containerStatuses", "ephemeralContainerStatuses"}) {
            each(status, list, s -> {
                Fields.resourceList(s, "allocatedResources");
                ObjectNode resources = object(s, "resources");
                Fields.resourceList(resources, "limits");
                Fields.resourceList(resources, "requests");
            });
        }
    }

    /** A PodTemplateSpec inside a workload: its spec is defaulted, its metadata is not. */
    static void template(ObjectNode owner, String field) {
        ObjectNode template = Fields.ensureObject(owner, field);
        podSpec(Fields.ensureObject(template, "spec"));
    }

    /** {@code SetDefaults_PodSpec} and the generated recursion below it. */
    static void podSpec(ObjectNode spec) {
        defaultString(spec, "dnsPolicy", "ClusterFirst");
        defaultString(spec, "restartPolicy", "Always");
        if (Fields.isNil(spec, "securityContext")) {
            spec.putObject("securityContext");
        }
        defaultPointer(spec, "terminationGracePeriodSeconds", 30);
        defaultString(spec, "schedulerName", "default-scheduler");
        each(spec, "volumes", VolumeDefaults::volume);
        for (String list : CONTAINER_LISTS) {
            each(spec, list, ContainerDefaults::container);
        }
        Fields.resourceList(spec, "overhead");
        ObjectNode resources = object(spec, "resources");
        Fields.resourceList(resources, "limits");
        Fields.resourceList(resources, "requests");
    }

    /** Requests default to limits, key by key, for every limit that has no request. */
    private static void requestsFromLimits(ObjectNode container) {
        ObjectNode resources = object(container, "resources");
        ObjectNode limits = object(resources, "limits");
        if (limits == null || limits.isEmpty()) {
            // An empty limits map leaves requests an empty map, which omitempty drops.
            return;
        }
        ObjectNode requests = Fields.ensureObject(resources, "requests");
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        limits.fields().forEachRemaining(entries::add);
        for (Map.Entry<String, JsonNode> e : entries) {
            if (!requests.has(e.getKey())) {
                requests.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }
}
