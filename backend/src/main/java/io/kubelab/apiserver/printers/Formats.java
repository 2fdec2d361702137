package io.kubelab.apiserver.printers;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.model.LabelSelector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The small formatters printers.go shares: labels, selectors, container lists, "+ N more..." lists. */
final class Formats {

    private Formats() {
    }

    /** {@code labels.FormatLabels}: sorted {@code k=v} joined by commas, {@code <none>} when empty. */
    static String labels(JsonNode map) {
        if (map.size() == 0) {
            return Row.NONE;
        }
        Map<String, String> sorted = new TreeMap<>();
        map.properties().forEach(e -> sorted.put(e.getKey(), e.getValue().asText()));
        StringBuilder out = new StringBuilder();
        sorted.forEach((k, v) -> {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(k).append('=').append(v);
        });
        return out.toString();
    }

    /** {@code LabelSelectorAsSelector(s).String()}: empty for an absent or empty selector. */
    static String selector(JsonNode selector) {
        if (selector.isMissingNode() || selector.isNull()) {
            return "";
        }
        try {
            return LabelSelector.fromJson(selector).toString();
        } catch (LabelSelector.ParseException e) {
            return null;
        }
    }

    /** {@code metav1.FormatLabelSelector}: {@code <none>} when it selects everything or nothing. */
    static String formatSelector(JsonNode selector) {
        String s = selector(selector);
        if (s == null) {
            return "<error>";
        }
        return s.isEmpty() ? Row.NONE : s;
    }

    /** {@code layoutContainerCells}: names and images, each joined by commas. */
    static String[] containers(JsonNode containers) {
        StringBuilder names = new StringBuilder();
        StringBuilder images = new StringBuilder();
        for (int i = 0; i < containers.size(); i++) {
            JsonNode c = containers.get(i);
            names.append(c.path("name").asText());
            images.append(c.path("image").asText());
            if (i != containers.size() - 1) {
                names.append(',');
                images.append(',');
            }
        }
        return new String[] {names.toString(), images.toString()};
    }

    /** {@code listWithMoreString}: at most three, then {@code + N more...}; {@code <unset>} when empty. */
    static String withMore(List<String> list, int count) {
        String joined = String.join(",", list);
        if (count > 3) {
            return joined + " + " + (count - 3) + " more...";
        }
        return joined.isEmpty() ? Row.UNSET : joined;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>(array.size());
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    /** An {@code IntOrString} as {@code String()} prints it. */
    static String intOrString(JsonNode value) {
        return value.isNumber() ? Long.toString(value.asLong()) : value.asText();
    }

    /** A resource quantity as stored (the API server keeps them canonical); a zero Quantity prints "0". */
    static String quantity(JsonNode value) {
        return value.isTextual() ? value.asText() : value.isNumber() ? value.asText() : "0";
    }

    static String orDefault(JsonNode value, String fallback) {
        String s = value.asText("");
        return value.isValueNode() && !value.isNull() && !s.isEmpty() ? s : fallback;
    }
}
