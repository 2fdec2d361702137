package io.kubelab.apiserver.printers;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static io.kubelab.apiserver.printers.Column.age;
import static io.kubelab.apiserver.printers.Column.nameColumn;
import static io.kubelab.apiserver.printers.Column.string;

/** printers.go's handlers for core/v1 kinds other than Pod and Event. */
final class CorePrinters {

    static final String LABEL_NODE_ROLE_PREFIX = "node-role.kubernetes.io/";
    static final String NODE_LABEL_ROLE = "kubernetes.io/role";
    static final String STORAGE_CLASS_ANNOTATION = "volume.beta.kubernetes.io/storage-class";

    private CorePrinters() {
    }

    static String nameOf(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    static final Printer SERVICE = new Printer(List.of(nameColumn(),
            string("Type", Docs.SERVICE_SPEC_TYPE), string("Cluster-IP", Docs.SERVICE_SPEC_CLUSTER_IP),
            string("External-IP", Docs.SERVICE_SPEC_EXTERNAL_IPS),
            string("Port(s)", Docs.SERVICE_SPEC_PORTS), age(), string("Selector", Docs.SERVICE_SPEC_SELECTOR).wide()),
            (o, row) -> {
                JsonNode spec = o.path("spec");
                JsonNode clusterIPs = spec.path("clusterIPs");
                String ports = ports(spec.path("ports"));
                row.str(nameOf(o)).str(spec.path("type").asText(""))
                        .str(clusterIPs.size() > 0 ? clusterIPs.get(0).asText() : Row.NONE)
                        .str(externalIP(o)).str(ports.isEmpty() ? Row.NONE : ports).age(o)
                        .str(Formats.labels(spec.path("selector")));
            });

    /** {@code getServiceExternalIP} with wide=true, as the API server always generates. */
    static String externalIP(JsonNode svc) {
        JsonNode spec = svc.path("spec");
        List<String> externalIPs = Formats.strings(spec.path("externalIPs"));
        switch (spec.path("type").asText("")) {
            case "ClusterIP":
            case "NodePort":
                return externalIPs.isEmpty() ? Row.NONE : String.join(",", externalIPs);
            case "LoadBalancer": {
                String lb = loadBalancerIngress(svc.path("status").path("loadBalancer").path("ingress"));
                if (!externalIPs.isEmpty()) {
                    List<String> results = new ArrayList<>();
                    if (!lb.isEmpty()) {
                        results.addAll(List.of(lb.split(",")));
                    }
                    results.addAll(externalIPs);
                    return String.join(",", results);
                }
                return lb.isEmpty() ? "<pending>" : lb;
            }
            case "ExternalName":
                return spec.path("externalName").asText("");
            default:
                return Row.UNKNOWN;
        }
    }

    /** {@code loadBalancerStatusStringer}: the sorted set of IPs (or hostnames). */
    static String loadBalancerIngress(JsonNode ingress) {
        TreeSet<String> result = new TreeSet<>();
        for (JsonNode i : ingress) {
            String ip = i.path("ip").asText("");
            String hostname = i.path("hostname").asText("");
            if (!ip.isEmpty()) {
                result.add(ip);
            } else if (!hostname.isEmpty()) {
                result.add(hostname);
            }
        }
        return String.join(",", result);
    }

    /** {@code makePortString}: {@code 80/TCP}, {@code 80:30080/TCP}. */
    static String ports(JsonNode ports) {
        StringBuilder out = new StringBuilder();
        for (JsonNode p : ports) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(p.path("port").asLong());
            if (p.path("nodePort").asLong() > 0) {
                out.append(':').append(p.path("nodePort").asLong());
            }
            out.append('/').append(p.path("protocol").asText(""));
        }
        return out.toString();
    }

    static final Printer ENDPOINTS = new Printer(List.of(nameColumn(), string("Endpoints",
            Docs.ENDPOINTS_SUBSETS), age()),
            (o, row) -> row.str(nameOf(o)).str(endpoints(o.path("subsets"))).age(o));

    /** {@code formatEndpoints} with all ports. */
    static String endpoints(JsonNode subsets) {
        if (subsets.size() == 0) {
            return Row.NONE;
        }
        List<String> list = new ArrayList<>();
        int max = 3;
        boolean more = false;
        int count = 0;
        for (JsonNode ss : subsets) {
            JsonNode addresses = ss.path("addresses");
            if (ss.path("ports").size() == 0) {
                count += addresses.size();
                for (JsonNode a : addresses) {
                    if (list.size() == max) {
                        more = true;
                        break;
                    }
                    list.add(a.path("ip").asText());
                }
                continue;
            }
            for (JsonNode port : ss.path("ports")) {
                count += addresses.size();
                for (JsonNode a : addresses) {
                    if (list.size() == max) {
                        more = true;
                        break;
                    }
                    String ip = a.path("ip").asText();
                    // net.JoinHostPort brackets IPv6 addresses.
                    String host = ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip;
                    list.add(host + ":" + port.path("port").asLong());
                }
            }
        }
        String joined = String.join(",", list);
        return more ? joined + " + " + (count - max) + " more..." : joined;
    }

