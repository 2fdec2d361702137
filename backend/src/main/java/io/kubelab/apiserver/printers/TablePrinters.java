package io.kubelab.apiserver.printers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.EventConversion;
import io.kubelab.apiserver.HpaConversion;
import io.kubelab.model.ResourceType;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The API server's Table output ({@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io}): Kubernetes
 * 1.32's printers.go handlers, generated wide as the API server does (kubectl hides priority-1 columns
 * itself), metrics-server's tables for the metrics API, and the default convertor (Name, Created At) for
 * kinds without a printer.
 */
public final class TablePrinters {

    static final String TABLE_API_VERSION = "meta.k8s.io/v1";
    static final String METRICS_GROUP = "metrics.k8s.io";
    static final String GO_ZERO_TIME = "0001-01-01T00:00:00Z";

    private static final Map<String, Printer> BY_GROUP_KIND = Map.ofEntries(
            Map.entry("Pod", PodPrinter.PRINTER),
            Map.entry("PodTemplate", WorkloadPrinters.POD_TEMPLATE),
            Map.entry("ReplicationController", WorkloadPrinters.REPLICATION_CONTROLLER),
            Map.entry("Service", CorePrinters.SERVICE),
            Map.entry("Endpoints", CorePrinters.ENDPOINTS),
            Map.entry("Node", CorePrinters.NODE),
            Map.entry("Event", EventPrinter.PRINTER),
            Map.entry("Event.events.k8s.io", EventPrinter.PRINTER),
            Map.entry("Namespace", CorePrinters.NAMESPACE),
            Map.entry("Secret", CorePrinters.SECRET),
            Map.entry("ConfigMap", CorePrinters.CONFIG_MAP),
            Map.entry("ServiceAccount", CorePrinters.SERVICE_ACCOUNT),
            Map.entry("PersistentVolume", CorePrinters.PERSISTENT_VOLUME),
            Map.entry("PersistentVolumeClaim", CorePrinters.PERSISTENT_VOLUME_CLAIM),
            Map.entry("ResourceQuota", CorePrinters.RESOURCE_QUOTA),
            Map.entry("Deployment.apps", WorkloadPrinters.DEPLOYMENT),
            Map.entry("ReplicaSet.apps", WorkloadPrinters.REPLICA_SET),
            Map.entry("DaemonSet.apps", WorkloadPrinters.DAEMON_SET),
            Map.entry("StatefulSet.apps", WorkloadPrinters.STATEFUL_SET),
            Map.entry("ControllerRevision.apps", WorkloadPrinters.CONTROLLER_REVISION),
            Map.entry("Job.batch", WorkloadPrinters.JOB),
            Map.entry("CronJob.batch", WorkloadPrinters.CRON_JOB),
            Map.entry("PodDisruptionBudget.policy", WorkloadPrinters.POD_DISRUPTION_BUDGET),
            Map.entry("HorizontalPodAutoscaler.autoscaling", HpaPrinter.PRINTER),
            Map.entry("Ingress.networking.k8s.io", OtherPrinters.INGRESS),
            Map.entry("IngressClass.networking.k8s.io", OtherPrinters.INGRESS_CLASS),
            Map.entry("NetworkPolicy.networking.k8s.io", OtherPrinters.NETWORK_POLICY),
            Map.entry("RoleBinding.rbac.authorization.k8s.io", OtherPrinters.ROLE_BINDING),
            Map.entry("ClusterRoleBinding.rbac.authorization.k8s.io", OtherPrinters.CLUSTER_ROLE_BINDING),
            Map.entry("StorageClass.storage.k8s.io", OtherPrinters.STORAGE_CLASS),
            Map.entry("PriorityClass.scheduling.k8s.io", OtherPrinters.PRIORITY_CLASS),
            Map.entry("Lease.coordination.k8s.io", OtherPrinters.LEASE),
            Map.entry("EndpointSlice.discovery.k8s.io", OtherPrinters.ENDPOINT_SLICE),
            Map.entry("APIService.apiregistration.k8s.io", OtherPrinters.API_SERVICE));

    /** {@code rest.NewDefaultTableConvertor}: what Role, ClusterRole, LimitRange... are served as. */
    static final List<Column> DEFAULT_COLUMNS = List.of(Column.nameColumn(),
            new Column("Created At", Column.DATE, "", Docs.OBJECT_META_CREATION_TIMESTAMP, 0));

    private TablePrinters() {
    }

