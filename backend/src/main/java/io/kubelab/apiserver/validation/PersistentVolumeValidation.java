package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.model.Quantity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** core/v1 PersistentVolume, as 1.32's {@code ValidatePersistentVolume(Update)} checks it (not inline volumes). */
final class PersistentVolumeValidation {

    private static final List<String> ACCESS_MODES = List.of("ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod");
    private static final List<String> RECLAIM_POLICIES = List.of("Delete", "Recycle", "Retain");
    private static final List<String> VOLUME_MODES = List.of("Block", "Filesystem");
    private static final List<String> HOST_PATH_TYPES = List.of("", "BlockDevice", "CharDevice", "Directory",
            "DirectoryOrCreate", "File", "FileOrCreate", "Socket");
    /** The persistent volume sources in the order Kubernetes counts them. */
    static final List<String> SOURCES = List.of("hostPath", "gcePersistentDisk", "awsElasticBlockStore", "glusterfs",
            "flocker", "nfs", "rbd", "quobyte", "cephfs", "iscsi", "cinder", "fc", "flexVolume", "azureFile",
            "vsphereVolume", "photonPersistentDisk", "portworxVolume", "azureDisk", "scaleIO", "local", "storageos", "csi");

    private PersistentVolumeValidation() {
    }

    static List<FieldError> spec(JsonNode spec, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        List<String> modes = Fields.strings(spec, "accessModes");
        if (modes.isEmpty()) {
            errs.add(FieldError.required(path.child("accessModes"), ""));
        }
        boolean oncePod = false;
        boolean other = false;
        for (String mode : modes) {
            if (!ACCESS_MODES.contains(mode)) {
                errs.add(FieldError.notSupported(path.child("accessModes"), mode, ACCESS_MODES));
            } else if (mode.equals("ReadWriteOncePod")) {
                oncePod = true;
            } else {
                other = true;
            }
        }
        if (oncePod && other) {
            errs.add(FieldError.forbidden(path.child("accessModes"), "may not use ReadWriteOncePod with other access modes"));
        }
        Map<String, String> capacity = Fields.stringMap(spec, "capacity");
        if (capacity == null || capacity.isEmpty()) {
            errs.add(FieldError.required(path.child("capacity"), ""));
        }
        if (capacity == null || !capacity.containsKey("storage") || capacity.size() > 1) {
            errs.add(new FieldError(ErrorType.NOT_SUPPORTED, path.child("capacity"), resourceList(capacity), "supported values: \"storage\""));
        }
        if (capacity != null) {
            capacity.forEach((name, text) -> errs.addAll(positiveQuantity(text, path.child("capacity").key(name))));
        }
        String className = Fields.str(spec, "storageClassName");
        if (!className.isEmpty()) {
            errs.addAll(Common.dns1123Subdomain(className, path.child("storageClassName")));
        }
        if (Fields.has(spec, "volumeMode") && !VOLUME_MODES.contains(Fields.str(spec, "volumeMode"))) {
            errs.add(FieldError.notSupported(path.child("volumeMode"), Fields.str(spec, "volumeMode"), VOLUME_MODES));
        }
        String reclaim = Fields.str(spec, "persistentVolumeReclaimPolicy");
        if (!reclaim.isEmpty() && !RECLAIM_POLICIES.contains(reclaim)) {
            errs.add(FieldError.notSupported(path.child("persistentVolumeReclaimPolicy"), reclaim, RECLAIM_POLICIES));
        }
        boolean nodeAffinity = Fields.has(spec, "nodeAffinity");
        if (nodeAffinity) {
            JsonNode na = spec.path("nodeAffinity");
            if (Fields.has(na, "required")) {
                errs.addAll(AffinityValidation.nodeSelector(na.path("required"), path.child("nodeAffinity", "required")));
            } else {
                errs.add(FieldError.required(path.child("nodeAffinity", "required"), "must specify required node constraints"));
            }
        }
        int sources = 0;
        for (String source : SOURCES) {
            if (!Fields.has(spec, source)) {
                continue;
            }
            if (sources > 0) {
                errs.add(FieldError.forbidden(path.child(source), "may not specify more than 1 volume type"));
                continue;
            }
            sources++;
            errs.addAll(source(source, spec.path(source), path.child(source)));
            if (source.equals("local") && !nodeAffinity) {
                errs.add(FieldError.required(path.child("nodeAffinity"), "Local volume requires node affinity"));
            }
        }
        if (sources == 0) {
            errs.add(FieldError.required(path, "must specify a volume type"));
        }
        if (Fields.has(spec, "hostPath") && cleanPath(Fields.str(spec.path("hostPath"), "path")).equals("/")
                && reclaim.equals("Recycle")) {
            errs.add(FieldError.forbidden(path.child("persistentVolumeReclaimPolicy"), "may not be 'recycle' for a hostPath mount of '/'"));
        }
        return errs;
    }

