package io.kubelab.kubectl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;
import io.kubelab.kubectl.print.JsonPrinter;

import java.util.List;

/**
 * cli-runtime's PrintFlags for the verbs that change objects (create, apply, run, expose, scale, label...):
 * {@code -o} empty prints {@code kind.group/name <operation>}, {@code -o name} the name alone, and the
 * object formats print the objects.
 */
public final class OutputFlags {

    public static final String OUTPUT = "output";

    private OutputFlags() {
    }

    /** The flags these verbs share: {@code -o}, {@code --template}, {@code --show-managed-fields}... */
    public static FlagSet add(FlagSet flags) {
        return flags
                .add(Flag.string(OUTPUT, "o", "", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."))
                .add(Flag.bool("allow-missing-template-keys", "", true, "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."))
                .add(Flag.bool("show-managed-fields", "", false, "If true, keep the managedFields when printing objects in JSON or YAML format."))
                .add(Flag.string("template", "", "", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."));
    }

    /**
     * Prints {@code objects} as {@code -o} asks, or one {@code kind.group/name operation} line each
     * ({@code operation} like {@code created}, already with kubectl's {@code (dry run)} suffix if any).
     */
    public static void print(KubectlContext ctx, ParsedFlags flags, List<ObjectNode> objects, String operation)
            throws KubectlException {
        String output = flags.string(OUTPUT);
        switch (output) {
            case "" -> objects.forEach(o -> ctx.out().append(name(o)).append(' ').append(operation).append('\n'));
            case "name" -> objects.forEach(o -> ctx.out().append(name(o)).append('\n'));
            default -> ctx.out().append(ObjectFormats.print(ctx, output, flags, objects, objects.size() == 1));
        }
    }

    /**
     * Prints an object kubectl built itself and did not send ({@code create deployment ... --dry-run=client}):
     * a typed Go object, so {@code -o json} keeps its struct field order (kind, apiVersion, metadata...)
     * where an object read back from the server prints with sorted keys.
     */
    public static void printBuilt(KubectlContext ctx, ParsedFlags flags, ObjectNode object, String operation)
            throws KubectlException {
        if (flags.string(OUTPUT).equals("json")) {
            ctx.out().append(JsonPrinter.printInOrder(object));
            return;
        }
        print(ctx, flags, List.of(object), operation);
    }

    /** {@code deployment.apps/web}: the NamePrinter's name of an object. */
    public static String name(ObjectNode object) {
        return io.kubelab.kubectl.print.NamePrinter.name(object);
    }
}