    static final Printer NODE = new Printer(List.of(nameColumn(),
            string("Status", "The status of the node"), string("Roles", "The roles of the node"), age(),
            string("Version", Docs.NODE_INFO_KUBELET_VERSION), string("Internal-IP",
            Docs.NODE_STATUS_ADDRESSES).wide(),
            string("External-IP", Docs.NODE_STATUS_ADDRESSES).wide(), string("OS-Image",
            Docs.NODE_INFO_OS_IMAGE).wide(),
            string("Kernel-Version", Docs.NODE_INFO_KERNEL_VERSION).wide(), string("Container-Runtime",
            Docs.NODE_INFO_CONTAINER_RUNTIME).wide()),
            CorePrinters::node);

    private static void node(JsonNode o, Row row) {
        List<String> status = new ArrayList<>();
        JsonNode ready = null;
        for (JsonNode c : o.path("status").path("conditions")) {
            if ("Ready".equals(c.path("type").asText())) {
                ready = c; // the map keeps the last condition of a type
            }
        }
        if (ready != null) {
            status.add("True".equals(ready.path("status").asText()) ? "Ready" : "NotReady");
        }
        if (status.isEmpty()) {
            status.add("Unknown");
        }
        if (o.path("spec").path("unschedulable").asBoolean(false)) {
            status.add("SchedulingDisabled");
        }
        TreeSet<String> roles = new TreeSet<>();
        o.path("metadata").path("labels").properties().forEach(e -> {
            String k = e.getKey();
            if (k.startsWith(LABEL_NODE_ROLE_PREFIX)) {
                String role = k.substring(LABEL_NODE_ROLE_PREFIX.length());
                if (!role.isEmpty()) {
                    roles.add(role);
                }
            } else if (k.equals(NODE_LABEL_ROLE) && !e.getValue().asText().isEmpty()) {
                roles.add(e.getValue().asText());
            }
        });
        JsonNode info = o.path("status").path("nodeInfo");
        row.str(nameOf(o)).str(String.join(",", status)).str(roles.isEmpty() ? Row.NONE : String.join(",", roles))
                .age(o).str(info.path("kubeletVersion").asText(""))
                .str(address(o, "InternalIP")).str(address(o, "ExternalIP"))
                .str(Formats.orDefault(info.path("osImage"), Row.UNKNOWN))
                .str(Formats.orDefault(info.path("kernelVersion"), Row.UNKNOWN))
                .str(Formats.orDefault(info.path("containerRuntimeVersion"), Row.UNKNOWN));
    }

    private static String address(JsonNode node, String type) {
        for (JsonNode a : node.path("status").path("addresses")) {
            if (type.equals(a.path("type").asText())) {
                return a.path("address").asText();
            }
        }
        return Row.NONE;
    }

    static final Printer NAMESPACE = new Printer(List.of(nameColumn(), string("Status",
            "The status of the namespace"),
            age()), (o, row) -> row.str(nameOf(o)).str(o.path("status").path("phase").asText("")).age(o));

    static final Printer SECRET = new Printer(List.of(nameColumn(), string("Type", Docs.SECRET_TYPE),
            string("Data", Docs.SECRET_DATA),
            age()), (o, row) -> row.str(nameOf(o)).str(o.path("type").asText("")).num(o.path("data").size()).age(o));

    static final Printer CONFIG_MAP = new Printer(List.of(nameColumn(), string("Data", Docs.CONFIG_MAP_DATA), age()),
            (o, row) -> row.str(nameOf(o)).num(o.path("data").size() + o.path("binaryData").size()).age(o));

    static final Printer SERVICE_ACCOUNT = new Printer(List.of(nameColumn(), string("Secrets",
            Docs.SERVICE_ACCOUNT_SECRETS), age()),
            (o, row) -> row.str(nameOf(o)).num(o.path("secrets").size()).age(o));

