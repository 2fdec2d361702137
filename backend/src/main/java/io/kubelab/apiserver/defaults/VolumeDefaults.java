package io.kubelab.apiserver.defaults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

import static io.kubelab.apiserver.defaults.Fields.defaultPointer;
import static io.kubelab.apiserver.defaults.Fields.defaultString;
import static io.kubelab.apiserver.defaults.Fields.each;
import static io.kubelab.apiserver.defaults.Fields.object;

/** Volume sources (pod volumes and persistent volumes) and claim specs. */
final class VolumeDefaults {

    /** 0644, the mode Kubernetes gives projected files unless told otherwise. */
    static final int DEFAULT_MODE = 420;

    private VolumeDefaults() {
    }

    /** A pod volume: {@code SetDefaults_Volume} and the per-source defaulters the generated code calls. */
    static void volume(ObjectNode v) {
        if (!hasSource(v)) {
            v.putObject("emptyDir");
        }
        Fields.quantity(object(v, "emptyDir"), "sizeLimit");
        for (String source : new String[] {"secret", "configMap", "downwardAPI", "projected"}) {
            ObjectNode s = object(v, source);
            if (s != null) {
                defaultPointer(s, "defaultMode", DEFAULT_MODE);
            }
        }
        downwardApiItems(object(v, "downwardAPI"));
        each(object(v, "projected"), "sources", s -> {
            downwardApiItems(object(s, "downwardAPI"));
            ObjectNode token = object(s, "serviceAccountToken");
            if (token != null) {
                defaultPointer(token, "expirationSeconds", 3600);
            }
        });
        ObjectNode template = object(object(v, "ephemeral"), "volumeClaimTemplate");
        if (template != null) {
            claimSpec(Fields.ensureObject(template, "spec"));
        }
        sharedSources(v);
    }

    /** Sources that pod volumes and persistent volumes share, with the same defaults. */
    static void sharedSources(ObjectNode v) {
        ObjectNode hostPath = object(v, "hostPath");
        if (hostPath != null) {
            defaultPointer(hostPath, "type", "");
        }
        ObjectNode iscsi = object(v, "iscsi");
        if (iscsi != null) {
            defaultString(iscsi, "iscsiInterface", "default");
        }
        ObjectNode rbd = object(v, "rbd");
        if (rbd != null) {
            defaultString(rbd, "pool", "rbd");
            defaultString(rbd, "user", "admin");
            defaultString(rbd, "keyring", "/etc/ceph/keyring");
        }
        ObjectNode azureDisk = object(v, "azureDisk");
        if (azureDisk != null) {
            defaultPointer(azureDisk, "cachingMode", "ReadWrite");
            defaultPointer(azureDisk, "kind", "Shared");
            defaultPointer(azureDisk, "fsType", "ext4");
            defaultPointer(azureDisk, "readOnly", false);
        }
        ObjectNode scaleIO = object(v, "scaleIO");
        if (scaleIO != null) {
            defaultString(scaleIO, "storageMode", "ThinProvisioned");
            defaultString(scaleIO, "fsType", "xfs");
        }
    }

    private static void downwardApiItems(ObjectNode downwardApi) {
        each(downwardApi, "items", item -> {
            ContainerDefaults.objectFieldSelector(object(item, "fieldRef"));
            Fields.quantity(object(item, "resourceFieldRef"), "divisor");
        });
    }

    /** {@code SetDefaults_PersistentVolumeClaimSpec} plus the resource lists inside it. */
    static void claimSpec(ObjectNode spec) {
        defaultPointer(spec, "volumeMode", "Filesystem");
        ObjectNode resources = object(spec, "resources");
        Fields.resourceList(resources, "limits");
        Fields.resourceList(resources, "requests");
    }

    /** A whole claim, as in a StatefulSet's volumeClaimTemplates or a PersistentVolumeClaim object. */
    static void claim(ObjectNode claim) {
        defaultString(Fields.ensureObject(claim, "status"), "phase", "Pending");
        claimSpec(Fields.ensureObject(claim, "spec"));
        ObjectNode status = object(claim, "status");
        Fields.resourceList(status, "capacity");
        Fields.resourceList(status, "allocatedResources");
    }

    /** {@code ptr.AllPtrFieldsNil(&obj.VolumeSource)}: every field but the name is a source. */
    private static boolean hasSource(ObjectNode v) {
        Iterator<Map.Entry<String, JsonNode>> it = v.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("name") && !e.getValue().isNull()) {
                return true;
            }
        }
        return false;
    }
}
