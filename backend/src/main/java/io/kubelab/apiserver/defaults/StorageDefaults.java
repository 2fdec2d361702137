package io.kubelab.apiserver.defaults;

import com.fasterxml.jackson.databind.node.ObjectNode;

import static io.kubelab.apiserver.defaults.Fields.defaultPointer;
import static io.kubelab.apiserver.defaults.Fields.defaultString;
import static io.kubelab.apiserver.defaults.Fields.object;

/** PersistentVolume, PersistentVolumeClaim (core/v1) and StorageClass (storage.k8s.io/v1). */
final class StorageDefaults {

    private StorageDefaults() {
    }

    /** {@code SetDefaults_PersistentVolume}, capacity, and the shared volume-source defaults. */
    static void persistentVolume(ObjectNode pv) {
        defaultString(Fields.ensureObject(pv, "status"), "phase", "Pending");
        ObjectNode spec = Fields.ensureObject(pv, "spec");
        defaultString(spec, "persistentVolumeReclaimPolicy", "Retain");
        defaultPointer(spec, "volumeMode", "Filesystem");
        Fields.resourceList(spec, "capacity");
        VolumeDefaults.sharedSources(spec);
    }

    static void persistentVolumeClaim(ObjectNode pvc) {
        VolumeDefaults.claim(pvc);
    }

    /** storage/v1 {@code SetDefaults_StorageClass}. */
    static void storageClass(ObjectNode sc) {
        defaultPointer(sc, "reclaimPolicy", "Delete");
        defaultPointer(sc, "volumeBindingMode", "Immediate");
    }
}
