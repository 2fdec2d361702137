package io.kubelab.apiserver.fieldmanager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.Map;

/**
 * The empty object of each kind as Go's converter writes it ({@code scope.Creater.New(kind)}): the struct
 * fields that are values rather than pointers, nil slices as null, zero times as null. A create is compared
 * against it, so a struct Go always writes ({@code spec}, {@code spec.template}) is not one the creator
 * "added", while an optional one it set ({@code metadata.labels}) is, and shows {@code ".": {}}.
 */
final class ZeroObjects {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String META = "\"metadata\":{\"creationTimestamp\":null}";
    private static final String TEMPLATE = "\"template\":{" + META + ",\"spec\":{\"containers\":null}}";
    private static final Map<String, String> BY_KIND = new HashMap<>();

    static {
        BY_KIND.put("Pod", "\"spec\":{\"containers\":null},\"status\":{}");
        BY_KIND.put("Deployment", "\"spec\":{\"selector\":null," + TEMPLATE + ",\"strategy\":{}},\"status\":{}");
        BY_KIND.put("ReplicaSet", "\"spec\":{\"selector\":null," + TEMPLATE + "},\"status\":{\"replicas\":0}");
        BY_KIND.put("StatefulSet", "\"spec\":{\"selector\":null," + TEMPLATE + ",\"updateStrategy\":{}},"
                + "\"status\":{\"replicas\":0,\"availableReplicas\":0}");
        BY_KIND.put("DaemonSet", "\"spec\":{\"selector\":null," + TEMPLATE + ",\"updateStrategy\":{}},"
                + "\"status\":{\"currentNumberScheduled\":0,\"numberMisscheduled\":0,\"desiredNumberScheduled\":0,"
                + "\"numberReady\":0}");
        BY_KIND.put("Job", "\"spec\":{" + TEMPLATE + "},\"status\":{}");
        BY_KIND.put("CronJob", "\"spec\":{\"schedule\":\"\",\"jobTemplate\":{" + META + ",\"spec\":{" + TEMPLATE
                + "}}},\"status\":{}");
        BY_KIND.put("PodTemplate", TEMPLATE);
        BY_KIND.put("ReplicationController", "\"spec\":{},\"status\":{\"replicas\":0}");
        BY_KIND.put("Service", "\"spec\":{},\"status\":{\"loadBalancer\":{}}");
        BY_KIND.put("Namespace", "\"spec\":{},\"status\":{}");
        BY_KIND.put("Node", "\"spec\":{},\"status\":{\"daemonEndpoints\":{\"kubeletEndpoint\":{\"Port\":0}},"
                + "\"nodeInfo\":{\"machineID\":\"\",\"systemUUID\":\"\",\"bootID\":\"\",\"kernelVersion\":\"\","
                + "\"osImage\":\"\",\"containerRuntimeVersion\":\"\",\"kubeletVersion\":\"\",\"kubeProxyVersion\":\"\","
                + "\"operatingSystem\":\"\",\"architecture\":\"\"}}");
        BY_KIND.put("PersistentVolumeClaim", "\"spec\":{\"resources\":{}},\"status\":{}");
        BY_KIND.put("PersistentVolume", "\"spec\":{},\"status\":{}");
        BY_KIND.put("Ingress", "\"spec\":{},\"status\":{\"loadBalancer\":{}}");
        BY_KIND.put("NetworkPolicy", "\"spec\":{\"podSelector\":{}}");
        BY_KIND.put("HorizontalPodAutoscaler", "\"spec\":{\"scaleTargetRef\":{\"kind\":\"\",\"name\":\"\"},"
                + "\"maxReplicas\":0},\"status\":{\"desiredReplicas\":0,\"currentMetrics\":null}");
        BY_KIND.put("PodDisruptionBudget", "\"spec\":{},\"status\":{\"disruptionsAllowed\":0,\"currentHealthy\":0,"
                + "\"desiredHealthy\":0,\"expectedPods\":0}");
        BY_KIND.put("Role", "\"rules\":null");
        BY_KIND.put("ClusterRole", "\"rules\":null");
        BY_KIND.put("RoleBinding", "\"roleRef\":{\"apiGroup\":\"\",\"kind\":\"\",\"name\":\"\"}");
        BY_KIND.put("ClusterRoleBinding", "\"roleRef\":{\"apiGroup\":\"\",\"kind\":\"\",\"name\":\"\"}");
        BY_KIND.put("EndpointSlice", "\"addressType\":\"\",\"endpoints\":null,\"ports\":null");
        BY_KIND.put("Event", "\"involvedObject\":{},\"source\":{},\"firstTimestamp\":null,\"lastTimestamp\":null,"
                + "\"eventTime\":null,\"reportingComponent\":\"\",\"reportingInstance\":\"\"");
        BY_KIND.put("Lease", "\"spec\":{}");
        BY_KIND.put("ResourceQuota", "\"spec\":{},\"status\":{}");
        BY_KIND.put("LimitRange", "\"spec\":{\"limits\":null}");
        BY_KIND.put("PriorityClass", "\"value\":0");
        BY_KIND.put("StorageClass", "\"provisioner\":\"\"");
    }

    private ZeroObjects() {
    }

    /** A new empty object of the kind; kinds without Go types of ours (custom resources) have only their metadata. */
    static ObjectNode of(String apiVersion, String kind) {
        String body = BY_KIND.get(kind);
        if (kind.equals("Event") && apiVersion.equals("events.k8s.io/v1")) {
            body = "\"eventTime\":null";
        }
        try {
            ObjectNode out = (ObjectNode) JSON.readTree("{" + META + (body == null ? "" : "," + body) + "}");
            out.put("apiVersion", apiVersion);
            out.put("kind", kind);
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
