package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** {@code ValidatePodCreate} and {@code ValidatePodUpdate}. */
final class PodValidation {

    /** The text Kubernetes 1.32 puts before the spec diff when an update touches an immutable field. */
    static final String UPDATE_FORBIDDEN = "pod updates may not change fields other than "
            + "`spec.containers[*].image`,"
            + "`spec.initContainers[*].image`,"
            + "`spec.activeDeadlineSeconds`,"
            + "`spec.tolerations` (only additions to existing tolerations),"
            + "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

    private PodValidation() {
    }

    static List<FieldError> create(JsonNode pod) {
        List<FieldError> errs = metadataAndSpec(pod);
        FieldPath spec = FieldPath.of("spec");
        if (!Fields.list(pod.path("spec"), "ephemeralContainers").isEmpty()) {
            errs.add(FieldError.forbidden(spec.child("ephemeralContainers"), "cannot be set on create"));
        }
        if (!Fields.str(pod.path("spec"), "nodeName").isEmpty() && !Fields.list(pod.path("spec"), "schedulingGates").isEmpty()) {
            errs.add(FieldError.forbidden(spec.child("nodeName"), "cannot be set until all schedulingGates have been cleared"));
        }
        return errs;
    }

    private static List<FieldError> metadataAndSpec(JsonNode pod) {
        List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validate(pod.path("metadata"), true,
                NameRules.DNS1123_SUBDOMAIN, FieldPath.of("metadata")));
        errs.addAll(PodSpecValidation.spec(pod.path("spec"), FieldPath.of("spec"), true));
        return errs;
    }

    static List<FieldError> update(JsonNode pod, JsonNode old) {
        FieldPath specPath = FieldPath.of("spec");
        List<FieldError> errs = new ArrayList<>(ObjectMetaValidation.validateUpdate(pod.path("metadata"),
                old.path("metadata"), FieldPath.of("metadata")));
        errs.addAll(metadataAndSpec(pod));
        JsonNode spec = pod.path("spec");
        JsonNode oldSpec = old.path("spec");
        for (String list : List.of("containers", "initContainers")) {
            List<JsonNode> now = Fields.list(spec, list);
            if (now.size() != Fields.list(oldSpec, list).size()) {
                errs.add(FieldError.forbidden(specPath.child(list), "pod updates may not add or remove containers"));
                return errs;
            }
            for (int i = 0; i < now.size(); i++) {
                String image = Fields.str(now.get(i), "image");
                if (image.isEmpty()) {
                    errs.add(FieldError.required(specPath.child(list).index(i).child("image"), ""));
                }
                if (!image.strip().equals(image)) {
                    errs.add(FieldError.invalid(specPath.child(list).index(i).child("image"), image,
                            "must not have leading or trailing whitespace"));
                }
            }
        }
        FieldPath deadline = specPath.child("activeDeadlineSeconds");
        if (Fields.has(spec, "activeDeadlineSeconds")) {
            long v = Fields.num(spec, "activeDeadlineSeconds", 0);
            if (v < 0 || v > Integer.MAX_VALUE) {
                errs.add(FieldError.invalid(deadline, v, NameRules.inclusiveRange(0, Integer.MAX_VALUE)));
                return errs;
            }
            if (Fields.has(oldSpec, "activeDeadlineSeconds") && Fields.num(oldSpec, "activeDeadlineSeconds", 0) < v) {
                errs.add(FieldError.invalid(deadline, v, "must be less than or equal to previous value"));
                return errs;
            }
        } else if (Fields.has(oldSpec, "activeDeadlineSeconds")) {
            errs.add(FieldError.invalid(deadline, null, "must not update from a positive integer to nil value"));
        }
        errs.addAll(onlyAddedTolerations(spec, oldSpec, specPath.child("tolerations")));
        if (Common.sameJson(spec, oldSpec)) {
            return errs;
        }
        ObjectNode munged = mungedSpec(spec, oldSpec);
        if (!Common.sameJson(munged, oldSpec)) {
            errs.add(FieldError.forbidden(specPath, UPDATE_FORBIDDEN + "\n" + SpecDiff.diff(oldSpec, munged)));
        }
        return errs;
    }

    /** The new spec with the fields a pod update may change copied back from the old one. */
    private static ObjectNode mungedSpec(JsonNode spec, JsonNode oldSpec) {
        ObjectNode munged = ((ObjectNode) spec).deepCopy();
        for (String list : List.of("containers", "initContainers")) {
            List<JsonNode> olds = Fields.list(oldSpec, list);
            List<JsonNode> news = Fields.list(munged, list);
            for (int i = 0; i < news.size(); i++) {
                JsonNode oldImage = olds.get(i).path("image");
                if (oldImage.isMissingNode()) {
                    ((ObjectNode) news.get(i)).remove("image");
                } else {
                    ((ObjectNode) news.get(i)).set("image", oldImage);
                }
            }
        }
        for (String field : List.of("activeDeadlineSeconds", "tolerations", "schedulingGates")) {
            copyField(oldSpec, munged, field);
        }
        if (Fields.num(oldSpec, "terminationGracePeriodSeconds", 0) < 0
                && Fields.num(munged, "terminationGracePeriodSeconds", 0) == 1) {
            copyField(oldSpec, munged, "terminationGracePeriodSeconds");
        }
        return munged;
    }

    private static void copyField(JsonNode from, ObjectNode to, String field) {
        if (from.has(field)) {
            to.set(field, from.get(field).deepCopy());
        } else {
            to.remove(field);
        }
    }

    private static List<FieldError> onlyAddedTolerations(JsonNode spec, JsonNode oldSpec, FieldPath path) {
        List<JsonNode> now = Fields.list(spec, "tolerations");
        for (JsonNode old : Fields.list(oldSpec, "tolerations")) {
            boolean found = false;
            for (JsonNode t : now) {
                ObjectNode a = ((ObjectNode) old).deepCopy();
                ObjectNode b = ((ObjectNode) t).deepCopy();
                a.remove("tolerationSeconds");
                b.remove("tolerationSeconds");
                if (a.equals(b)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return List.of(FieldError.forbidden(path, "existing toleration can not be modified except its tolerationSeconds"));
            }
        }
        return PodSpecValidation.tolerations(now, path);
    }
}
