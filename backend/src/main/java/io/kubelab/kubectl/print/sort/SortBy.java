package io.kubelab.kubectl.print.sort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.go.GoSort;
import io.kubelab.kubectl.go.GoText;
import io.kubelab.kubectl.print.gotemplate.GoNumbers;
import io.kubelab.kubectl.print.gotemplate.GoPrint;
import io.kubelab.kubectl.print.jsonpath.JsonPath;
import io.kubelab.kubectl.print.jsonpath.JsonPathException;
import io.kubelab.kubectl.print.jsonpath.RelaxedJsonPath;
import io.kubelab.model.Quantity;

import java.util.ArrayList;
import java.util.List;

/**
 * kubectl's {@code --sort-by=FIELD} for a list of objects ({@code pkg/cmd/get/sorter.go},
 * {@code SortObjects}): the field in the relaxed JSONPath form ({@code .metadata.name}, {@code {.a.b}}),
 * evaluated with missing keys allowed; the first value found orders the objects. Numbers compare as numbers,
 * strings as quantities when both parse ({@code 100m} before {@code 1}), else byte by byte (so timestamps
 * sort in time order, {@code pod-10} before {@code pod-9}); an object without the field sorts first. Go's
 * unstable sort, reproduced.
 */
public final class SortBy {

    private static final String UNSORTABLE_KIND = "interface";

    private SortBy() {
    }

    /** The objects in kubectl's order; the list passed in is not changed. */
    public static List<ObjectNode> sort(List<ObjectNode> objects, String field) throws SortByException {
        List<ObjectNode> out = new ArrayList<>(objects);
        if (out.isEmpty()) {
            return out;
        }
        String expression;
        JsonPath path;
        try {
            expression = RelaxedJsonPath.expression(field);
            path = JsonPath.parse(expression);
        } catch (JsonPathException e) {
            throw new SortByException(e.getMessage(), false);
        }
        List<JsonNode> keys = new ArrayList<>(out.size());
        boolean foundOnce = false;
        for (ObjectNode obj : out) {
            List<List<JsonNode>> values;
            try {
                values = path.findResults(obj, true);
            } catch (JsonPathException e) {
                throw new SortByException(e.getMessage(), false);
            }
            JsonNode key = values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0).get(0);
            foundOnce |= key != null;
            keys.add(key);
        }
        if (!foundOnce) {
            throw new SortByException("couldn't find any field with path " + GoText.quote(expression)
                    + " in the list of objects", false);
        }
        GoSort.sort(new Keys(out, keys, expression));
        return out;
    }

    /**
     * The objects and their sort values, swapped together as Go's {@code RuntimeSort} does. Quantities are
     * parsed once per object, not once per comparison.
     */
    private static final class Keys implements GoSort.Data {
        private final List<ObjectNode> objects;
        private final List<JsonNode> values;
        private final List<Quantity> quantities;
        private final String field;

        Keys(List<ObjectNode> objects, List<JsonNode> values, String field) {
            this.objects = objects;
            this.values = values;
            this.field = field;
            this.quantities = new ArrayList<>(values.size());
            for (JsonNode v : values) {
                quantities.add(v != null && v.isTextual() ? quantity(v.textValue()) : null);
            }
        }

        @Override
        public int len() {
            return objects.size();
        }

        @Override
        public boolean less(int i, int j) {
            JsonNode a = values.get(i);
            JsonNode b = values.get(j);
            if (a == null) {
                return true;
            }
            if (b == null) {
                return false;
            }
            if (a.isTextual() && b.isTextual()) {
                Quantity qa = quantities.get(i);
                Quantity qb = quantities.get(j);
                return qa != null && qb != null ? qa.compareTo(qb) < 0 : a.textValue().compareTo(b.textValue()) < 0;
            }
            return isLess(a, b, field);
        }

        @Override
        public void swap(int i, int j) {
            objects.set(i, objects.set(j, objects.get(i)));
            values.set(i, values.set(j, values.get(i)));
            quantities.set(i, quantities.set(j, quantities.get(i)));
        }
    }

    /** sorter.go's {@code isLess} for values of unstructured content (Go interface values). */
    static boolean isLess(JsonNode i, JsonNode j, String field) {
        boolean iNil = i.isNull();
        boolean jNil = j.isNull();
        if (iNil || jNil) {
            return iNil && !jNil;
        }
        if (i.isNumber()) {
            boolean iInt = GoNumbers.isInt(i, false);
            if (j.isNumber() && GoNumbers.isInt(j, false) == iInt) {
                return iInt ? i.longValue() < j.longValue() : i.doubleValue() < j.doubleValue();
            }
            throw unsortable(field, i, "unsortable interface: " + UNSORTABLE_KIND);
        }
        if (i.isTextual()) {
            if (!j.isTextual()) {
                throw unsortable(field, i, "unsortable interface: " + UNSORTABLE_KIND);
            }
            Quantity qi = quantity(i.textValue());
            Quantity qj = qi == null ? null : quantity(j.textValue());
            if (qi == null || qj == null) {
                return i.textValue().compareTo(j.textValue()) < 0;
            }
            return qi.compareTo(qj) < 0;
        }
        String type = i.isBoolean() ? "bool" : i.isObject() ? "map[string]interface {}" : "[]interface {}";
        throw unsortable(field, i, "unsortable type: " + type);
    }

    private static SortByException unsortable(String field, JsonNode value, String err) {
        return new SortByException("Field " + field + " in *unstructured.Unstructured is an unsortable type: "
                + UNSORTABLE_KIND + ", err: " + err, true);
    }

    private static Quantity quantity(String s) {
        try {
            return Quantity.parse(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
