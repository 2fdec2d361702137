package io.kubelab.kubectl.get;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.kubectl.Command;
import io.kubelab.kubectl.KubectlContext;
import io.kubelab.kubectl.KubectlException;
import io.kubelab.kubectl.cli.Flag;
import io.kubelab.kubectl.cli.FlagSet;
import io.kubelab.kubectl.cli.ParsedFlags;

import java.util.List;

/**
 * {@code kubectl get}: objects by type and name, selector or file, printed as the server's Tables
 * (kubectl's default and {@code -o wide}) or in any object format.
 */
public final class GetCommand extends Command {

    @Override
    public String name() {
        return "get";
    }

    @Override
    public String summary() {
        return "Display one or many resources";
    }

    @Override
    public String description() {
        return """
                Display one or many resources.

                 Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace unless you pass --all-namespaces.

                 By specifying the output as 'template' and providing a Go template as the value of the --template flag, you can filter the attributes of the fetched resources.

                Use "kubectl api-resources" for a complete list of supported resources.""";
    }

    @Override
    public String usage() {
        return "kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|"
                + "jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] "
                + "[NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]";
    }

    @Override
    public String examples() {
        return """
                  # List all pods in ps output format
                  kubectl get pods

                  # List all pods in ps output format with more information (such as node name)
                  kubectl get pods -o wide

                  # List a single pod in JSON output format
                  kubectl get -o json pod web-pod-13je7

                  # List resource information in custom columns
                  kubectl get pod test-pod -o custom-columns=CONTAINER:.spec.containers[0].name,IMAGE:.spec.containers[0].image

                  # List all replication controllers and services together in ps output format
                  kubectl get rc,services

                  # List one or more resources by their type and names
                  kubectl get rc/web service/frontend pods/web-pod-13je7""";
    }

    @Override
    public FlagSet flags() {
        return new FlagSet()
                .add(Flag.bool("all-namespaces", "A", false, "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace."))
                .add(Flag.bool("allow-missing-template-keys", "", true, "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."))
                .add(Flag.int64("chunk-size", "", 500, "Return large lists in chunks rather than all at once. Pass 0 to disable."))
                .add(Flag.string("field-selector", "", "", "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type."))
                .add(Flag.stringSlice("filename", "f", "Filename, directory, or URL to files identifying the resource to get from a server."))
                .add(Flag.bool("ignore-not-found", "", false, "If set to true, suppresses NotFound error for specific objects that do not exist. Using this flag with commands that query for collections of resources has no effect when no resources are found."))
                .add(Flag.string("kustomize", "k", "", "Process the kustomization directory. This flag can't be used together with -f or -R."))
                .add(Flag.stringSlice("label-columns", "L", "Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2..."))
                .add(Flag.bool("no-headers", "", false, "When using the default or custom-column output format, don't print headers (default print headers)."))
                .add(Flag.string("output", "o", "", "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide). See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/]."))
                .add(Flag.bool("output-watch-events", "", false, "Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events."))
                .add(Flag.string("raw", "", "", "Raw URI to request from the server.  Uses the transport specified by the kubeconfig file."))
                .add(Flag.bool("recursive", "R", false, "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory."))
                .add(Flag.string("selector", "l", "", "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints."))
                .add(Flag.bool("server-print", "", true, "If true, have the server return the appropriate table output. Supports extension APIs and CRDs."))
                .add(Flag.bool("show-kind", "", false, "If present, list the resource type for the requested object(s)."))
                .add(Flag.bool("show-labels", "", false, "When printing, show all labels as the last column (default hide labels column)"))
                .add(Flag.bool("show-managed-fields", "", false, "If true, keep the managedFields when printing objects in JSON or YAML format."))
                .add(Flag.string("sort-by", "", "", "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string."))
                .add(Flag.string("subresource", "", "", "If specified, gets the subresource of the requested object. Must be one of [status scale]. This flag is beta and may change in the future."))
                .add(Flag.string("template", "", "", "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]."))
                .add(Flag.bool("watch", "w", false, "After listing/getting the requested object, watch for changes."))
                .add(Flag.bool("watch-only", "", false, "Watch for changes to the requested object(s), without listing/getting first."));
    }

    @Override
    public void run(KubectlContext ctx, ParsedFlags flags) throws KubectlException {
        GetRequest request = GetRequest.of(ctx, flags);
        if ((flags.bool("watch") || flags.bool("watch-only")) && request.humanReadable()) {
            GetWatch.run(ctx, request);
            return;
        }
        Fetched fetched = Fetched.fetch(ctx, request);
        GetOutput.print(ctx, request, fetched);
        if (!fetched.errors().isEmpty()) {
            fetched.errors().forEach(e -> ctx.err().append(e));
            throw new KubectlException("", 1);
        }
    }

    static List<String> none() {
        return List.of();
    }
}
