package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_0;
import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_1;
import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_2;

/** kubectl's PersistentVolume, PersistentVolumeClaim and StorageClass describers. */
final class StorageDescribers {

    private static final String BETA_CLASS = "volume.beta.kubernetes.io/storage-class";
    private static final String DEFAULT_CLASS = "storageclass.kubernetes.io/is-default-class";
    private static final String BETA_DEFAULT_CLASS = "storageclass.beta.kubernetes.io/is-default-class";

    private StorageDescribers() {
    }

    /** {@code GetPersistentVolumeClaimClass} (and the PV one): the beta annotation wins over the field. */
    static String claimClass(JsonNode pvc) {
        JsonNode beta = J.at(pvc, "metadata", "annotations", BETA_CLASS);
        return J.has(beta) ? beta.asText() : J.str(pvc, "spec", "storageClassName");
    }

    /** {@code GetAccessModesAsString}. */
    static String accessModes(List<String> modes) {
        List<String> out = new ArrayList<>();
        String[][] known = {{"ReadWriteOnce", "RWO"}, {"ReadOnlyMany", "ROX"}, {"ReadWriteMany", "RWX"}, {"ReadWriteOncePod", "RWOP"}};
        for (String[] k : known) {
            if (modes.contains(k[0])) {
                out.add(k[1]);
            }
        }
        return String.join(",", out);
    }

    static void persistentVolume(DescribeContext ctx, ObjectNode pv, PrefixWriter w) {
        Optional<List<JsonNode>> events = EventsSection.about(ctx, pv);
        JsonNode spec = pv.path("spec");
        Meta.name(w, pv);
        Meta.labels(w, pv);
        Meta.annotations(w, pv);
        w.write(LEVEL_0, "Finalizers:\t" + J.goSlice(J.strings(pv, "metadata", "finalizers")) + "\n");
        w.write(LEVEL_0, "StorageClass:\t" + claimClass(pv) + "\n");
        if (J.has(pv, "metadata", "deletionTimestamp")) {
            w.write(LEVEL_0, "Status:\tTerminating (lasts " + Ages.since(J.str(pv, "metadata", "deletionTimestamp"), ctx.now()) + ")\n");
        } else {
            w.write(LEVEL_0, "Status:\t" + J.str(pv, "status", "phase") + "\n");
        }
        if (spec.path("claimRef").isObject()) {
            w.write(LEVEL_0, "Claim:\t" + J.str(spec, "claimRef", "namespace") + "/" + J.str(spec, "claimRef", "name") + "\n");
        } else {
            w.write(LEVEL_0, "Claim:\t\n");
        }
        w.write(LEVEL_0, "Reclaim Policy:\t" + J.str(spec, "persistentVolumeReclaimPolicy") + "\n");
        w.write(LEVEL_0, "Access Modes:\t" + accessModes(J.strings(spec, "accessModes")) + "\n");
        if (J.has(spec, "volumeMode")) {
            w.write(LEVEL_0, "VolumeMode:\t" + J.str(spec, "volumeMode") + "\n");
        }
        w.write(LEVEL_0, "Capacity:\t" + Quantities.text(J.has(spec, "capacity", "storage") ? J.str(spec, "capacity", "storage") : "0") + "\n");
        nodeAffinity(w, spec.path("nodeAffinity"));
        w.write(LEVEL_0, "Message:\t" + J.str(pv, "status", "message") + "\n");
        w.write(LEVEL_0, "Source:\n");
        if (!source(w, spec)) {
            w.write(LEVEL_1, "<unknown>\n");
        }
        EventsSection.write(events, w, ctx.now());
    }

    private static boolean source(PrefixWriter w, JsonNode spec) {
        if (spec.path("hostPath").isObject()) {
            VolumeSources.hostPath(w, spec.path("hostPath"));
        } else if (spec.path("gcePersistentDisk").isObject()) {
            VolumeSources.gce(w, spec.path("gcePersistentDisk"));
        } else if (spec.path("awsElasticBlockStore").isObject()) {
            VolumeSources.aws(w, spec.path("awsElasticBlockStore"));
        } else if (spec.path("nfs").isObject()) {
            VolumeSources.nfs(w, spec.path("nfs"));
        } else if (spec.path("iscsi").isObject()) {
            VolumeSources.iscsi(w, spec.path("iscsi"));
        } else if (spec.path("glusterfs").isObject()) {
            JsonNode g = spec.path("glusterfs");
            VolumeSources.type(w, "Glusterfs (a Glusterfs mount on the host that shares a pod's lifetime)", "EndpointsName",
                    J.str(g, "endpoints"), "EndpointsNamespace", J.has(g, "endpointsNamespace") ? J.str(g, "endpointsNamespace") : Meta.UNSET,
                    "Path", J.str(g, "path"), "ReadOnly", VolumeSources.bool(g, "readOnly"));
        } else if (spec.path("rbd").isObject()) {
            VolumeSources.rbd(w, spec.path("rbd"));
        } else if (spec.path("local").isObject()) {
            VolumeSources.type(w, "LocalVolume (a persistent volume backed by local storage on a node)", "Path", J.str(spec, "local", "path"));
        } else if (spec.path("csi").isObject()) {
            JsonNode c = spec.path("csi");
            VolumeSources.type(w, "CSI (a Container Storage Interface (CSI) volume source)", "Driver", J.str(c, "driver"),
                    "FSType", J.str(c, "fsType"), "VolumeHandle", J.str(c, "volumeHandle"), "ReadOnly", VolumeSources.bool(c, "readOnly"));
            VolumeSources.csiAttributes(w, J.map(c, "volumeAttributes"));
        } else {
            return VolumeSources.otherSource(w, spec);
        }
        return true;
    }

