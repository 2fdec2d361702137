package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pod and container {@code securityContext}, as 1.32's {@code validatePodSpecSecurityContext} and {@code ValidateSecurityContext}. */
final class SecurityContextValidation {

    private static final long MAX_ID = Integer.MAX_VALUE;
    private static final List<String> SECCOMP_TYPES = List.of("Localhost", "RuntimeDefault", "Unconfined");
    private static final int MAX_APPARMOR_PROFILE = 4095;

    private SecurityContextValidation() {
    }

    /** The pod's; v1 keeps hostPID and shareProcessNamespace on the spec, the internal type in the context. */
    static List<FieldError> pod(JsonNode sc, JsonNode spec, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        errs.addAll(id(sc, "fsGroup", path));
        errs.addAll(id(sc, "runAsUser", path));
        errs.addAll(id(sc, "runAsGroup", path));
        List<JsonNode> groups = Fields.list(sc, "supplementalGroups");
        for (int i = 0; i < groups.size(); i++) {
            long g = groups.get(i).asLong();
            if (g < 0 || g > MAX_ID) {
                errs.add(FieldError.invalid(path.child("supplementalGroups").index(i), g, NameRules.inclusiveRange(0, MAX_ID)));
            }
        }
        if (Fields.bool(spec, "shareProcessNamespace") && Fields.bool(spec, "hostPID")) {
            errs.add(FieldError.invalid(path.child("shareProcessNamespace"), true, "ShareProcessNamespace and HostPID cannot both be enabled"));
        }
        if (Fields.has(sc, "fsGroupChangePolicy")) {
            String p = Fields.str(sc, "fsGroupChangePolicy");
            if (!p.equals("Always") && !p.equals("OnRootMismatch")) {
                errs.add(FieldError.notSupported(path.child("fsGroupChangePolicy"), p, List.of("Always", "OnRootMismatch")));
            }
        }
        errs.addAll(seccomp(sc.path("seccompProfile"), path.child("seccompProfile")));
        errs.addAll(appArmor(sc.path("appArmorProfile"), path.child("appArmorProfile")));
        if (Fields.has(sc, "supplementalGroupsPolicy")) {
            String p = Fields.str(sc, "supplementalGroupsPolicy");
            if (!p.equals("Merge") && !p.equals("Strict")) {
                errs.add(FieldError.notSupported(path.child("supplementalGroupsPolicy"), p, List.of("Merge", "Strict")));
            }
        }
        return errs;
    }

    /** A container's; {@code hostUsers} false lets procMount be Unmasked. */
    static List<FieldError> container(JsonNode sc, boolean hostUsers, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (sc.isMissingNode() || sc.isNull()) {
            return errs;
        }
        errs.addAll(id(sc, "runAsUser", path));
        errs.addAll(id(sc, "runAsGroup", path));
        if (Fields.has(sc, "procMount")) {
            String m = Fields.str(sc, "procMount");
            if (!m.equals("Default") && !m.equals("Unmasked")) {
                errs.add(FieldError.notSupported(path.child("procMount"), m, List.of("Default", "Unmasked")));
            }
            if (hostUsers && m.equals("Unmasked")) {
                errs.add(FieldError.invalid(path.child("procMount"), m, "`hostUsers` must be false to use `Unmasked`"));
            }
        }
        errs.addAll(seccomp(sc.path("seccompProfile"), path.child("seccompProfile")));
        if (Fields.has(sc, "allowPrivilegeEscalation") && !Fields.bool(sc, "allowPrivilegeEscalation")) {
            if (Fields.bool(sc, "privileged")) {
                errs.add(new FieldError(ErrorType.INVALID, path, render(sc),
                        "cannot set `allowPrivilegeEscalation` to false and `privileged` to true"));
            }
            for (String cap : Fields.strings(sc.path("capabilities"), "add")) {
                if (cap.equals("CAP_SYS_ADMIN")) {
                    errs.add(new FieldError(ErrorType.INVALID, path, render(sc),
                            "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN"));
                }
            }
        }
        errs.addAll(appArmor(sc.path("appArmorProfile"), path.child("appArmorProfile")));
        return errs;
    }

    private static List<FieldError> id(JsonNode sc, String field, FieldPath path) {
        if (!Fields.has(sc, field)) {
            return List.of();
        }
        long v = Fields.num(sc, field, 0);
        return v < 0 || v > MAX_ID ? List.of(FieldError.invalid(path.child(field), v, NameRules.inclusiveRange(0, MAX_ID))) : List.of();
    }

