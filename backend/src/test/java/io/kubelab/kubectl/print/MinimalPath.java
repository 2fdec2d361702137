package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A test stand-in for client-go's JSONPath, enough for custom columns: one braced expression of fields
 * ({@code .a.b}), indexes ({@code [n]}) and wildcards ({@code [*]}), missing keys allowed.
 */
final class MinimalPath implements PathEvaluator {

    @Override
    public List<List<JsonNode>> evaluate(String expression, JsonNode object) {
        if (expression.isEmpty()) {
            return List.of();
        }
        String path = expression.substring(1, expression.length() - 1); // {...}
        List<JsonNode> current = new ArrayList<>(List.of(object));
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            List<JsonNode> next = new ArrayList<>();
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                String field = path.substring(i + 1, end);
                for (JsonNode node : current) {
                    if (field.isEmpty()) {
                        next.add(node);
                    } else if (node.isObject() && node.has(field)) {
                        next.add(node.get(field));
                    }
                }
                i = end;
            } else if (c == '[') {
                int end = path.indexOf(']', i);
                String index = path.substring(i + 1, end);
                for (JsonNode node : current) {
                    if (!node.isArray()) {
                        continue;
                    }
                    if (index.equals("*")) {
                        node.forEach(next::add);
                    } else if (Integer.parseInt(index) < node.size()) {
                        next.add(node.get(Integer.parseInt(index)));
                    }
                }
                i = end + 1;
            } else {
                throw new IllegalArgumentException("unsupported path " + expression);
            }
            current = next;
        }
        return List.of(current);
    }
}