    /** {@code printVolumeNodeAffinity}. */
    private static void nodeAffinity(PrefixWriter w, JsonNode affinity) {
        w.write(LEVEL_0, "Node Affinity:\t");
        if (!affinity.path("required").isObject()) {
            w.writeLine(Meta.NONE);
            return;
        }
        w.writeLine("");
        w.write(LEVEL_1, "Required Terms:\t");
        List<JsonNode> terms = J.list(affinity, "required", "nodeSelectorTerms");
        if (terms.isEmpty()) {
            w.writeLine(Meta.NONE);
            return;
        }
        w.writeLine("");
        for (int i = 0; i < terms.size(); i++) {
            w.write(LEVEL_2, "Term " + i + ":\t");
            List<JsonNode> reqs = J.list(terms.get(i), "matchExpressions");
            if (reqs.isEmpty()) {
                w.writeLine(Meta.NONE);
                continue;
            }
            for (int j = 0; j < reqs.size(); j++) {
                JsonNode r = reqs.get(j);
                if (j != 0) {
                    w.write(LEVEL_2, "\t");
                }
                String expr = J.str(r, "key") + " " + J.str(r, "operator").toLowerCase(java.util.Locale.ROOT);
                if (!J.list(r, "values").isEmpty()) {
                    expr += " [" + String.join(", ", J.strings(r, "values")) + "]";
                }
                w.write(LEVEL_0, expr + "\n");
            }
        }
    }

    static void persistentVolumeClaim(DescribeContext ctx, ObjectNode pvc, PrefixWriter w) {
        String name = J.str(pvc, "metadata", "name");
        List<JsonNode> nsPods = Fetch.list(ctx, Fetch.PODS, J.str(pvc, "metadata", "namespace"), "", "");
        List<JsonNode> users = new ArrayList<>();
        for (JsonNode pod : nsPods) {
            for (JsonNode v : J.list(pod, "spec", "volumes")) {
                if (J.str(v, "persistentVolumeClaim", "claimName").equals(name) && v.path("persistentVolumeClaim").isObject()) {
                    users.add(pod);
                }
            }
        }
        for (JsonNode ref : J.list(pvc, "metadata", "ownerReferences")) {
            if (!J.str(ref, "kind").equals("Pod")) {
                continue;
            }
            for (JsonNode pod : nsPods) {
                String uid = J.str(pod, "metadata", "uid");
                if (uid.equals(J.str(ref, "uid")) && users.stream().noneMatch(p -> J.str(p, "metadata", "uid").equals(uid))) {
                    users.add(pod);
                }
            }
        }
        Optional<List<JsonNode>> events = EventsSection.about(ctx, pvc);
        claim(w, pvc, true, ctx.now());
        w.write(LEVEL_0, "Used By:\t");
        if (users.isEmpty()) {
            w.writeLine(Meta.NONE);
        } else {
            users.sort(Comparator.comparing(p -> J.str(p, "metadata", "name")));
            for (int i = 0; i < users.size(); i++) {
                if (i != 0) {
                    w.write(LEVEL_0, "\t");
                }
                w.write(LEVEL_0, J.str(users.get(i), "metadata", "name") + "\n");
            }
        }
        List<JsonNode> conditions = J.list(pvc, "status", "conditions");
        if (!conditions.isEmpty()) {
            w.write(LEVEL_0, "Conditions:\n");
            w.write(LEVEL_1, "Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n");
            w.write(LEVEL_1, "----\t------\t-----------------\t------------------\t------\t-------\n");
            for (JsonNode c : conditions) {
                w.write(LEVEL_1, J.str(c, "type") + " \t" + J.str(c, "status") + " \t" + Ages.date(J.str(c, "lastProbeTime")) + " \t"
                        + Ages.date(J.str(c, "lastTransitionTime")) + " \t" + J.str(c, "reason") + " \t" + J.str(c, "message") + "\n");
            }
        }
        EventsSection.write(events, w, ctx.now());
    }

