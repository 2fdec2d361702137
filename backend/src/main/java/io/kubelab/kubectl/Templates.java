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
import io.kubelab.kubectl.print.gotemplate.GoTemplateErrors;
import io.kubelab.kubectl.print.gotemplate.GoTemplateException;
import io.kubelab.kubectl.print.jsonpath.JsonPath;
import io.kubelab.kubectl.print.jsonpath.JsonPathErrors;
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
        JsonPath path;
        try {
            // -o jsonpath takes the template as it is (the relaxed ".a.b" form is --sort-by's and custom columns').
            path = JsonPath.parse(text);
        } catch (JsonPathException e) {
            throw new KubectlException("error: " + JsonPathErrors.parsing(text, e), 1);
        }
        try {
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
            throw new KubectlException("error: " + JsonPathErrors.executing(text, e, document), 1);
        }
    }

    static String goTemplate(KubectlContext ctx, String format, String template, JsonNode document, ParsedFlags flags)
            throws KubectlException {
        String text = format.endsWith("file") ? file(ctx, template) : template;
        if (text.isEmpty()) {
            throw KubectlException.error("template format specified but no template given");
        }
        GoTemplate parsed;
        try {
            parsed = GoTemplate.parse(text);
        } catch (GoTemplateException e) {
            throw new KubectlException("error: " + GoTemplateErrors.parsing(text, e), 1);
        }
        try {
            return parsed.execute(document, flags.bool("allow-missing-template-keys"));
        } catch (GoTemplateException e) {
            // kubectl has already written what the template printed, then its debugging dump, to stdout.
            if (e.partialOutput() != null) {
                ctx.out().append(e.partialOutput());
            }
            ctx.out().append(GoTemplateErrors.debugDump(text, e, document));
            throw new KubectlException("error: " + GoTemplateErrors.executing(text, e), 1);
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
                    return JsonPath.parse(RelaxedJsonPath.expression(expression)).findResults(object, true);
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
