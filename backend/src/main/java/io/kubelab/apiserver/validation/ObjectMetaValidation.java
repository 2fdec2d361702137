package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.model.NameValidation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * apimachinery's {@code ValidateObjectMeta} and {@code ValidateObjectMetaUpdate}, with core's extra
 * finalizer-name check, in Kubernetes' order.
 */
final class ObjectMetaValidation {

    private static final Set<String> STANDARD_FINALIZERS = Set.of("kubernetes", "orphan", "foregroundDeletion");
    private static final DateTimeFormatter GO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z 'UTC'");

    private ObjectMetaValidation() {
    }

    static List<FieldError> validate(JsonNode meta, boolean namespaced, NameRules.NameFn nameFn, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String generateName = Fields.str(meta, "generateName");
        if (!generateName.isEmpty()) {
            nameFn.validate(generateName, true)
                    .forEach(m -> errs.add(FieldError.invalid(path.child("generateName"), generateName, m)));
        }
        String name = Fields.str(meta, "name");
        if (name.isEmpty()) {
            errs.add(FieldError.required(path.child("name"), "name or generateName is required"));
        } else {
            nameFn.validate(name, false).forEach(m -> errs.add(FieldError.invalid(path.child("name"), name, m)));
        }
        String namespace = Fields.str(meta, "namespace");
        if (namespaced) {
            if (namespace.isEmpty()) {
                errs.add(FieldError.required(path.child("namespace"), ""));
            } else {
                NameValidation.dns1123Label(namespace)
                        .forEach(m -> errs.add(FieldError.invalid(path.child("namespace"), namespace, m)));
            }
        } else if (!namespace.isEmpty()) {
            errs.add(FieldError.forbidden(path.child("namespace"), "not allowed on this type"));
        }
        errs.addAll(Common.nonNegative(Fields.num(meta, "generation", 0), path.child("generation")));
        errs.addAll(Common.labels(Fields.stringMap(meta, "labels"), path.child("labels")));
        errs.addAll(Common.annotations(Fields.stringMap(meta, "annotations"), path.child("annotations")));
        errs.addAll(ownerReferences(meta, path.child("ownerReferences")));
        errs.addAll(finalizers(Fields.strings(meta, "finalizers"), path.child("finalizers")));
        errs.addAll(kubeFinalizerNames(meta, path));
        return errs;
    }

    static List<FieldError> validateUpdate(JsonNode meta, JsonNode old, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        List<String> finalizers = Fields.strings(meta, "finalizers");
        if (Fields.has(old, "deletionTimestamp")) {
            Set<String> added = new TreeSet<>(finalizers);
            added.removeAll(Fields.strings(old, "finalizers"));
            if (!added.isEmpty()) {
                errs.add(FieldError.forbidden(path.child("finalizers"), "no new finalizers can be added if the object "
                        + "is being deleted, found new finalizers " + GoValue.stringSlice(List.copyOf(added)).text()));
            }
        }
        errs.addAll(finalizers(finalizers, path.child("finalizers")));
        long generation = Fields.num(meta, "generation", 0);
        if (generation < Fields.num(old, "generation", 0)) {
            errs.add(FieldError.invalid(path.child("generation"), generation, "must not be decremented"));
        }
        errs.addAll(Common.immutableString(Fields.str(meta, "name"), Fields.str(old, "name"), path.child("name")));
        errs.addAll(Common.immutableString(Fields.str(meta, "namespace"), Fields.str(old, "namespace"), path.child("namespace")));
        errs.addAll(Common.immutableString(Fields.str(meta, "uid"), Fields.str(old, "uid"), path.child("uid")));
        errs.addAll(Common.immutable(meta.path("creationTimestamp"), old.path("creationTimestamp"),
                goTime(Fields.str(meta, "creationTimestamp")), path.child("creationTimestamp")));
        errs.addAll(Common.immutable(meta.path("deletionTimestamp"), old.path("deletionTimestamp"),
                Fields.has(meta, "deletionTimestamp") ? goTime(Fields.str(meta, "deletionTimestamp")) : GoValue.of(null),
                path.child("deletionTimestamp")));
        errs.addAll(Common.immutable(meta.path("deletionGracePeriodSeconds"), old.path("deletionGracePeriodSeconds"),
                GoValue.of(Fields.has(meta, "deletionGracePeriodSeconds") ? Fields.num(meta, "deletionGracePeriodSeconds", 0) : null),
                path.child("deletionGracePeriodSeconds")));
        errs.addAll(Common.labels(Fields.stringMap(meta, "labels"), path.child("labels")));
        errs.addAll(Common.annotations(Fields.stringMap(meta, "annotations"), path.child("annotations")));
        errs.addAll(ownerReferences(meta, path.child("ownerReferences")));
        errs.addAll(kubeFinalizerNames(meta, path));
        return errs;
    }