    static final Printer PERSISTENT_VOLUME = new Printer(List.of(nameColumn(),
            string("Capacity", Docs.PV_SPEC_CAPACITY), string("Access Modes", Docs.PV_SPEC_ACCESS_MODES),
            string("Reclaim Policy", Docs.PV_SPEC_RECLAIM_POLICY),
            string("Status", Docs.PV_STATUS_PHASE), string("Claim", Docs.PV_SPEC_CLAIM_REF),
            string("StorageClass", "StorageClass of the pv"),
            string("VolumeAttributesClass", "VolumeAttributesClass of the pv"), string("Reason",
            Docs.PV_STATUS_REASON), age(),
            string("VolumeMode", Docs.PV_SPEC_VOLUME_MODE).wide()),
            (o, row) -> {
                JsonNode spec = o.path("spec");
                JsonNode claim = spec.path("claimRef");
                String claimRef = claim.isObject()
                        ? claim.path("namespace").asText("") + "/" + claim.path("name").asText("") : "";
                String phase = o.path("metadata").path("deletionTimestamp").isTextual() ? "Terminating"
                        : o.path("status").path("phase").asText("");
                String annotated = o.path("metadata").path("annotations").path(STORAGE_CLASS_ANNOTATION).asText(null);
                row.str(nameOf(o)).str(Formats.quantity(spec.path("capacity").path("storage")))
                        .str(accessModes(spec.path("accessModes")))
                        .str(spec.path("persistentVolumeReclaimPolicy").asText("")).str(phase).str(claimRef)
                        .str(annotated != null ? annotated : spec.path("storageClassName").asText(""))
                        .str(Formats.orDefault(spec.path("volumeAttributesClassName"), Row.UNSET))
                        .str(o.path("status").path("reason").asText("")).age(o)
                        .str(spec.path("volumeMode").isTextual() ? spec.path("volumeMode").asText() : Row.UNSET);
            });

    static final Printer PERSISTENT_VOLUME_CLAIM = new Printer(List.of(nameColumn(),
            string("Status", Docs.PVC_STATUS_PHASE), string("Volume", Docs.PVC_SPEC_VOLUME_NAME),
            string("Capacity", Docs.PVC_STATUS_CAPACITY),
            string("Access Modes", Docs.PVC_STATUS_ACCESS_MODES), string("StorageClass", "StorageClass of the pvc"),
            string("VolumeAttributesClass", "VolumeAttributesClass of the pvc"), age(),
            string("VolumeMode", Docs.PVC_SPEC_VOLUME_MODE).wide()),
            (o, row) -> {
                JsonNode spec = o.path("spec");
                String phase = o.path("metadata").path("deletionTimestamp").isTextual() ? "Terminating"
                        : o.path("status").path("phase").asText("");
                String volumeName = spec.path("volumeName").asText("");
                String capacity = "";
                String modes = "";
                if (!volumeName.isEmpty()) {
                    modes = accessModes(o.path("status").path("accessModes"));
                    capacity = Formats.quantity(o.path("status").path("capacity").path("storage"));
                }
                String annotated = o.path("metadata").path("annotations").path(STORAGE_CLASS_ANNOTATION).asText(null);
                row.str(nameOf(o)).str(phase).str(volumeName).str(capacity).str(modes)
                        .str(annotated != null ? annotated : spec.path("storageClassName").asText(""))
                        .str(Formats.orDefault(spec.path("volumeAttributesClassName"), Row.UNSET)).age(o)
                        .str(spec.path("volumeMode").isTextual() ? spec.path("volumeMode").asText() : Row.UNSET);
            });

    /** {@code helper.GetAccessModesAsString}: in this fixed order, duplicates once. */
    static String accessModes(JsonNode modes) {
        List<String> have = Formats.strings(modes);
        List<String> out = new ArrayList<>();
        String[][] order = {{"ReadWriteOnce", "RWO"}, {"ReadOnlyMany", "ROX"}, {"ReadWriteMany", "RWX"},
                {"ReadWriteOncePod", "RWOP"}};
        for (String[] mode : order) {
            if (have.contains(mode[0])) {
                out.add(mode[1]);
            }
        }
        return String.join(",", out);
    }

    static final Printer RESOURCE_QUOTA = new Printer(List.of(nameColumn(),
            string("Request", "Request represents a minimum amount of cpu/memory that a container may consume."),
            string("Limit", "Limits control the maximum amount of cpu/memory that a container may use independent "
                    + "of contention on the node."), age()),
            (o, row) -> {
                JsonNode hard = o.path("status").path("hard");
                JsonNode used = o.path("status").path("used");
                TreeSet<String> resources = new TreeSet<>();
                hard.fieldNames().forEachRemaining(resources::add);
                StringBuilder request = new StringBuilder();
                StringBuilder limit = new StringBuilder();
                for (String resource : resources) {
                    StringBuilder w = resource.startsWith("limits.") ? limit : request;
                    w.append(resource).append(": ").append(Formats.quantity(used.path(resource))).append('/')
                            .append(Formats.quantity(hard.path(resource))).append(", ");
                }
                row.str(nameOf(o)).str(trimComma(request)).str(trimComma(limit)).age(o);
            });

    private static String trimComma(StringBuilder s) {
        int n = s.length();
        return n >= 2 ? s.substring(0, n - 2) : s.toString();
    }
}
