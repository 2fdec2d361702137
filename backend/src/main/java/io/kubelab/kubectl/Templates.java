package io.kubelab.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.print.CustomColumns;
import io.kubelab.kubectl.print.JsonPrinter;
import io.kubelab.kubectl.print.PrintException;
import io.kubelab.kubectl.print.gotemplate.GoTemplate;
import io.kubelab.kubectl.print.gotemplate.GoTemplateException;
import io.kubelab.kubectl.print.jsonpath.JsonPath;
import io.kubelab.kubectl.print.jsonpath.JsonPathException;
import io.kubelab.kubectl.print.jsonpath.RelaxedJsonPath;

import java.util.List;

/**
 * The template formats of {@code -o}: jsonpath (also from a file, or as JSON), go-template (also from a
 * file) and custom columns (also from a file), with kubectl's messages when a template is missing or wrong.
 */
final class Templates {

    private Templates() {
    }

    static String jsonPath(KubectlContext ctx, String format, String template, JsonNode document, ParsedFlags flags) throws KubectlException {
        String text = format.equals("jsonpath-file") ? file(ctx, template) : template;
        if (text.isEmpty()) {
            throw KubectlException.error("template format specified but no template given");
        }
        try {
            JsonPath path = JsonPath.parse(RelaxedJsonPath.expression(text));
            boolean allowMissing = flags.bool("allow-missing-template-keys");
            if (format.equals("jsonpath-as-json")) {
                ArrayNode all = JsonNodeFactory.instance.arrayNode();
                for (List<JsonNode> results : path.findResults(document, allowMissing)) {
                    results.forEach(all::add);
                }
                return JsonPrinter.print(all);
            }
            return path.execute(document, allowMissing);
        } catch (JsonPathException e) {
            throw KubectlException.error(e.getMessage());
        }
    }

    static String goTemplate(KubectlContext ctx, String format, String template, JsonNode document, ParsedFlags flags)
            throws KubectlException {
        String text = format.endsWith("file") ? file(ctx, template) : template;
        if (text.isEmpty()) {
            throw KubectlException.error("template format specified but no template given");
        }
        try {
            return GoTemplate.parse(text).execute(document, flags.bool("allow-missing-template-keys"));
        } catch (GoTemplateException e) {
            // kubectl has already written what the template printed before it failed.
            if (e.partialOutput() != null) {
                ctx.out().append(e.partialOutput());
            }
            throw KubectlException.error(e.getMessage());
        }
    }

    static String customColumns(KubectlContext ctx, String format, String spec, List<ObjectNode> objects, ParsedFlags flags)
            throws KubectlException {
        try {
            CustomColumns columns = format.equals("custom-columns-file")
                    ? CustomColumns.fromTemplate(file(ctx, spec))
                    : CustomColumns.fromSpec(spec, flags.changed("no-headers") && flags.bool("no-headers"));
            return columns.print(objects, (expression, object) -> {
                try {
                    return JsonPath.parse(expression).findResults(object, true);
                } catch (JsonPathException e) {
                    throw new PrintException(e.getMessage());
                }
            });
        } catch (PrintException e) {
            throw KubectlException.error(e.getMessage());
        }
    }

    /** A template file's text, from the machine kubectl runs on. */
    private static String file(KubectlContext ctx, String path) throws KubectlException {
        return ctx.workstation().read(path).orElseThrow(() -> KubectlException.error("error reading --template "
                + path + ", open " + path + ": no such file or directory"));
    }
}