    /** Whether the kind has a printers.go handler (otherwise it is served with Name and Created At). */
    public static boolean hasPrinter(ResourceType type) {
        return BY_GROUP_KIND.containsKey(groupKind(type));
    }

    /**
     * The columns the API server sends for this kind; for the metrics API they depend on the items (see
     * {@link #table}), and this answers the default pair.
     */
    public static List<Column> columns(ResourceType type) {
        Printer printer = BY_GROUP_KIND.get(groupKind(type));
        return printer == null ? DEFAULT_COLUMNS : printer.columns();
    }

    /**
     * The Table for one object or a list's items; its metadata carries the single object's resourceVersion
     * (use the overload with the list's metadata for a list).
     */
    public static ObjectNode table(ResourceType type, List<ObjectNode> objects, Instant now, IncludeObject include) {
        ObjectNode listMeta = JsonNodeFactory.instance.objectNode();
        if (objects.size() == 1) {
            String rv = objects.get(0).path("metadata").path("resourceVersion").asText("");
            if (!rv.isEmpty()) {
                listMeta.put("resourceVersion", rv);
            }
        }
        return table(type, objects, listMeta, now, include);
    }

    /**
     * The Table for a list: {@code listMetadata} is the list's metadata (resourceVersion, continue,
     * remainingItemCount), copied as the Table's.
     */
    public static ObjectNode table(ResourceType type, List<ObjectNode> objects, ObjectNode listMetadata, Instant now,
                                   IncludeObject include) {
        ObjectNode table = JsonNodeFactory.instance.objectNode();
        table.put("kind", "Table").put("apiVersion", TABLE_API_VERSION);
        ObjectNode meta = table.putObject("metadata");
        for (String field : new String[] {"resourceVersion", "continue", "remainingItemCount"}) {
            JsonNode value = listMetadata.path(field);
            if (!value.isMissingNode() && !value.isNull() && !value.asText().isEmpty()) {
                meta.set(field, value);
            }
        }
        String groupKind = groupKind(type);
        if (type.group().equals(METRICS_GROUP)) {
            MetricsTables.fill(table, objects, type.kind().equals("PodMetrics"), include, TablePrinters::rowObject);
            return table;
        }
        Printer printer = BY_GROUP_KIND.get(groupKind);
        ArrayNode columns = table.putArray("columnDefinitions");
        for (Column c : printer == null ? DEFAULT_COLUMNS : printer.columns()) {
            columns.addObject().put("name", c.name()).put("type", c.type()).put("format", c.format())
                    .put("description", c.description()).put("priority", c.priority());
        }
        ArrayNode rows = table.putArray("rows");
        boolean eventsV1 = groupKind.equals("Event.events.k8s.io");
        for (ObjectNode object : objects) {
            Row row = new Row(now);
            if (printer == null) {
                // Time.UTC().Format(time.RFC3339): stored times already have that form; Go's zero time otherwise.
                JsonNode created = object.path("metadata").path("creationTimestamp");
                row.str(object.path("metadata").path("name").asText())
                        .str(created.isTextual() ? created.asText() : GO_ZERO_TIME);
            } else {
                printer.cells().fill(eventsV1 ? EventConversion.toCoreV1(object) : printable(object), row);
            }
            ObjectNode r = rows.addObject();
            r.set("cells", row.cells);
            if (row.conditions != null) {
                r.set("conditions", row.conditions);
            }
            r.set("object", rowObject(object, include));
        }
        return table;
    }

    /** kube-apiserver prints the internal object: an autoscaling/v1 autoscaler prints as its stored v2 self. */
    private static ObjectNode printable(ObjectNode object) {
        return object.path("apiVersion").asText().equals(HpaConversion.V1) ? HpaConversion.toV2(object) : object;
    }

    private static JsonNode rowObject(ObjectNode object, IncludeObject include) {
        switch (include) {
            case NONE:
                return JsonNodeFactory.instance.nullNode();
            case OBJECT:
                return object;
            default:
                ObjectNode partial = JsonNodeFactory.instance.objectNode();
                partial.put("kind", "PartialObjectMetadata").put("apiVersion", TABLE_API_VERSION);
                partial.set("metadata", object.path("metadata"));
                return partial;
        }
    }

    /** Go's {@code GroupKind.String()}: {@code Deployment.apps}, plain {@code Pod} for the core group. */
    static String groupKind(ResourceType type) {
        return type.group().isEmpty() ? type.kind() : type.kind() + "." + type.group();
    }
}
