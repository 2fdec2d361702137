package io.kubelab.kubectl.get;

import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.ParsedFlags;

import java.util.List;
import java.util.Set;

/** What {@code kubectl get} was asked for, checked as kubectl checks it before any request. */
record GetRequest(List<String> args, List<String> filenames, boolean recursive, String labelSelector,
                  String fieldSelector, boolean allNamespaces, String output, ParsedFlags flags) {

    static final Set<String> FORMATS = Set.of("", "wide", "json", "yaml", "name", "go-template", "go-template-file",
            "template", "templatefile", "jsonpath", "jsonpath-as-json", "jsonpath-file", "custom-columns",
            "custom-columns-file");

    static GetRequest of(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        List<String> args = flags.args();
        List<String> filenames = flags.strings("filename");
        if (args.isEmpty() && filenames.isEmpty()) {
            throw new KubectlException("You must specify the type of resource to get. Use \"kubectl api-resources\" "
                    + "for a complete list of supported resources.\n\nerror: Required resource not specified.\n"
                    + "Use \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl "
                    + "explain pods).\nSee 'kubectl get -h' for help and examples\n", 1);
        }
        String output = flags.string("output");
        String format = output.contains("=") ? output.substring(0, output.indexOf('=')) : output;
        if (!FORMATS.contains(format)) {
            throw KubectlException.error("unable to match a printer suitable for the output format \"" + output
                    + "\", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,"
                    + "jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml");
        }
        boolean allNamespaces = flags.bool("all-namespaces");
        String selector = flags.string("selector");
        boolean named = args.size() > 1 || (!args.isEmpty() && args.get(0).contains("/"));
        if (named && !selector.isEmpty()) {
            throw KubectlException.error("name cannot be provided when a selector is specified");
        }
        if (named && allNamespaces) {
            throw KubectlException.error("a resource cannot be retrieved by name across all namespaces");
        }
        return new GetRequest(args, filenames, flags.bool("recursive"), selector, flags.string("field-selector"),
                allNamespaces, output, flags);
    }

    /** The format word of {@code -o} ({@code jsonpath} for {@code jsonpath={.a}}). */
    String format() {
        return output.contains("=") ? output.substring(0, output.indexOf('=')) : output;
    }

    boolean humanReadable() {
        return output.isEmpty() || output.equals("wide");
    }
}
