package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static io.kubelab.kubectl.describe.PrefixWriter.LEVEL_0;

/**
 * kubectl's {@code genericDescriber}, for every kind without a describer of its own (Lease, Event,
 * ControllerRevision, custom resources...): the object's fields, sorted, under labels made from their names.
 */
final class GenericDescriber {

    private static final Set<String> SKIP = Set.of(".metadata.managedFields", ".metadata.name", ".metadata.namespace",
            ".metadata.labels", ".metadata.annotations");
    private static final Set<String> ACRONYMS = Set.of("API", "URL", "UID", "OSB", "GUID");

    private GenericDescriber() {
    }

    static void describe(DescribeContext ctx, ObjectNode object, PrefixWriter w) {
        var events = EventsSection.about(ctx, object);
        Meta.name(w, object);
        Meta.namespace(w, object);
        Meta.labels(w, object);
        Meta.annotations(w, object);
        content(w, LEVEL_0, object, "");
        EventsSection.write(events, w, ctx.now());
    }

    /** {@code printUnstructuredContent}. */
    private static void content(PrefixWriter w, int level, JsonNode content, String skipPrefix) {
        TreeSet<String> fields = new TreeSet<>();
        content.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            JsonNode value = content.get(field);
            String skipExpr = skipPrefix + "." + field;
            if (SKIP.contains(skipExpr)) {
                continue;
            }
            if (value.isObject()) {
                w.write(level, smartLabel(field) + ":\n");
                content(w, level + 1, value, skipExpr);
            } else if (value.isArray()) {
                w.write(level, smartLabel(field) + ":\n");
                for (JsonNode child : value) {
                    if (child.isObject()) {
                        content(w, level + 1, child, skipExpr);
                    } else {
                        w.write(level + 1, scalar(child) + "\n");
                    }
                }
            } else {
                w.write(level, smartLabel(field) + ":\t" + scalar(value) + "\n");
            }
        }
    }

    /** Go's {@code %v} of a decoded JSON value: {@code <nil>}, {@code [a b]}, {@code map[k:v]} (keys sorted), the scalar. */
    static String scalar(JsonNode v) {
        if (v.isNull()) {
            return "<nil>";
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>(v.size());
            v.forEach(e -> parts.add(scalar(e)));
            return J.goSlice(parts);
        }
        if (v.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            v.fieldNames().forEachRemaining(keys::add);
            List<String> parts = new ArrayList<>(keys.size());
            for (String k : keys) {
                parts.add(k + ":" + scalar(v.get(k)));
            }
            return "map" + J.goSlice(parts);
        }
        return v.asText();
    }

    /** {@code smartLabelFor}: {@code holderIdentity} becomes {@code Holder Identity}, {@code apiVersion} {@code API Version}. */
    static String smartLabel(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (!Character.isLetter(c) && c != '-') {
                return field;
            }
        }
        List<String> result = new ArrayList<>();
        for (String part : camelCaseSplit(field)) {
            if (part.equals("_")) {
                continue;
            }
            String upper = part.toUpperCase(java.util.Locale.ROOT);
            result.add(ACRONYMS.contains(upper) ? upper : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return String.join(" ", result);
    }

    /** {@code camelcase.Split}: runs of one character class, an upper-case run's last letter moved onto a lower-case run. */
    static List<String> camelCaseSplit(String s) {
        List<StringBuilder> runs = new ArrayList<>();
        int last = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int cls = Character.isLowerCase(c) ? 1 : Character.isUpperCase(c) ? 2 : Character.isDigit(c) ? 3 : 4;
            if (cls == last) {
                runs.get(runs.size() - 1).append(c);
            } else {
                runs.add(new StringBuilder().append(c));
            }
            last = cls;
        }
        for (int i = 0; i < runs.size() - 1; i++) {
            StringBuilder a = runs.get(i);
            StringBuilder b = runs.get(i + 1);
            if (a.length() > 0 && b.length() > 0 && Character.isUpperCase(a.charAt(0)) && Character.isLowerCase(b.charAt(0))) {
                b.insert(0, a.charAt(a.length() - 1));
                a.setLength(a.length() - 1);
            }
        }
        List<String> out = new ArrayList<>();
        for (StringBuilder r : runs) {
            if (r.length() > 0) {
                out.add(r.toString());
            }
        }
        return out;
    }
}
