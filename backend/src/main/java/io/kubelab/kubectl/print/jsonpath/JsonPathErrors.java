package io.kubelab.kubectl.print.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.kubectl.go.GoText;
import io.kubelab.kubectl.print.gotemplate.GoPrint;

/**
 * kubectl's wording around a JSONPath failure (cli-runtime's {@code JSONPathPrinter} and print flags). Each
 * method returns the whole error text kubectl prints on stderr, after {@code error: }, including the
 * trailing newlines kubectl keeps (so the caller prints {@code "error: " + text} and adds no newline).
 */
public final class JsonPathErrors {

    private JsonPathErrors() {
    }

    /** {@code error parsing jsonpath {.a, unclosed action}. */
    public static String parsing(String template, JsonPathException e) {
        return "error parsing jsonpath " + template + ", " + e.getMessage() + "\n";
    }

    /** The execution failure with kubectl's debugging dump of the object ({@code %#v} of its JSON). */
    public static String executing(String template, JsonPathException e, JsonNode object) {
        return "error executing jsonpath " + GoText.quote(template) + ": Error executing template: " + e.getMessage()
                + ". Printing more information for debugging the template:\n"
                + "\ttemplate was:\n\t\t" + template + "\n"
                + "\tobject given to jsonpath engine was:\n\t\t" + GoPrint.goSyntax(object, false) + "\n\n\n";
    }
}
