package io.kubelab.kubectl.print.gotemplate;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.kubectl.go.GoText;

/**
 * kubectl's wording around a go-template failure (cli-runtime's {@code GoTemplatePrinter} and print flags).
 * {@link #parsing} and {@link #executing} return the text kubectl prints after {@code error: } on stderr
 * (with its newline); {@link #debugDump} is what kubectl writes to stdout after the partial output.
 */
public final class GoTemplateErrors {

    private GoTemplateErrors() {
    }

    /** {@code error parsing template {{.a, template: output:1: unclosed action}. */
    public static String parsing(String template, GoTemplateException e) {
        return "error parsing template " + template + ", " + e.getMessage() + "\n";
    }

    public static String executing(String template, GoTemplateException e) {
        return "error executing template " + GoText.quote(template) + ": " + e.getMessage() + "\n";
    }

    /** The block kubectl writes to stdout when execution fails: template, raw JSON, Go's {@code %+v}. */
    public static String debugDump(String template, GoTemplateException e, JsonNode object) {
        return "Error executing template: " + e.getMessage() + ". Printing more information for debugging the template:\n"
                + "\ttemplate was:\n\t\t" + template + "\n"
                + "\traw data was:\n\t\t" + GoPrint.json(object, false) + "\n"
                + "\tobject given to template engine was:\n\t\t" + GoPrint.sprint(GoNumbers.reencoded(object), false) + "\n\n";
    }
}
