package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/**
 * cli-runtime's NamePrinter: {@code <kind>[.<group>]/<name>}, the kind in lower case ({@code pod/web},
 * {@code deployment.apps/web}). {@code -o name} prints just that; without {@code -o} the mutating verbs print it
 * followed by the operation ({@code deployment.apps/web created}), which a dry run extends as kubectl's
 * PrintFlagsWithDryRunStrategy does ({@code created (dry run)}, {@code created (server dry run)}).
 */
public final class NamePrinter {

    /** kubectl's dry-run strategies, as they change the operation text. */
    public enum DryRun {
        NONE(""), CLIENT(" (dry run)"), SERVER(" (server dry run)");

        private final String suffix;

        DryRun(String suffix) {
            this.suffix = suffix;
        }

        /** The operation as printed: {@code created}, {@code created (dry run)}. */
        public String operation(String verb) {
            return verb + suffix;
        }
    }

    static final String MISSING_KIND = "missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the type";
    private static final String UNKNOWN = "<unknown>";

    private NamePrinter() {
    }

    /** {@code kind[.group]/name} of one object (no newline). */
    public static String name(JsonNode object) {
        return name(object.path("apiVersion").asText(""), object.path("kind").asText(""), object);
    }

    private static String name(String apiVersion, String kind, JsonNode object) {
        if (kind.isEmpty() || apiVersion.isEmpty()) {
            throw new PrintException(MISSING_KIND);
        }
        String name = object.path("metadata").path("name").asText("");
        int slash = apiVersion.indexOf('/');
        String resource = kind.toLowerCase(Locale.ROOT);
        if (slash > 0) {
            resource = resource + "." + apiVersion.substring(0, slash);
        }
        return resource + "/" + (name.isEmpty() ? UNKNOWN : name);
    }

    /** {@code -o name}: a line per object, a list's items each on their own line. */
    public static String print(JsonNode object) {
        return print(object, "", DryRun.NONE);
    }

    /**
     * The success line of a mutating verb ({@code verb} e.g. "created", "configured", "deleted"), a line per
     * object for a list.
     */
    public static String print(JsonNode object, String verb, DryRun dryRun) {
        String operation = verb.isEmpty() ? "" : " " + dryRun.operation(verb);
        StringBuilder out = new StringBuilder(64);
        JsonNode items = object.get("items");
        if (items != null && items.isArray()) {
            // an unstructured list gives items without apiVersion/kind those of the list, less "List"
            String apiVersion = object.path("apiVersion").asText("");
            String kind = object.path("kind").asText("");
            String itemKind = kind.endsWith("List") ? kind.substring(0, kind.length() - 4) : kind;
            for (JsonNode item : items) {
                out.append(name(item.path("apiVersion").asText(apiVersion), item.path("kind").asText(itemKind), item))
                        .append(operation).append('\n');
            }
            return out.toString();
        }
        return out.append(name(object)).append(operation).append('\n').toString();
    }
}
