package io.kubelab.kubectl.print.jsonpath;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kubectl's {@code RelaxedJSONPathExpression} (pkg/cmd/get/customcolumn.go): {@code --sort-by} and
 * {@code custom-columns} accept {@code name1.name2}, {@code .name1.name2}, {@code {name1.name2}} and
 * {@code {.name1.name2}}, all meaning {@code {.name1.name2}}. ({@code -o jsonpath=} does not relax: there
 * {@code .metadata.name} is plain text and prints as is.)
 */
public final class RelaxedJsonPath {

    private static final Pattern JSON_REGEXP = Pattern.compile("^\\{\\.?([^{}]+)\\}$|^\\.?([^{}]+)$");
    static final String UNEXPECTED = "unexpected path string, expected a 'name1.name2' or '.name1.name2' or "
            + "'{name1.name2}' or '{.name1.name2}'";

    private RelaxedJsonPath() {
    }

    public static String expression(String path) {
        if (path.isEmpty()) {
            return path;
        }
        Matcher m = JSON_REGEXP.matcher(path);
        if (!m.matches()) {
            throw new JsonPathException(UNEXPECTED);
        }
        String spec = m.group(1) != null && !m.group(1).isEmpty() ? m.group(1) : m.group(2);
        return "{." + spec + "}";
    }
}
