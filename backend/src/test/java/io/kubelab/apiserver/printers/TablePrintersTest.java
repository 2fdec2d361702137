package io.kubelab.apiserver.printers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Table as the API server sends it, and the cells of kinds the settled scenario does not reach. */
class TablePrintersTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final String META = "\"metadata\":{\"name\":\"x\",\"namespace\":\"default\",\"creationTimestamp\":"
            + "\"2026-11-25T11:00:00Z\",\"resourceVersion\":\"42\",\"labels\":{\"app\":\"x\"}}";

    static ObjectNode object(String apiVersion, String kind, String body) throws Exception {
        return (ObjectNode) JSON.readTree("{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"" + kind + "\"," + META
                + (body.isEmpty() ? "" : "," + body) + "}");
    }

    static List<String> cells(String apiVersion, String kind, String body) throws Exception {
        ObjectNode table = TablePrinters.table(ResourceTypes.of(apiVersion, kind), List.of(object(apiVersion, kind, body)),
                NOW, IncludeObject.NONE);
        List<String> out = new ArrayList<>();
        table.path("rows").get(0).path("cells").forEach(c -> out.add(c.isTextual() ? c.asText() : c.toString()));
        return out;
    }

    @Test
    void metadataRowsCarryPartialObjectMetadataAndTheTableTheResourceVersion() throws Exception {
        ObjectNode pod = object("v1", "Pod", "\"spec\":{\"containers\":[]},\"status\":{\"phase\":\"Succeeded\"}");
        ObjectNode table = TablePrinters.table(ResourceTypes.of("v1", "Pod"), List.of(pod), NOW, IncludeObject.METADATA);
        assertTrue(table.toString().startsWith(
                "{\"kind\":\"Table\",\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":{\"resourceVersion\":\"42\"},"
                        + "\"columnDefinitions\":[{\"name\":\"Name\",\"type\":\"string\",\"format\":\"name\",\"description\":"),
                table.toString());
        JsonNode row = table.path("rows").get(0);
        assertEquals("[\"x\",\"0/0\",\"Succeeded\",\"0\",\"60m\",\"<none>\",\"<none>\",\"<none>\",\"<none>\"]",
                row.path("cells").toString());
        assertEquals("[{\"type\":\"Completed\",\"status\":\"True\",\"reason\":\"Succeeded\","
                + "\"message\":\"The pod has completed successfully.\"}]", row.path("conditions").toString());
        assertEquals("{\"kind\":\"PartialObjectMetadata\",\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":{\"name\":\"x\","
                + "\"namespace\":\"default\",\"creationTimestamp\":\"2026-11-25T11:00:00Z\",\"resourceVersion\":\"42\","
                + "\"labels\":{\"app\":\"x\"}}}", row.path("object").toString());
        assertEquals(List.of("cells", "conditions", "object"), fieldNames(row));
    }

    @Test
    void noneLeavesANullObjectAndObjectTheWholeOne() throws Exception {
        ObjectNode cm = object("v1", "ConfigMap", "\"data\":{\"a\":\"1\"},\"binaryData\":{\"b\":\"AA==\"}");
        ResourceType type = ResourceTypes.of("v1", "ConfigMap");
        assertEquals("{\"cells\":[\"x\",2,\"60m\"],\"object\":null}",
                TablePrinters.table(type, List.of(cm), NOW, IncludeObject.NONE).path("rows").get(0).toString());
        assertEquals(cm, TablePrinters.table(type, List.of(cm), NOW, IncludeObject.OBJECT).path("rows").get(0).path("object"));
    }

    @Test
    void aListTableTakesTheListMetadata() throws Exception {
        ObjectNode listMeta = (ObjectNode) JSON.readTree("{\"resourceVersion\":\"99\",\"continue\":\"abc\",\"remainingItemCount\":3}");
        ObjectNode table = TablePrinters.table(ResourceTypes.of("v1", "Secret"), List.of(), listMeta, NOW,
                IncludeObject.METADATA);
        assertEquals("{\"resourceVersion\":\"99\",\"continue\":\"abc\",\"remainingItemCount\":3}", table.path("metadata").toString());
        assertEquals("[]", table.path("rows").toString());
    }

    @Test
    void kindsWithoutAPrinterGetNameAndCreatedAt() throws Exception {
        ResourceType roles = ResourceTypes.of("rbac.authorization.k8s.io/v1", "Role");
        ObjectNode table = TablePrinters.table(roles, List.of(object("rbac.authorization.k8s.io/v1", "Role", "")), NOW,
                IncludeObject.NONE);
        JsonNode columns = table.path("columnDefinitions");
        assertEquals("Created At|date|", columns.get(1).path("name").asText() + "|" + columns.get(1).path("type").asText()
                + "|" + columns.get(1).path("format").asText());
        assertEquals("[\"x\",\"2026-11-25T11:00:00Z\"]", table.path("rows").get(0).path("cells").toString());
        assertTrue(!TablePrinters.hasPrinter(roles) && TablePrinters.hasPrinter(ResourceTypes.of("v1", "Pod")));
    }

    @Test
    void metricsTablesHaveAColumnPerResourceAndSumAPodsContainers() throws Exception {
        ObjectNode pod = (ObjectNode) JSON.readTree("{\"metadata\":{\"name\":\"web\",\"namespace\":\"default\"},"
                + "\"window\":\"15.02s\",\"containers\":[{\"name\":\"a\",\"usage\":{\"memory\":\"1Mi\",\"cpu\":\"1500000n\"}},"
                + "{\"name\":\"b\",\"usage\":{\"cpu\":\"500000n\",\"memory\":\"1024Ki\"}}]}");
        ObjectNode table = TablePrinters.table(ResourceTypes.of("metrics.k8s.io/v1beta1", "PodMetrics"), List.of(pod),
                NOW, IncludeObject.NONE);
        assertEquals("[{\"name\":\"Name\",\"type\":\"string\",\"format\":\"name\",\"description\":\"Name of the resource\","
                + "\"priority\":0},{\"name\":\"cpu\",\"type\":\"string\",\"format\":\"quantity\",\"description\":\"\",\"priority\":0},"
                + "{\"name\":\"memory\",\"type\":\"string\",\"format\":\"quantity\",\"description\":\"\",\"priority\":0},"
                + "{\"name\":\"Window\",\"type\":\"string\",\"format\":\"duration\",\"description\":\"\",\"priority\":0}]",
                table.path("columnDefinitions").toString());
        assertEquals("[\"web\",\"2m\",\"2Mi\",\"15.02s\"]", table.path("rows").get(0).path("cells").toString());
        ObjectNode empty = TablePrinters.table(ResourceTypes.of("metrics.k8s.io/v1beta1", "NodeMetrics"), List.of(),
                NOW, IncludeObject.NONE);
        assertEquals("{\"kind\":\"Table\",\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":{},\"columnDefinitions\":null,"
                + "\"rows\":null}", empty.toString());
    }

    @Test
    void everyServedKindHasColumnsStartingWithAName() {
        for (ResourceType type : ResourceTypes.all()) {
            List<Column> columns = TablePrinters.columns(type);
            Column first = type.kind().equals("Event") ? columns.get(columns.size() - 1) : columns.get(0);
            assertEquals("Name|name", first.name() + "|" + first.format(), type.kind());
        }
    }

    @ParameterizedTest(name = "{1} {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "ClusterIP with external IPs|v1|Service|`\"spec\":{\"type\":\"ClusterIP\",\"clusterIPs\":[\"10.96.0.10\"],\"externalIPs\":[\"1.2.3.4\",\"5.6.7.8\"],\"ports\":[{\"port\":53,\"protocol\":\"UDP\"},{\"port\":53,\"protocol\":\"TCP\"}]}`|x,ClusterIP,10.96.0.10,`1.2.3.4,5.6.7.8`,`53/UDP,53/TCP`,60m,<none>",
            "LoadBalancer pending|v1|Service|`\"spec\":{\"type\":\"LoadBalancer\",\"clusterIPs\":[\"10.96.1.1\"],\"selector\":{\"b\":\"2\",\"a\":\"1\"},\"ports\":[{\"port\":80,\"nodePort\":30080,\"protocol\":\"TCP\"}]}`|x,LoadBalancer,10.96.1.1,<pending>,80:30080/TCP,60m,`a=1,b=2`",
            "LoadBalancer hostnames not cut|v1|Service|`\"spec\":{\"type\":\"LoadBalancer\",\"clusterIPs\":[\"10.96.1.1\"],\"externalIPs\":[\"9.9.9.9\"]},\"status\":{\"loadBalancer\":{\"ingress\":[{\"hostname\":\"b.example-long-hostname.com\"},{\"ip\":\"1.1.1.1\"}]}}`|x,LoadBalancer,10.96.1.1,`1.1.1.1,b.example-long-hostname.com,9.9.9.9`,<none>,60m,<none>",
            "headless, no ports|v1|Endpoints|`\"subsets\":[{\"addresses\":[{\"ip\":\"10.0.0.1\"},{\"ip\":\"fd00::1\"}]}]`|x,`10.0.0.1,fd00::1`,60m",
            "more than three|v1|Endpoints|`\"subsets\":[{\"addresses\":[{\"ip\":\"10.0.0.1\"},{\"ip\":\"fd00::1\"}],\"ports\":[{\"port\":80},{\"port\":443}]}]`|x,`10.0.0.1:80,[fd00::1]:80,10.0.0.1:443 + 1 more...`,60m",
            "no subsets|v1|Endpoints|``|x,<none>,60m",
            "not ready, roles, no info|v1|Node|`\"metadata\":{\"name\":\"n\",\"creationTimestamp\":\"2026-11-25T11:00:00Z\",\"labels\":{\"node-role.kubernetes.io/worker\":\"\",\"kubernetes.io/role\":\"db\",\"node-role.kubernetes.io/\":\"\"}},\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"Unknown\"}],\"addresses\":[{\"type\":\"ExternalIP\",\"address\":\"3.3.3.3\"}]}`|n,NotReady,`db,worker`,60m,``,<none>,3.3.3.3,<unknown>,<unknown>,<unknown>",
            "no conditions, cordoned|v1|Node|`\"spec\":{\"unschedulable\":true}`|x,`Unknown,SchedulingDisabled`,<none>,60m,``,<none>,<none>,<unknown>,<unknown>,<unknown>",
            "parallel without completions|batch/v1|Job|`\"spec\":{\"parallelism\":3,\"template\":{\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"i\"},{\"name\":\"b\",\"image\":\"j\"}]}}},\"status\":{\"succeeded\":1,\"startTime\":\"2026-11-25T11:30:00Z\",\"conditions\":[{\"type\":\"Suspended\",\"status\":\"True\"}]}`|x,Suspended,1/1 of 3,30m,60m,`a,b`,`i,j`,<none>",
            "failed|batch/v1|Job|`\"spec\":{\"completions\":5,\"template\":{\"spec\":{\"containers\":[]}}},\"status\":{\"failed\":6,\"startTime\":\"2026-11-25T11:00:00Z\",\"completionTime\":\"2026-11-25T11:03:05Z\",\"conditions\":[{\"type\":\"FailureTarget\",\"status\":\"True\"},{\"type\":\"Failed\",\"status\":\"True\"}]}`|x,Failed,0/5,3m5s,60m,``,``,<none>",
            "two metrics and more|autoscaling/v2|HorizontalPodAutoscaler|`\"spec\":{\"scaleTargetRef\":{\"kind\":\"Deployment\",\"name\":\"web\"},\"maxReplicas\":10,\"metrics\":[{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\",\"target\":{\"type\":\"Utilization\",\"averageUtilization\":50}}},{\"type\":\"Resource\",\"resource\":{\"name\":\"memory\",\"target\":{\"type\":\"AverageValue\",\"averageValue\":\"100Mi\"}}},{\"type\":\"Pods\",\"pods\":{\"metric\":{\"name\":\"qps\"},\"target\":{\"type\":\"AverageValue\",\"averageValue\":\"1k\"}}}]},\"status\":{\"currentReplicas\":2,\"currentMetrics\":[{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\",\"current\":{\"averageUtilization\":12,\"averageValue\":\"6m\"}}}]}`|x,Deployment/web,`cpu: 12%/50%, memory: <unknown>/100Mi + 1 more...`,<unset>,10,2,60m",
            "pointer quantities print <nil>|autoscaling/v2|HorizontalPodAutoscaler|`\"spec\":{\"scaleTargetRef\":{\"kind\":\"StatefulSet\",\"name\":\"db\"},\"minReplicas\":2,\"maxReplicas\":4,\"metrics\":[{\"type\":\"Pods\",\"pods\":{\"metric\":{\"name\":\"qps\"},\"target\":{\"type\":\"AverageValue\",\"averageValue\":\"1k\"}}},{\"type\":\"External\",\"external\":{\"metric\":{\"name\":\"q\"},\"target\":{\"type\":\"Value\",\"value\":\"30\"}}}]},\"status\":{\"currentMetrics\":[{\"type\":\"Pods\",\"pods\":{\"metric\":{\"name\":\"qps\"},\"current\":{}}}]}`|x,StatefulSet/db,`<nil>/1k, <unknown>/30`,2,4,0,60m",
            "limits column|v1|ResourceQuota|`\"status\":{\"hard\":{\"pods\":\"10\",\"limits.cpu\":\"2\",\"requests.memory\":\"1Gi\"},\"used\":{\"pods\":\"3\",\"limits.cpu\":\"500m\"}}`|x,`pods: 3/10, requests.memory: 0/1Gi`,limits.cpu: 500m/2,60m",
            "bound volume|v1|PersistentVolume|`\"metadata\":{\"name\":\"pv1\",\"creationTimestamp\":\"2026-11-25T11:00:00Z\",\"annotations\":{\"volume.beta.kubernetes.io/storage-class\":\"old\"}},\"spec\":{\"capacity\":{\"storage\":\"5Gi\"},\"accessModes\":[\"ReadWriteMany\",\"ReadWriteOnce\",\"ReadWriteOnce\"],\"persistentVolumeReclaimPolicy\":\"Retain\",\"claimRef\":{\"namespace\":\"default\",\"name\":\"data\"},\"storageClassName\":\"new\",\"volumeMode\":\"Filesystem\"},\"status\":{\"phase\":\"Bound\"}`|pv1,5Gi,`RWO,RWX`,Retain,Bound,default/data,old,<unset>,``,60m,Filesystem",
            "event series|v1|Event|`\"involvedObject\":{\"kind\":\"Pod\",\"name\":\"web\",\"fieldPath\":\"spec.containers{web}\"},\"reason\":\"BackOff\",\"message\":\" Back-off restarting \\n\",\"type\":\"Warning\",\"eventTime\":\"2026-11-25T11:10:00.000000Z\",\"series\":{\"count\":7,\"lastObservedTime\":\"2026-11-25T11:59:00.000000Z\"},\"reportingComponent\":\"kubelet\",\"reportingInstance\":\"node01\",\"source\":{}`|60s,Warning,BackOff,pod/web,spec.containers{web},`kubelet, node01`,Back-off restarting,50m,7,x",
            "binding subjects|rbac.authorization.k8s.io/v1|ClusterRoleBinding|`\"roleRef\":{\"kind\":\"ClusterRole\",\"name\":\"edit\"},\"subjects\":[{\"kind\":\"Group\",\"name\":\"devs\"},{\"kind\":\"Group\",\"name\":\"ops\"},{\"kind\":\"ServiceAccount\",\"name\":\"ci\",\"namespace\":\"build\"}]`|x,ClusterRole/edit,60m,``,`devs, ops`,build/ci",
            "default class|storage.k8s.io/v1|StorageClass|`\"metadata\":{\"name\":\"fast\",\"creationTimestamp\":\"2026-11-25T11:00:00Z\",\"annotations\":{\"storageclass.kubernetes.io/is-default-class\":\"true\"}},\"provisioner\":\"csi.example\",\"allowVolumeExpansion\":true`|fast (default),csi.example,Delete,Immediate,true,60m",
            "pdb percent|policy/v1|PodDisruptionBudget|`\"spec\":{\"maxUnavailable\":\"25%\"},\"status\":{\"disruptionsAllowed\":1}`|x,N/A,25%,1,60m",
            "suspended cron with zone|batch/v1|CronJob|`\"spec\":{\"schedule\":\"@daily\",\"timeZone\":\"Europe/Paris\",\"suspend\":true,\"jobTemplate\":{\"spec\":{\"template\":{\"spec\":{\"containers\":[]}}}}}`|x,@daily,Europe/Paris,True,0,<none>,60m,``,``,<none>",
            "ingress hosts and tls|networking.k8s.io/v1|Ingress|`\"spec\":{\"ingressClassName\":\"nginx\",\"tls\":[{}],\"rules\":[{\"host\":\"a\"},{},{\"host\":\"b\"},{\"host\":\"c\"},{\"host\":\"d\"}]},\"status\":{\"loadBalancer\":{\"ingress\":[{\"ip\":\"1.2.3.4\"}]}}`|x,nginx,`a,b,c + 2 more...`,1.2.3.4,`80, 443`,60m",
            "slice ports by name|discovery.k8s.io/v1|EndpointSlice|`\"addressType\":\"IPv4\",\"ports\":[{\"name\":\"http\"},{}],\"endpoints\":[]`|x,IPv4,`http,*`,<unset>,60m",
            "revision owner|apps/v1|ControllerRevision|`\"metadata\":{\"name\":\"r\",\"creationTimestamp\":\"2026-11-25T11:00:00Z\",\"ownerReferences\":[{\"apiVersion\":\"apps/v1\",\"kind\":\"DaemonSet\",\"name\":\"ds\",\"controller\":true}]},\"revision\":3`|r,daemonset.apps/ds,3,60m",
            "local api service|apiregistration.k8s.io/v1|APIService|`\"status\":{\"conditions\":[{\"type\":\"Available\",\"status\":\"False\",\"reason\":\"MissingEndpoints\"}]}`|x,Local,False (MissingEndpoints),60m"})
    void cells(String name, String apiVersion, String kind, String body, String expected) throws Exception {
        List<String> want = new ArrayList<>();
        // Cells are comma-separated; a cell holding commas is wrapped in backticks.
        for (String cell : expected.split(",(?=(?:[^`]*`[^`]*`)*[^`]*$)", -1)) {
            want.add(cell.replace("`", ""));
        }
        String json = body.startsWith("\"metadata\"") ? body.substring(body.indexOf("}},") + 3) : body;
        List<String> actual = body.startsWith("\"metadata\"") ? cellsWithMetadata(apiVersion, kind, body) : cells(apiVersion, kind, json);
        assertEquals(want, actual);
    }

    private static List<String> cellsWithMetadata(String apiVersion, String kind, String body) throws Exception {
        ObjectNode o = (ObjectNode) JSON.readTree("{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"" + kind + "\"," + body + "}");
        ObjectNode table = TablePrinters.table(ResourceTypes.of(apiVersion, kind), List.of(o), NOW, IncludeObject.NONE);
        List<String> out = new ArrayList<>();
        table.path("rows").get(0).path("cells").forEach(c -> out.add(c.isTextual() ? c.asText() : c.toString()));
        return out;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
