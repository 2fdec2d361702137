package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A pod's {@code volumes}: unique DNS-label names and exactly one source each ({@code ValidateVolumes}). */
final class VolumeValidation {

    /** The sources in the order {@code validateVolumeSource} looks at them. */
    private static final List<String> SOURCES = List.of("hostPath", "emptyDir", "gitRepo", "gcePersistentDisk",
            "awsElasticBlockStore", "secret", "nfs", "iscsi", "glusterfs", "flocker", "persistentVolumeClaim", "rbd",
            "cinder", "cephfs", "quobyte", "downwardAPI", "fc", "azureFile", "vsphereVolume", "photonPersistentDisk",
            "portworxVolume", "azureDisk", "storageos", "configMap", "scaleIO", "projected", "csi", "ephemeral", "image");

    private VolumeValidation() {
    }

    /** The errors, and into {@code names} the names of the volumes that passed (mounts may refer to those only). */
    static List<FieldError> validate(List<JsonNode> volumes, FieldPath path, Set<String> names) {
        List<FieldError> errs = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < volumes.size(); i++) {
            JsonNode vol = volumes.get(i);
            FieldPath idx = path.index(i);
            String name = Fields.str(vol, "name");
            List<FieldError> el = new ArrayList<>(source(vol, idx));
            el.addAll(Common.requiredName(name, NameRules.DNS1123_LABEL, idx.child("name")));
            if (seen.contains(name)) {
                el.add(FieldError.duplicate(idx.child("name"), name));
            }
            if (el.isEmpty()) {
                seen.add(name);
            } else {
                errs.addAll(el);
            }
        }
        names.addAll(seen);
        return errs;
    }

    private static List<FieldError> source(JsonNode vol, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        int found = 0;
        for (String source : SOURCES) {
            if (!Fields.has(vol, source)) {
                continue;
            }
            if (found++ > 0) {
                errs.add(FieldError.forbidden(path.child(source), "may not specify more than 1 volume type"));
            } else {
                errs.addAll(sourceFields(source, vol.path(source), path.child(source)));
            }
        }
        if (found == 0) {
            errs.add(FieldError.required(path, "must specify a volume type"));
        }
        return errs;
    }

    private static List<FieldError> sourceFields(String source, JsonNode src, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        switch (source) {
            case "hostPath" -> requireString(src, "path", path, errs);
            case "secret" -> {
                requireString(src, "secretName", path, errs);
                fileMode(src, path, errs);
            }
            case "configMap" -> {
                requireString(src, "name", path, errs);
                fileMode(src, path, errs);
            }
            case "persistentVolumeClaim" -> requireString(src, "claimName", path, errs);
            case "nfs" -> {
                requireString(src, "server", path, errs);
                requireString(src, "path", path, errs);
            }
            default -> {
                // Other sources are rare in a simulator; their inner fields are not checked.
            }
        }
        return errs;
    }

    private static void requireString(JsonNode src, String field, FieldPath path, List<FieldError> errs) {
        if (Fields.str(src, field).isEmpty()) {
            errs.add(FieldError.required(path.child(field), ""));
        }
    }

    private static void fileMode(JsonNode src, FieldPath path, List<FieldError> errs) {
        if (Fields.has(src, "defaultMode")) {
            long mode = Fields.num(src, "defaultMode", 0);
            if (mode < 0 || mode > 0777) {
                errs.add(FieldError.invalid(path.child("defaultMode"), mode,
                        "must be a number between 0 and 0777 (octal), both inclusive"));
            }
        }
    }
}
