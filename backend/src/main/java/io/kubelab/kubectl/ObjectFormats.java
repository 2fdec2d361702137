package io.kubelab.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.print.JsonPrinter;
import io.kubelab.kubectl.print.NamePrinter;
import io.kubelab.kubectl.print.ObjectList;
import io.kubelab.kubectl.print.OmitManagedFields;
import io.kubelab.kubectl.print.YamlPrinter;
import io.kubelab.kubectl.print.gotemplate.GoNumbers;

import java.util.List;

/**
 * The object formats of {@code -o} (everything but the human tables): one object as it is, or several
 * (or a list asked for) as a {@code v1 List}, as kubectl's printers print them.
 */
public final class ObjectFormats {

    static final String ALLOWED = "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,"
            + "jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml";

    private ObjectFormats() {
    }

    /** The text after {@code -o format=}, or {@code --template}'s when {@code -o} gave none. */
    private static String template(String output, String format, ParsedFlags flags) {
        if (output.length() > format.length()) {
            return output.substring(format.length() + 1);
        }
        return flags.changed("template") ? flags.string("template") : "";
    }

    /**
     * Prints {@code objects} as {@code output} asks; {@code singleItem} when one object was named, so it is
     * printed by itself rather than as a one-item List.
     */
    public static String print(KubectlContext ctx, String output, ParsedFlags flags, List<ObjectNode> objects, boolean singleItem)
            throws KubectlException {
        String format = output.contains("=") ? output.substring(0, output.indexOf('=')) : output;
        boolean managed = flags.changed("show-managed-fields") && flags.bool("show-managed-fields");
        if (format.equals("name")) {
            StringBuilder out = new StringBuilder();
            objects.forEach(o -> out.append(NamePrinter.print(o)));
            return out.toString();
        }
        // Several objects are gathered into a List and re-encoded, which turns 3e6 into 3000000 as in kubectl.
        JsonNode document = singleItem && objects.size() == 1 ? objects.get(0)
                : GoNumbers.reencoded(ObjectList.of(objects));
        switch (format) {
            case "yaml":
                return YamlPrinter.print(managed ? document : OmitManagedFields.omit(document));
            case "json":
                return JsonPrinter.print(managed ? document : OmitManagedFields.omit(document));
            case "jsonpath":
            case "jsonpath-file":
            case "jsonpath-as-json":
                return Templates.jsonPath(ctx, format, template(output, format, flags), document, flags);
            case "go-template":
            case "go-template-file":
            case "template":
            case "templatefile":
                return Templates.goTemplate(ctx, format, template(output, format, flags), document, flags);
            case "custom-columns":
            case "custom-columns-file":
                return Templates.customColumns(ctx, format, template(output, format, flags), objects, flags);
            default:
                throw KubectlException.error("unable to match a printer suitable for the output format \"" + output
                        + "\", allowed formats are: " + ALLOWED);
        }
    }
}