    /** Source fields: hostPath, nfs, local and csi in detail; the others are only counted. */
    private static List<FieldError> source(String source, JsonNode src, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String p = Fields.str(src, "path");
        switch (source) {
            case "hostPath", "local" -> {
                if (p.isEmpty()) {
                    errs.add(FieldError.required(path.child("path"), ""));
                    return errs;
                }
                errs.addAll(noBacksteps(p, path.child("path")));
                if (source.equals("hostPath") && Fields.has(src, "type") && !HOST_PATH_TYPES.contains(Fields.str(src, "type"))) {
                    errs.add(FieldError.notSupported(path.child("type"), Fields.str(src, "type"), HOST_PATH_TYPES));
                }
            }
            case "nfs" -> {
                if (Fields.str(src, "server").isEmpty()) {
                    errs.add(FieldError.required(path.child("server"), ""));
                }
                if (p.isEmpty()) {
                    errs.add(FieldError.required(path.child("path"), ""));
                }
                if (!p.startsWith("/")) {
                    errs.add(FieldError.invalid(path.child("path"), p, "must be an absolute path"));
                }
            }
            case "csi" -> {
                String driver = Fields.str(src, "driver");
                if (driver.isEmpty()) {
                    errs.add(FieldError.required(path.child("driver"), ""));
                }
                if (driver.length() > 63) {
                    errs.add(FieldError.tooLong(path.child("driver"), 63));
                }
                io.kubelab.model.NameValidation.dns1123Subdomain(driver.toLowerCase(java.util.Locale.ROOT))
                        .forEach(m -> errs.add(FieldError.invalid(path.child("driver"), driver, m)));
                if (Fields.str(src, "volumeHandle").isEmpty()) {
                    errs.add(FieldError.required(path.child("volumeHandle"), ""));
                }
            }
            default -> {
                // Counted for "exactly one source"; their own fields are not checked here.
            }
        }
        return errs;
    }

    static List<FieldError> update(JsonNode pv, JsonNode old) {
        List<FieldError> errs = new ArrayList<>();
        JsonNode spec = pv.path("spec");
        JsonNode oldSpec = old.path("spec");
        ObjectNode now = JsonNodeFactory.instance.objectNode();
        ObjectNode was = JsonNodeFactory.instance.objectNode();
        for (String source : SOURCES) {
            if (Fields.has(spec, source)) {
                now.set(source, spec.get(source));
            }
            if (Fields.has(oldSpec, source)) {
                was.set(source, oldSpec.get(source));
            }
        }
        if (!Common.sameJson(now, was)) {
            errs.add(FieldError.forbidden(FieldPath.of("spec", "persistentvolumesource"), "spec.persistentvolumesource is "
                    + "immutable after creation\n" + SpecDiff.diff(was, now).replace("core.PodSpec{", "core.PersistentVolumeSource{")));
        }
        errs.addAll(Common.immutable(spec.path("volumeMode"), oldSpec.path("volumeMode"),
                Fields.has(spec, "volumeMode") ? GoValue.of(Fields.str(spec, "volumeMode")) : GoValue.of(null), FieldPath.of("volumeMode")));
        if (Fields.has(oldSpec, "nodeAffinity") && !Common.sameJson(spec.path("nodeAffinity"), oldSpec.path("nodeAffinity"))) {
            errs.add(new FieldError(ErrorType.INVALID, FieldPath.of("nodeAffinity"), GoValue.literal(Fields.has(spec, "nodeAffinity")
                    ? "core.VolumeNodeAffinity{Required:(*core.NodeSelector)(0xc000000000)}" : "null"),
                    Common.FIELD_IMMUTABLE + ", except for updating from beta label to GA"));
        }
        return errs;
    }

    private static List<FieldError> positiveQuantity(String text, FieldPath path) {
        Quantity q;
        try {
            q = Quantity.parse(text);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        List<FieldError> errs = new ArrayList<>();
        if (q.value() < 0) {
            errs.add(FieldError.invalid(path, q.value(), "must be a valid resource quantity"));
        }
        if (q.amount().signum() <= 0) {
            errs.add(FieldError.invalid(path, q.toString(), "must be greater than zero"));
        }
        return errs;
    }

    /** {@code %#v} of a {@code core.ResourceList}: keys sorted, each quantity as its struct. */
    private static GoValue resourceList(Map<String, String> list) {
        if (list == null) {
            return GoValue.literal("core.ResourceList(nil)");
        }
        return GoValue.literal("core.ResourceList{" + new TreeMap<>(list).entrySet().stream()
                .map(e -> GoValue.of(e.getKey()).text() + ":" + AutoscalingValidation.quantity(e.getValue()).text())
                .collect(Collectors.joining(", ")) + "}");
    }

    static List<FieldError> noBacksteps(String value, FieldPath path) {
        for (String part : value.split("/", -1)) {
            if (part.equals("..")) {
                return List.of(FieldError.invalid(path, value, "must not contain '..'"));
            }
        }
        return List.of();
    }

    /** Go's {@code path.Clean}, enough to recognise the root. */
    private static String cleanPath(String p) {
        List<String> out = new ArrayList<>();
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                continue;
            }
            out.add(part);
        }
        return (p.startsWith("/") ? "/" : "") + String.join("/", out);
    }
}
