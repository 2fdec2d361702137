package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_0;
import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_1;
import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_2;
import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_3;

/** kubectl's {@code describeVolumes} and the {@code print*VolumeSource} functions it and the PV describer share. */
final class VolumeSources {

    private VolumeSources() {
    }

    static void volumes(PrefixWriter w, List<JsonNode> volumes, String space) {
        if (volumes.isEmpty()) {
            w.write(LEVEL_0, space + "Volumes:\t<none>\n");
            return;
        }
        w.write(LEVEL_0, space + "Volumes:\n");
        for (JsonNode v : volumes) {
            w.write(LEVEL_1, (space.isEmpty() ? "" : " ") + J.str(v, "name") + ":\n");
            if (!podSource(w, v)) {
                w.write(LEVEL_1, "<unknown>\n");
            }
        }
    }

    /** The pod volume source, in {@code describeVolumes}' order of checks; false for none it knows. */
    private static boolean podSource(PrefixWriter w, JsonNode v) {
        if (v.path("hostPath").isObject()) {
            hostPath(w, v.path("hostPath"));
        } else if (v.path("emptyDir").isObject()) {
            JsonNode e = v.path("emptyDir");
            String size = J.has(e, "sizeLimit") && Quantities.parse(e.path("sizeLimit")).compareTo(Quantities.ZERO) > 0
                    ? Quantities.text(J.str(e, "sizeLimit")) : Meta.UNSET;
            type(w, "EmptyDir (a temporary directory that shares a pod's lifetime)", "Medium", J.str(e, "medium"), "SizeLimit", size);
        } else if (v.path("gcePersistentDisk").isObject()) {
            gce(w, v.path("gcePersistentDisk"));
        } else if (v.path("awsElasticBlockStore").isObject()) {
            aws(w, v.path("awsElasticBlockStore"));
        } else if (v.path("gitRepo").isObject()) {
            JsonNode g = v.path("gitRepo");
            type(w, "GitRepo (a volume that is pulled from git when the pod is created)",
                    "Repository", J.str(g, "repository"), "Revision", J.str(g, "revision"));
        } else if (v.path("secret").isObject()) {
            JsonNode s = v.path("secret");
            type(w, "Secret (a volume populated by a Secret)", "SecretName", J.str(s, "secretName"),
                    "Optional", String.valueOf(J.bool(s, "optional")));
        } else if (v.path("configMap").isObject()) {
            JsonNode s = v.path("configMap");
            type(w, "ConfigMap (a volume populated by a ConfigMap)", "Name", J.str(s, "name"),
                    "Optional", String.valueOf(J.bool(s, "optional")));
        } else if (v.path("nfs").isObject()) {
            nfs(w, v.path("nfs"));
        } else if (v.path("iscsi").isObject()) {
            iscsi(w, v.path("iscsi"));
        } else if (v.path("glusterfs").isObject()) {
            JsonNode g = v.path("glusterfs");
            type(w, "Glusterfs (a Glusterfs mount on the host that shares a pod's lifetime)", "EndpointsName",
                    J.str(g, "endpoints"), "Path", J.str(g, "path"), "ReadOnly", bool(g, "readOnly"));
        } else if (v.path("persistentVolumeClaim").isObject()) {
            JsonNode c = v.path("persistentVolumeClaim");
            type(w, "PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)",
                    "ClaimName", J.str(c, "claimName"), "ReadOnly", bool(c, "readOnly"));
        } else if (v.path("ephemeral").isObject()) {
            w.write(LEVEL_2, "Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n");
            JsonNode t = J.at(v, "ephemeral", "volumeClaimTemplate");
            if (t.isObject()) {
                StorageDescribers.claim(w.nested(LEVEL_2), t, false, java.time.Instant.EPOCH);
            }
        } else if (v.path("rbd").isObject()) {
            rbd(w, v.path("rbd"));
        } else if (v.path("downwardAPI").isObject()) {
            w.write(LEVEL_2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n");
            for (JsonNode item : J.list(v, "downwardAPI", "items")) {
                if (item.path("fieldRef").isObject()) {
                    w.write(LEVEL_3, J.str(item, "fieldRef", "fieldPath") + " -> " + J.str(item, "path") + "\n");
                }
                if (item.path("resourceFieldRef").isObject()) {
                    w.write(LEVEL_3, J.str(item, "resourceFieldRef", "resource") + " -> " + J.str(item, "path") + "\n");
                }
            }
        } else if (v.path("csi").isObject()) {
            JsonNode c = v.path("csi");
            type(w, "CSI (a Container Storage Interface (CSI) volume source)", "Driver", J.str(c, "driver"),
                    "FSType", J.str(c, "fsType"), "ReadOnly", bool(c, "readOnly"));
            csiAttributes(w, J.map(c, "volumeAttributes"));
        } else if (v.path("projected").isObject()) {
            projected(w, v.path("projected"));
        } else if (v.path("image").isObject()) {
            JsonNode i = v.path("image");
            type(w, "Image (a container image or OCI artifact)", "Reference", J.str(i, "reference"),
                    "PullPolicy", J.str(i, "pullPolicy"));
        } else {
            return otherSource(w, v);
        }
        return true;
    }

    /** Sources a pod and a persistent volume print alike (the legacy cloud and cluster file systems). */
    static boolean otherSource(PrefixWriter w, JsonNode v) {
        if (v.path("cephfs").isObject()) {
            JsonNode c = v.path("cephfs");
            type(w, "CephFS (a CephFS mount on the host that shares a pod's lifetime)", "Monitors",
                    J.goSlice(J.strings(c, "monitors")), "Path", J.str(c, "path"), "User", J.str(c, "user"),
                    "SecretFile", J.str(c, "secretFile"), "SecretRef", ref(c.path("secretRef")), "ReadOnly", bool(c, "readOnly"));
        } else if (v.path("fc").isObject()) {
            JsonNode f = v.path("fc");
            type(w, "FC (a Fibre Channel disk)", "TargetWWNs", String.join(", ", J.strings(f, "targetWWNs")),
                    "LUN", J.has(f, "lun") ? String.valueOf(J.num(f, "lun")) : Meta.NONE, "FSType", J.str(f, "fsType"),
                    "ReadOnly", bool(f, "readOnly"));
        } else if (v.path("flocker").isObject()) {
            JsonNode f = v.path("flocker");
            type(w, "Flocker (a Flocker volume mounted by the Flocker agent)", "DatasetName", J.str(f, "datasetName"),
                    "DatasetUUID", J.str(f, "datasetUUID"));
        } else if (v.path("portworxVolume").isObject()) {
            type(w, "PortworxVolume (a Portworx Volume resource)", "VolumeID", J.str(v, "portworxVolume", "volumeID"));
        } else if (v.path("vsphereVolume").isObject()) {
            JsonNode s = v.path("vsphereVolume");
            type(w, "vSphereVolume (a Persistent Disk resource in vSphere)", "VolumePath", J.str(s, "volumePath"),
                    "FSType", J.str(s, "fsType"), "StoragePolicyName", J.str(s, "storagePolicyName"));
        } else if (v.path("photonPersistentDisk").isObject()) {
            JsonNode p = v.path("photonPersistentDisk");
            type(w, "PhotonPersistentDisk (a Persistent Disk resource in photon platform)", "PdID", J.str(p, "pdID"),
                    "FSType", J.str(p, "fsType"));
        } else if (v.path("cinder").isObject()) {
            JsonNode c = v.path("cinder");
            type(w, "Cinder (a Persistent Disk resource in OpenStack)", "VolumeID", J.str(c, "volumeID"),
                    "FSType", J.str(c, "fsType"), "ReadOnly", bool(c, "readOnly"), "SecretRef", ref(c.path("secretRef")));
        } else if (v.path("azureDisk").isObject()) {
            JsonNode d = v.path("azureDisk");
            // kubectl dereferences these pointers; defaulting sets them all on stored objects.
            w.write(LEVEL_2, "Type:\tAzureDisk (an Azure Data Disk mount on the host and bind mount to the pod)\n"
                    + "    DiskName:\t" + J.str(d, "diskName") + "\n"
                    + "    DiskURI:\t" + J.str(d, "diskURI") + "\n"
                    + "    Kind: \t" + J.str(d, "kind") + "\n"
                    + "    FSType:\t" + J.str(d, "fsType") + "\n"
                    + "    CachingMode:\t" + J.str(d, "cachingMode") + "\n"
                    + "    ReadOnly:\t" + bool(d, "readOnly") + "\n");
        } else if (v.path("azureFile").isObject()) {
            JsonNode f = v.path("azureFile");
            if (f.has("secretNamespace")) {
                type(w, "AzureFile (an Azure File Service mount on the host and bind mount to the pod)", "SecretName",
                        J.str(f, "secretName"), "SecretNamespace", J.str(f, "secretNamespace"), "ShareName", J.str(f, "shareName"),
                        "ReadOnly", bool(f, "readOnly"));
            } else {
                type(w, "AzureFile (an Azure File Service mount on the host and bind mount to the pod)", "SecretName",
                        J.str(f, "secretName"), "ShareName", J.str(f, "shareName"), "ReadOnly", bool(f, "readOnly"));
            }
        } else if (v.path("flexVolume").isObject()) {
            JsonNode f = v.path("flexVolume");
            type(w, "FlexVolume (a generic volume resource that is provisioned/attached using an exec based plugin)",
                    "Driver", J.str(f, "driver"), "FSType", J.str(f, "fsType"), "SecretRef", ref(f.path("secretRef")),
                    "ReadOnly", bool(f, "readOnly"), "Options", goMap(J.map(f, "options")));
        } else if (v.path("scaleIO").isObject()) {
            JsonNode s = v.path("scaleIO");
            type(w, "ScaleIO (a persistent volume backed by a block device in ScaleIO)", "Gateway", J.str(s, "gateway"),
                    "System", J.str(s, "system"), "Protection Domain", J.str(s, "protectionDomain"),
                    "Storage Pool", J.str(s, "storagePool"), "Storage Mode", J.str(s, "storageMode"),
                    "VolumeName", J.str(s, "volumeName"), "FSType", J.str(s, "fsType"), "ReadOnly", bool(s, "readOnly"));
        } else if (v.path("storageos").isObject()) {
            JsonNode s = v.path("storageos");
            type(w, "StorageOS (a StorageOS Persistent Disk resource)", "VolumeName", J.str(s, "volumeName"),
                    "VolumeNamespace", J.str(s, "volumeNamespace"), "FSType", J.str(s, "fsType"), "ReadOnly", bool(s, "readOnly"));
        } else if (v.path("quobyte").isObject()) {
            JsonNode q = v.path("quobyte");
            type(w, "Quobyte (a Quobyte mount on the host that shares a pod's lifetime)", "Registry",
                    J.str(q, "registry"), "Volume", J.str(q, "volume"), "ReadOnly", bool(q, "readOnly"));
        } else {
            return false;
        }
        return true;
    }

    static void hostPath(PrefixWriter w, JsonNode h) {
        type(w, "HostPath (bare host directory volume)", "Path", J.str(h, "path"),
                "HostPathType", J.has(h, "type") ? J.str(h, "type") : Meta.NONE);
    }

    static void gce(PrefixWriter w, JsonNode g) {
        type(w, "GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)", "PDName", J.str(g, "pdName"),
                "FSType", J.str(g, "fsType"), "Partition", String.valueOf(J.num(g, "partition")), "ReadOnly", bool(g, "readOnly"));
    }

    static void aws(PrefixWriter w, JsonNode a) {
        type(w, "AWSElasticBlockStore (a Persistent Disk resource in AWS)", "VolumeID", J.str(a, "volumeID"),
                "FSType", J.str(a, "fsType"), "Partition", String.valueOf(J.num(a, "partition")), "ReadOnly", bool(a, "readOnly"));
    }

    static void nfs(PrefixWriter w, JsonNode n) {
        type(w, "NFS (an NFS mount that lasts the lifetime of a pod)", "Server", J.str(n, "server"),
                "Path", J.str(n, "path"), "ReadOnly", bool(n, "readOnly"));
    }

    static void iscsi(PrefixWriter w, JsonNode i) {
        w.write(LEVEL_2, "Type:\tISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)\n"
                + "    TargetPortal:\t" + J.str(i, "targetPortal") + "\n"
                + "    IQN:\t" + J.str(i, "iqn") + "\n"
                + "    Lun:\t" + J.num(i, "lun") + "\n"
                + "    ISCSIInterface\t" + J.str(i, "iscsiInterface") + "\n"
                + "    FSType:\t" + J.str(i, "fsType") + "\n"
                + "    ReadOnly:\t" + bool(i, "readOnly") + "\n"
                + "    Portals:\t" + J.goSlice(J.strings(i, "portals")) + "\n"
                + "    DiscoveryCHAPAuth:\t" + bool(i, "chapAuthDiscovery") + "\n"
                + "    SessionCHAPAuth:\t" + bool(i, "chapAuthSession") + "\n"
                + "    SecretRef:\t" + ref(i.path("secretRef")) + "\n"
                + "    InitiatorName:\t" + (J.has(i, "initiatorName") ? J.str(i, "initiatorName") : Meta.NONE) + "\n");
    }

    static void rbd(PrefixWriter w, JsonNode r) {
        type(w, "RBD (a Rados Block Device mount on the host that shares a pod's lifetime)", "CephMonitors",
                J.goSlice(J.strings(r, "monitors")), "RBDImage", J.str(r, "image"), "FSType", J.str(r, "fsType"),
                "RBDPool", J.str(r, "pool"), "RadosUser", J.str(r, "user"), "Keyring", J.str(r, "keyring"),
                "SecretRef", ref(r.path("secretRef")), "ReadOnly", bool(r, "readOnly"));
    }

    private static void projected(PrefixWriter w, JsonNode p) {
        w.write(LEVEL_2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
        for (JsonNode source : J.list(p, "sources")) {
            if (source.path("secret").isObject()) {
                // kubectl 1.32's own label, typo included; it prints the *bool with %v.
                w.write(LEVEL_2, "SecretName:\t" + J.str(source, "secret", "name") + "\n    SecretOptionalName:\t"
                        + optionalPointer(source.path("secret")) + "\n");
            } else if (source.path("downwardAPI").isObject()) {
                w.write(LEVEL_2, "DownwardAPI:\ttrue\n");
            } else if (source.path("configMap").isObject()) {
                w.write(LEVEL_2, "ConfigMapName:\t" + J.str(source, "configMap", "name") + "\n    ConfigMapOptional:\t"
                        + optionalPointer(source.path("configMap")) + "\n");
            } else if (source.path("serviceAccountToken").isObject()) {
                w.write(LEVEL_2, "TokenExpirationSeconds:\t" + J.num(source, "serviceAccountToken", "expirationSeconds") + "\n");
            }
        }
    }

    /**
     * Go's {@code %v} of an {@code Optional *bool}: {@code <nil>} when unset. When set Go prints the pointer's
     * address, which no one can reproduce; the value stands in for it.
     */
    private static String optionalPointer(JsonNode source) {
        return J.has(source, "optional") ? String.valueOf(J.bool(source, "optional")) : "<nil>";
    }

    /** {@code printCSIPersistentVolumeAttributesMultiline}. */
    static void csiAttributes(PrefixWriter w, Map<String, String> attributes) {
        w.write(LEVEL_2, "VolumeAttributes:\t");
        if (attributes.isEmpty()) {
            w.writeLine(Meta.NONE);
            return;
        }
        boolean first = true;
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            if (!first) {
                w.write(LEVEL_2, "");
                w.write(LEVEL_2, "\t");
            }
            first = false;
            String line = e.getKey() + "=" + e.getValue();
            w.write(LEVEL_2, (line.length() > 140 ? line.substring(0, 140) + "..." : line) + "\n");
        }
    }

    /** The {@code Type:} line and its fields, each on its own line four spaces in. */
    static void type(PrefixWriter w, String type, String... fields) {
        StringBuilder b = new StringBuilder("Type:\t").append(type).append('\n');
        for (int i = 0; i < fields.length; i += 2) {
            b.append("    ").append(fields[i]).append(":\t").append(fields[i + 1]).append('\n');
        }
        w.write(LEVEL_2, b.toString());
    }

    /** Go's {@code %v} of a {@code map[string]string}: {@code map[k:v k2:v2]}, keys sorted. */
    private static String goMap(java.util.Map<String, String> m) {
        StringBuilder b = new StringBuilder("map[");
        m.forEach((k, v) -> b.append(b.length() > 4 ? " " : "").append(k).append(':').append(v));
        return b.append(']').toString();
    }

    static String bool(JsonNode n, String field) {
        return String.valueOf(J.bool(n, field));
    }

    /** Go's {@code %v} of a {@code *LocalObjectReference} or {@code *SecretReference}. */
    static String ref(JsonNode r) {
        if (!r.isObject()) {
            return "<nil>";
        }
        return J.has(r, "namespace") || r.has("namespace") ? "&{" + J.str(r, "name") + " " + J.str(r, "namespace") + "}"
                : "&{" + J.str(r, "name") + "}";
    }
}
