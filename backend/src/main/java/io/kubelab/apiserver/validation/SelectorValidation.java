package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.model.NameValidation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A metav1 {@code LabelSelector}: its validation, matching, and its Go rendering in error messages. */
final class SelectorValidation {

    private SelectorValidation() {
    }

    static List<FieldError> validate(JsonNode selector, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (selector.isMissingNode() || selector.isNull()) {
            return errs;
        }
        errs.addAll(Common.labels(Fields.stringMap(selector, "matchLabels"), path.child("matchLabels")));
        List<JsonNode> exprs = Fields.list(selector, "matchExpressions");
        for (int i = 0; i < exprs.size(); i++) {
            JsonNode e = exprs.get(i);
            FieldPath idx = path.child("matchExpressions").index(i);
            String op = Fields.str(e, "operator");
            List<String> values = Fields.strings(e, "values");
            switch (op) {
                case "In", "NotIn" -> {
                    if (values.isEmpty()) {
                        errs.add(FieldError.required(idx.child("values"), "must be specified when `operator` is 'In' or 'NotIn'"));
                    }
                }
                case "Exists", "DoesNotExist" -> {
                    if (!values.isEmpty()) {
                        errs.add(FieldError.forbidden(idx.child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
                    }
                }
                default -> errs.add(FieldError.invalid(idx.child("operator"), op, "not a valid selector operator"));
            }
            errs.addAll(Common.qualifiedName(Fields.str(e, "key"), idx.child("key")));
            for (int v = 0; v < values.size(); v++) {
                String value = values.get(v);
                FieldPath vp = idx.child("values").index(v);
                NameValidation.labelValue(value).forEach(m -> errs.add(FieldError.invalid(vp, value, m)));
            }
        }
        return errs;
    }

    static boolean isSet(JsonNode selector) {
        return !selector.isMissingNode() && !selector.isNull();
    }

    /** No matchLabels and no matchExpressions. */
    static boolean isEmpty(JsonNode selector) {
        return Fields.stringMapOrEmpty(selector, "matchLabels").isEmpty() && Fields.list(selector, "matchExpressions").isEmpty();
    }

    /** As {@code LabelSelectorAsSelector(...).Matches}: a nil selector matches nothing, an empty one everything. */
    static boolean matches(JsonNode selector, Map<String, String> labels) {
        if (!isSet(selector)) {
            return false;
        }
        for (Map.Entry<String, String> e : Fields.stringMapOrEmpty(selector, "matchLabels").entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode e : Fields.list(selector, "matchExpressions")) {
            String value = labels.get(Fields.str(e, "key"));
            List<String> values = Fields.strings(e, "values");
            boolean ok = switch (Fields.str(e, "operator")) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code LabelSelectorAsSelector} would fail (an unknown operator, or In without values...). */
    static boolean unparsable(JsonNode selector) {
        for (JsonNode e : Fields.list(selector, "matchExpressions")) {
            String op = Fields.str(e, "operator");
            int n = Fields.strings(e, "values").size();
            boolean bad = switch (op) {
                case "In", "NotIn" -> n == 0;
                case "Exists", "DoesNotExist" -> n != 0;
                default -> true;
            };
            if (bad) {
                return true;
            }
        }
        return false;
    }

    /** {@code %#v} of a dereferenced {@code *metav1.LabelSelector}. */
    static GoValue render(JsonNode selector) {
        if (!isSet(selector)) {
            return GoValue.of(null);
        }
        List<JsonNode> exprs = Fields.list(selector, "matchExpressions");
        String expressions = !selector.has("matchExpressions") ? "[]v1.LabelSelectorRequirement(nil)"
                : "[]v1.LabelSelectorRequirement{" + exprs.stream().map(e -> "v1.LabelSelectorRequirement{Key:"
                + GoValue.of(Fields.str(e, "key")).text() + ", Operator:" + GoValue.of(Fields.str(e, "operator")).text()
                + ", Values:" + GoValue.stringSlice(e.has("values") ? Fields.strings(e, "values") : null).text() + "}")
                .collect(Collectors.joining(", ")) + "}";
        return GoValue.literal("v1.LabelSelector{MatchLabels:" + GoValue.stringMap(Fields.stringMap(selector, "matchLabels")).text()
                + ", MatchExpressions:" + expressions + "}");
    }
}
