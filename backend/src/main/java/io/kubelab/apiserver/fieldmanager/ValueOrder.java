package io.kubelab.apiserver.fieldmanager;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * structured-merge-diff's {@code value.Compare}: floats, then integers, strings, booleans, lists, maps and
 * null, each compared within its own kind (numbers across float and int by value). And its equality, under
 * which {@code 1} read from YAML and {@code 1} read from JSON are the same value.
 */
final class ValueOrder {

    /** Numbers compare by value whatever Jackson's node class for them. */
    static final Comparator<JsonNode> NUMERIC = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private ValueOrder() {
    }

    static boolean equal(JsonNode a, JsonNode b) {
        return a.equals(NUMERIC, b);
    }

    private static int rank(JsonNode v) {
        if (v.isFloatingPointNumber()) {
            return 0;
        }
        if (v.isIntegralNumber()) {
            return 1;
        }
        if (v.isTextual()) {
            return 2;
        }
        if (v.isBoolean()) {
            return 3;
        }
        if (v.isArray()) {
            return 4;
        }
        if (v.isObject()) {
            return 5;
        }
        return 6;
    }

    static int compare(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber() && (a.isFloatingPointNumber() || b.isFloatingPointNumber())) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        return switch (ra) {
            case 1 -> a.bigIntegerValue().compareTo(b.bigIntegerValue());
            case 2 -> a.textValue().compareTo(b.textValue());
            case 3 -> Boolean.compare(a.booleanValue(), b.booleanValue());
            case 4 -> compareLists(a, b);
            case 5 -> compareMaps(a, b);
            default -> 0;
        };
    }

    private static int compareLists(JsonNode a, JsonNode b) {
        for (int i = 0; ; i++) {
            if (i >= a.size() || i >= b.size()) {
                return Integer.compare(a.size(), b.size());
            }
            int c = compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
    }

    private static int compareMaps(JsonNode a, JsonNode b) {
        List<String> ka = sortedKeys(a);
        List<String> kb = sortedKeys(b);
        for (int i = 0; ; i++) {
            if (i >= ka.size() || i >= kb.size()) {
                return Integer.compare(ka.size(), kb.size());
            }
            int c = ka.get(i).compareTo(kb.get(i));
            if (c == 0) {
                c = compare(a.get(ka.get(i)), b.get(kb.get(i)));
            }
            if (c != 0) {
                return c;
            }
        }
    }

    private static List<String> sortedKeys(JsonNode map) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = map.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        keys.sort(null);
        return keys;
    }
}