    /** {@code printPersistentVolumeClaim}: a full claim, or an ephemeral volume's claim template ({@code now} only matters for a full one). */
    static void claim(PrefixWriter w, JsonNode pvc, boolean full, java.time.Instant now) {
        JsonNode spec = pvc.path("spec");
        if (full) {
            Meta.name(w, pvc);
            Meta.namespace(w, pvc);
        }
        w.write(LEVEL_0, "StorageClass:\t" + claimClass(pvc) + "\n");
        if (full) {
            if (J.has(pvc, "metadata", "deletionTimestamp")) {
                w.write(LEVEL_0, "Status:\tTerminating (lasts " + Ages.since(J.str(pvc, "metadata", "deletionTimestamp"), now) + ")\n");
            } else {
                w.write(LEVEL_0, "Status:\t" + J.str(pvc, "status", "phase") + "\n");
            }
        }
        w.write(LEVEL_0, "Volume:\t" + J.str(spec, "volumeName") + "\n");
        Meta.labels(w, pvc);
        Meta.annotations(w, pvc);
        if (full) {
            w.write(LEVEL_0, "Finalizers:\t" + J.goSlice(J.strings(pvc, "metadata", "finalizers")) + "\n");
        }
        String capacity = "";
        String modes = "";
        if (!J.str(spec, "volumeName").isEmpty()) {
            modes = accessModes(J.strings(pvc, "status", "accessModes"));
            capacity = Quantities.text(J.has(pvc, "status", "capacity", "storage") ? J.str(pvc, "status", "capacity", "storage") : "0");
        }
        w.write(LEVEL_0, "Capacity:\t" + capacity + "\n");
        w.write(LEVEL_0, "Access Modes:\t" + modes + "\n");
        if (J.has(spec, "volumeMode")) {
            w.write(LEVEL_0, "VolumeMode:\t" + J.str(spec, "volumeMode") + "\n");
        }
        if (spec.path("dataSource").isObject()) {
            JsonNode ds = spec.path("dataSource");
            w.write(LEVEL_0, "DataSource:\n");
            if (J.has(ds, "apiGroup")) {
                w.write(LEVEL_1, "APIGroup:\t" + J.str(ds, "apiGroup") + "\n");
            }
            w.write(LEVEL_1, "Kind:\t" + J.str(ds, "kind") + "\n");
            w.write(LEVEL_1, "Name:\t" + J.str(ds, "name") + "\n");
        }
    }

    static void storageClass(DescribeContext ctx, ObjectNode sc, PrefixWriter w) {
        Optional<List<JsonNode>> events = EventsSection.about(ctx, sc);
        Meta.name(w, sc);
        String isDefault = J.str(sc, "metadata", "annotations", DEFAULT_CLASS).equals("true")
                || J.str(sc, "metadata", "annotations", BETA_DEFAULT_CLASS).equals("true") ? "Yes" : "No";
        w.write(LEVEL_0, "IsDefaultClass:\t" + isDefault + "\n");
        w.write(LEVEL_0, "Annotations:\t" + Meta.formatLabels(J.map(sc, "metadata", "annotations")) + "\n");
        w.write(LEVEL_0, "Provisioner:\t" + J.str(sc, "provisioner") + "\n");
        w.write(LEVEL_0, "Parameters:\t" + Meta.formatLabels(J.map(sc, "parameters")) + "\n");
        w.write(LEVEL_0, "AllowVolumeExpansion:\t" + Meta.boolPtr(sc, "allowVolumeExpansion") + "\n");
        List<String> options = J.strings(sc, "mountOptions");
        if (options.isEmpty()) {
            w.write(LEVEL_0, "MountOptions:\t<none>\n");
        } else {
            w.write(LEVEL_0, "MountOptions:\n");
            for (String o : options) {
                w.write(LEVEL_1, o + "\n");
            }
        }
        if (J.has(sc, "reclaimPolicy")) {
            w.write(LEVEL_0, "ReclaimPolicy:\t" + J.str(sc, "reclaimPolicy") + "\n");
        }
        if (J.has(sc, "volumeBindingMode")) {
            w.write(LEVEL_0, "VolumeBindingMode:\t" + J.str(sc, "volumeBindingMode") + "\n");
        }
        if (sc.path("allowedTopologies").isArray()) {
            List<JsonNode> terms = J.list(sc, "allowedTopologies");
            w.write(LEVEL_0, "AllowedTopologies:\t");
            if (terms.isEmpty()) {
                w.writeLine(Meta.NONE);
            } else {
                w.writeLine("");
                for (int i = 0; i < terms.size(); i++) {
                    w.write(LEVEL_1, "Term " + i + ":\t");
                    List<JsonNode> reqs = J.list(terms.get(i), "matchLabelExpressions");
                    if (reqs.isEmpty()) {
                        w.writeLine(Meta.NONE);
                        continue;
                    }
                    for (int j = 0; j < reqs.size(); j++) {
                        if (j != 0) {
                            w.write(LEVEL_1, "\t");
                        }
                        String expr = J.str(reqs.get(j), "key") + " in";
                        if (!J.list(reqs.get(j), "values").isEmpty()) {
                            expr += " [" + String.join(", ", J.strings(reqs.get(j), "values")) + "]";
                        }
                        w.write(LEVEL_0, expr + "\n");
                    }
                }
            }
        }
        EventsSection.write(events, w, ctx.now());
    }
}
