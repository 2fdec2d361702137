package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * 1.32's {@code ValidateEventCreate} and {@code ValidateEventUpdate}. Both APIs store the same internal
 * Event, so errors name the internal fields (involvedObject, message, source...) whichever API was used;
 * core/v1 gets only the legacy checks, events.k8s.io/v1 the strict ones as well.
 */
final class EventValidation {

    private static final int REPORTING_INSTANCE_LIMIT = 128;
    private static final int ACTION_LIMIT = 128;
    private static final int REASON_LIMIT = 128;
    private static final int NOTE_LIMIT = 1024;

    private EventValidation() {
    }

    /** The internal field name mapped to its JSON name in the API the request used. */
    private record View(JsonNode event, boolean core) {
        JsonNode get(String internal) {
            String json = core ? internal : switch (internal) {
                case "involvedObject" -> "regarding";
                case "message" -> "note";
                case "source" -> "deprecatedSource";
                case "firstTimestamp" -> "deprecatedFirstTimestamp";
                case "lastTimestamp" -> "deprecatedLastTimestamp";
                case "count" -> "deprecatedCount";
                default -> internal;
            };
            if (core && internal.equals("reportingController")) {
                json = "reportingComponent";
            }
            return event.path(json);
        }

        String str(String internal) {
            JsonNode v = get(internal);
            return v.isMissingNode() || v.isNull() ? "" : v.asText();
        }

        boolean set(String internal) {
            JsonNode v = get(internal);
            return !v.isMissingNode() && !v.isNull();
        }
    }

    static List<FieldError> create(JsonNode event) {
        boolean core = Validation.group(event).isEmpty();
        View e = new View(event, core);
        List<FieldError> errs = legacy(e);
        if (core) {
            return errs;
        }
        errs.addAll(ObjectMetaValidation.validate(event.path("metadata"), true, NameRules.DNS1123_SUBDOMAIN, FieldPath.of("metadata")));
        errs.addAll(series(e));
        if (!e.set("eventTime")) {
            errs.add(FieldError.required(FieldPath.of("eventTime"), ""));
        }
        String type = e.str("type");
        if (!type.equals("Normal") && !type.equals("Warning")) {
            errs.add(FieldError.invalid(FieldPath.of("type"), "", "has invalid value: " + type));
        }
        for (String f : List.of("firstTimestamp", "lastTimestamp")) {
            if (e.set(f)) {
                errs.add(FieldError.invalid(FieldPath.of(f), "", "needs to be unset"));
            }
        }
        if (e.get("count").asLong(0) != 0) {
            errs.add(FieldError.invalid(FieldPath.of("count"), "", "needs to be unset"));
        }
        if (!Fields.str(e.get("source"), "component").isEmpty() || !Fields.str(e.get("source"), "host").isEmpty()) {
            errs.add(FieldError.invalid(FieldPath.of("source"), "", "needs to be unset"));
        }
        return errs;
    }

    static List<FieldError> update(JsonNode event, JsonNode old) {
        boolean core = Validation.group(event).isEmpty();
        View e = new View(event, core);
        View o = new View(old, core);
        List<FieldError> errs = legacy(e);
        if (core) {
            return errs;
        }
        errs.addAll(ObjectMetaValidation.validateUpdate(event.path("metadata"), old.path("metadata"), FieldPath.of("metadata")));
        if (!Common.sameJson(e.get("series"), o.get("series"))) {
            errs.addAll(series(e));
        }
        // Kubernetes lists reason twice, so a changed reason is reported twice.
        for (String f : List.of("involvedObject", "reason", "message", "source", "firstTimestamp", "lastTimestamp", "count",
                "reason", "type", "eventTime", "action", "related", "reportingController", "reportingInstance")) {
            JsonNode now = e.get(f);
            errs.addAll(Common.immutable(now, o.get(f), shown(now), FieldPath.of(f)));
        }
        return errs;
    }

    /** Strings and numbers print as Go prints them; structs and times we can only approximate. */
    private static GoValue shown(JsonNode v) {
        if (v.isTextual()) {
            return GoValue.of(v.asText());
        }
        if (v.isNumber()) {
            return GoValue.of(v.asLong());
        }
        return GoValue.literal(v.isMissingNode() || v.isNull() ? "nil" : v.toString());
    }

    private static List<FieldError> series(View e) {
        List<FieldError> errs = new ArrayList<>();
        JsonNode series = e.get("series");
        if (series.isMissingNode() || series.isNull()) {
            return errs;
        }
        if (Fields.num(series, "count", 0) < 2) {
            errs.add(FieldError.invalid(FieldPath.of("series.count"), "", "should be at least 2"));
        }
        if (!Fields.has(series, "lastObservedTime")) {
            errs.add(FieldError.required(FieldPath.of("series.lastObservedTime"), ""));
        }
        return errs;
    }

    /** {@code legacyValidateEvent}: namespace agreement, and for new-style events (eventTime set) the reporting fields. */
    private static List<FieldError> legacy(View e) {
        List<FieldError> errs = new ArrayList<>();
        String namespace = Fields.str(e.event().path("metadata"), "namespace");
        String involvedNamespace = Fields.str(e.get("involvedObject"), "namespace");
        FieldPath involved = FieldPath.of("involvedObject", "namespace");
        String mismatch = "does not match event.namespace";
        String controllerField = e.core() ? "reportingComponent" : "reportingController";
        if (!e.set("eventTime")) {
            if (involvedNamespace.isEmpty()) {
                if (!namespace.isEmpty() && !namespace.equals("default")) {
                    errs.add(FieldError.invalid(involved, involvedNamespace, mismatch));
                }
            } else if (!namespace.equals(involvedNamespace)) {
                errs.add(FieldError.invalid(involved, involvedNamespace, mismatch));
            }
        } else {
            if (involvedNamespace.isEmpty() && !namespace.equals("default") && !namespace.equals("kube-system")) {
                errs.add(FieldError.invalid(involved, involvedNamespace, mismatch));
            }
            String controller = e.str("reportingController");
            if (controller.isEmpty()) {
                errs.add(FieldError.required(FieldPath.of(controllerField), ""));
            }
            errs.addAll(Common.qualifiedName(controller, FieldPath.of(controllerField)));
            errs.addAll(limited(e.str("reportingInstance"), "reportingInstance", REPORTING_INSTANCE_LIMIT, true));
            errs.addAll(limited(e.str("action"), "action", ACTION_LIMIT, true));
            errs.addAll(limited(e.str("reason"), "reason", REASON_LIMIT, true));
            errs.addAll(limited(e.str("message"), "message", NOTE_LIMIT, false));
        }
        errs.addAll(Common.dns1123Subdomain(namespace, FieldPath.of("namespace")));
        return errs;
    }

    private static List<FieldError> limited(String value, String field, int limit, boolean required) {
        List<FieldError> errs = new ArrayList<>();
        if (required && value.isEmpty()) {
            errs.add(FieldError.required(FieldPath.of(field), ""));
        }
        if (value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > limit) {
            errs.add(FieldError.invalid(FieldPath.of(field), "", "can have at most " + limit + " characters"));
        }
        return errs;
    }
}
