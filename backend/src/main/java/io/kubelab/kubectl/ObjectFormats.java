package io.kubelab.kubectl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.cluster.ManifestYaml;
import io.kubelab.kubectl.cli.ParsedFlags;

import java.util.List;

/**
 * The object formats of {@code -o}: yaml and json of one object, or a {@code List} of several, as
 * kubectl prints them.
 */
public final class ObjectFormats {

    private ObjectFormats() {
    }

    public static String print(String output, ParsedFlags flags, List<ObjectNode> objects, boolean singleItem)
            throws KubectlException {
        ObjectNode document = singleItem && objects.size() == 1 ? objects.get(0) : list(objects);
        return switch (output) {
            case "yaml" -> ManifestYaml.write(document);
            case "json" -> GoJson.indent(document) + "\n";
            default -> throw KubectlException.error("unable to match a printer suitable for the output format \""
                    + output + "\", allowed formats are: json,name,yaml");
        };
    }

    private static ObjectNode list(List<ObjectNode> objects) {
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.put("apiVersion", "v1");
        ArrayNode items = list.putArray("items");
        objects.forEach(items::add);
        list.put("kind", "List");
        list.putObject("metadata").put("resourceVersion", "");
        return list;
    }
}