    private static List<FieldError> seccomp(JsonNode sp, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (sp.isMissingNode() || sp.isNull()) {
            return errs;
        }
        String type = Fields.str(sp, "type");
        if (type.isEmpty()) {
            errs.add(FieldError.required(path.child("type"), "type is required when seccompProfile is set"));
        } else if (!SECCOMP_TYPES.contains(type)) {
            errs.add(FieldError.notSupported(path.child("type"), type, SECCOMP_TYPES));
        }
        boolean hasProfile = Fields.has(sp, "localhostProfile");
        String profile = Fields.str(sp, "localhostProfile");
        if (type.equals("Localhost")) {
            if (!hasProfile) {
                errs.add(FieldError.required(path.child("localhostProfile"), "must be set when seccomp type is Localhost"));
            } else {
                if (profile.startsWith("/")) {
                    errs.add(FieldError.invalid(path.child("localhostProfile"), profile, "must be a relative path"));
                }
                errs.addAll(PersistentVolumeValidation.noBacksteps(profile, path.child("localhostProfile")));
            }
        } else if (hasProfile) {
            errs.add(new FieldError(ErrorType.INVALID, path.child("localhostProfile"), GoValue.literal("core.SeccompProfile{Type:"
                    + GoValue.of(type).text() + ", LocalhostProfile:" + GoValue.pointer("string", false) + "}"),
                    "can only be set when seccomp type is Localhost"));
        }
        return errs;
    }

    private static List<FieldError> appArmor(JsonNode ap, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (ap.isMissingNode() || ap.isNull()) {
            return errs;
        }
        String type = Fields.str(ap, "type");
        boolean hasProfile = Fields.has(ap, "localhostProfile");
        String profile = Fields.str(ap, "localhostProfile");
        FieldPath pp = path.child("localhostProfile");
        switch (type) {
            case "Localhost" -> {
                if (!hasProfile) {
                    errs.add(FieldError.required(pp, "must be set when AppArmor type is Localhost"));
                } else {
                    if (!profile.strip().equals(profile)) {
                        errs.add(FieldError.invalid(pp, profile, "must not be padded with whitespace"));
                    } else if (profile.isEmpty()) {
                        errs.add(FieldError.required(pp, "must be set when AppArmor type is Localhost"));
                    }
                    if (profile.length() > MAX_APPARMOR_PROFILE) {
                        errs.add(FieldError.tooLong(pp, MAX_APPARMOR_PROFILE));
                    }
                }
            }
            case "RuntimeDefault", "Unconfined" -> {
                if (hasProfile) {
                    errs.add(FieldError.invalid(pp, profile, "can only be set when AppArmor type is Localhost"));
                }
            }
            case "" -> errs.add(FieldError.required(path.child("type"), "type is required when appArmorProfile is set"));
            default -> errs.add(FieldError.notSupported(path.child("type"), type, SECCOMP_TYPES));
        }
        return errs;
    }

    /** {@code %#v} of the internal {@code core.SecurityContext}: pointers print as addresses we cannot know. */
    private static GoValue render(JsonNode sc) {
        Map<String, String> f = new LinkedHashMap<>();
        String[][] fields = {{"Capabilities", "capabilities", "core.Capabilities"}, {"Privileged", "privileged", "bool"},
            {"SELinuxOptions", "seLinuxOptions", "core.SELinuxOptions"},
            {"WindowsOptions", "windowsOptions", "core.WindowsSecurityContextOptions"}, {"RunAsUser", "runAsUser", "int64"},
            {"RunAsGroup", "runAsGroup", "int64"}, {"RunAsNonRoot", "runAsNonRoot", "bool"},
            {"ReadOnlyRootFilesystem", "readOnlyRootFilesystem", "bool"},
            {"AllowPrivilegeEscalation", "allowPrivilegeEscalation", "bool"}, {"ProcMount", "procMount", "core.ProcMountType"},
            {"SeccompProfile", "seccompProfile", "core.SeccompProfile"}, {"AppArmorProfile", "appArmorProfile", "core.AppArmorProfile"}};
        for (String[] field : fields) {
            f.put(field[0], GoValue.pointer(field[2], !Fields.has(sc, field[1])));
        }
        return GoValue.struct("core.SecurityContext", f);
    }
}
