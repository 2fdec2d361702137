package io.kubelab.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The diff Kubernetes appends to a refused pod update. Kubernetes prints go-cmp's diff of its internal
 * Go structs, which cannot be reproduced from JSON (and go-cmp randomises its spacing on purpose), so this
 * keeps its shape: the type, then one {@code -}/{@code +} line pair per changed field, by JSON path.
 */
final class SpecDiff {

    private SpecDiff() {
    }

    static String diff(JsonNode old, JsonNode now) {
        List<String> lines = new ArrayList<>();
        walk("", old, now, lines);
        StringBuilder out = new StringBuilder("  core.PodSpec{\n");
        lines.forEach(l -> out.append(l).append('\n'));
        return out.append("  }\n").toString();
    }

    private static void walk(String path, JsonNode old, JsonNode now, List<String> lines) {
        if (Common.sameJson(old, now)) {
            return;
        }
        if (old != null && now != null && old.isObject() && now.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            old.fieldNames().forEachRemaining(names::add);
            for (Iterator<String> it = now.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            for (String name : names) {
                walk(path.isEmpty() ? name : path + "." + name, old.get(name), now.get(name), lines);
            }
            return;
        }
        if (old != null && now != null && old.isArray() && now.isArray() && old.size() == now.size()) {
            for (int i = 0; i < old.size(); i++) {
                walk(path + "[" + i + "]", old.get(i), now.get(i), lines);
            }
            return;
        }
        if (old != null && !old.isMissingNode() && !old.isNull()) {
            lines.add("- \t" + path + ": " + old);
        }
        if (now != null && !now.isMissingNode() && !now.isNull()) {
            lines.add("+ \t" + path + ": " + now);
        }
    }
}