    /** metav1.Time prints with Go's {@code time.Time.String()}: {@code 2024-05-01 10:00:00 +0000 UTC}. */
    private static GoValue goTime(String rfc3339) {
        if (rfc3339.isEmpty()) {
            return GoValue.literal("0001-01-01 00:00:00 +0000 UTC");
        }
        try {
            return GoValue.literal(OffsetDateTime.parse(rfc3339).withOffsetSameInstant(ZoneOffset.UTC).format(GO_TIME));
        } catch (RuntimeException e) {
            return GoValue.of(rfc3339);
        }
    }

    /** apimachinery reports owner references at the list's path, without an index. */
    private static List<FieldError> ownerReferences(JsonNode meta, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String firstController = "";
        for (JsonNode ref : Fields.list(meta, "ownerReferences")) {
            String apiVersion = Fields.str(ref, "apiVersion");
            String version = apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion;
            if (version.isEmpty() || apiVersion.chars().filter(c -> c == '/').count() > 1) {
                errs.add(FieldError.invalid(path.child("apiVersion"), apiVersion, "version must not be empty"));
            }
            if (Fields.str(ref, "kind").isEmpty()) {
                errs.add(FieldError.invalid(path.child("kind"), "", "kind must not be empty"));
            }
            if (Fields.str(ref, "name").isEmpty()) {
                errs.add(FieldError.invalid(path.child("name"), "", "name must not be empty"));
            }
            if (Fields.str(ref, "uid").isEmpty()) {
                errs.add(FieldError.invalid(path.child("uid"), "", "uid must not be empty"));
            }
            if (Fields.bool(ref, "controller")) {
                String current = Fields.str(ref, "kind") + "/" + Fields.str(ref, "name");
                if (!firstController.isEmpty()) {
                    errs.add(new FieldError(ErrorType.INVALID, path, GoValue.literal("[]v1.OwnerReference{...}"),
                            "Only one reference can have Controller set to true. Found \"true\" in references for "
                                    + firstController + " and " + current));
                } else {
                    firstController = current;
                }
            }
        }
        return errs;
    }

    private static List<FieldError> finalizers(List<String> finalizers, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (String f : finalizers) {
            errs.addAll(Common.qualifiedName(f, path));
        }
        if (finalizers.contains("orphan") && finalizers.contains("foregroundDeletion")) {
            errs.add(new FieldError(ErrorType.INVALID, path, GoValue.stringSlice(finalizers),
                    "finalizer orphan and foregroundDeletion cannot be both set"));
        }
        return errs;
    }

    /** core's own rule: a finalizer without '/' must be one of Kubernetes' standard ones. */
    private static List<FieldError> kubeFinalizerNames(JsonNode meta, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        List<String> finalizers = Fields.strings(meta, "finalizers");
        for (int i = 0; i < finalizers.size(); i++) {
            String f = finalizers.get(i);
            if (!f.contains("/") && !STANDARD_FINALIZERS.contains(f)) {
                errs.add(FieldError.invalid(path.child("finalizers").index(i), f,
                        "name is neither a standard finalizer name nor is it fully qualified"));
            }
        }
        return errs;
    }
}
