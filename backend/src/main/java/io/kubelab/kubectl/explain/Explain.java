package io.kubelab.kubectl.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.openapi.OpenApiV3;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * {@code kubectl explain TYPE[.FIELD...] [--api-version=G/V] [--recursive]} as kubectl 1.32 runs it with an
 * OpenAPI v3 server: the first word resolves like kubectl's RESTMapper (plural, singular, kind, short name,
 * {@code resource.group} prefix), the group-version document is the one {@link OpenApiV3} serves, and the
 * text is the {@code plaintext} template's ({@link PlaintextTemplate}). As there, the header is printed before
 * a field path turns out not to exist.
 */
public final class Explain {

    public static final String PLAINTEXT = "plaintext";
    public static final String PLAINTEXT_OPENAPI_V2 = "plaintext-openapiv2";

    static final String NO_TYPE = "You must specify the type of resource to explain. Use \"kubectl api-resources\" "
            + "for a complete list of supported resources.";
    static final String ONE_RESOURCE = "We accept only this format: explain RESOURCE";
    static final String NO_OPENAPI_V2 =
            "Error from server (NotFound): the server could not find the requested resource\n";
    static final String NO_RESOURCE = "the server doesn't have a resource type \"%s\"";
    static final String NO_FIELD = "field \"%s\" does not exist";
    static final String FIRST_NODE = "invalid jsonpath syntax, first node must be field node";
    static final String ALL_NODES = "invalid jsonpath syntax, all nodes must be field nodes";
    static final String AMBIGUOUS_SHORT_NAME = "Warning: short name \"%s\" could also match lower priority resource %s";

    private Explain() {
    }

    /**
     * @param resourcePath e.g. {@code pods.spec.containers} or {@code deployments.apps.spec}
     * @param apiVersion   {@code --api-version} ({@code apps/v1}), or null
     */
    public static ExplainResult explain(String resourcePath, String apiVersion, boolean recursive) {
        return explain(resourcePath, apiVersion, recursive, PLAINTEXT);
    }

    /**
     * The command after its flags are parsed: {@code args} are the positional arguments, {@code output} the
     * {@code --output} value (null for the default). Our API server serves no {@code /openapi/v2}, so
     * {@code plaintext-openapiv2} fails as kubectl does against such a server.
     */
    public static ExplainResult run(List<String> args, String apiVersion, boolean recursive, String output) {
        if (args.isEmpty()) {
            return failure("", NO_TYPE);
        }
        if (args.size() > 1) {
            return failure("", ONE_RESOURCE);
        }
        return explain(args.get(0), apiVersion, recursive, output == null ? PLAINTEXT : output);
    }

    private static ExplainResult explain(String resourcePath, String apiVersion, boolean recursive, String output) {
        FieldPath.Parsed parsed = FieldPath.parse(resourcePath);
        if (parsed.error() != null) {
            return failure("", parsed.error());
        }
        if (parsed.nodes().isEmpty() || parsed.nodes().get(0).kind() != FieldPath.Kind.FIELD) {
            return failure("", FIRST_NODE);
        }
        String word = parsed.nodes().get(0).value();
        List<ResourceType> types = ResourceTypes.lookup(word);
        if (types.isEmpty()) {
            // kubectl prints the RESTMapper's error as it is, without its usual "error: " prefix.
            return new ExplainResult("", String.format(NO_RESOURCE, word) + "\n", 1);
        }
        ExplainResult result = explainType(resourcePath, parsed.nodes(), types, apiVersion, recursive, output);
        String warnings = ambiguousShortName(word, types);
        return warnings.isEmpty() ? result
                : new ExplainResult(result.stdout(), warnings + result.stderr(), result.exitCode());
    }

    private static ExplainResult explainType(String resourcePath, List<FieldPath.Node> nodes,
                                             List<ResourceType> types, String apiVersion, boolean recursive,
                                             String output) {
        boolean withVersion = apiVersion != null && !apiVersion.isEmpty();
        ResourceType type = types.get(0);
        List<FieldPath.Node> rest = nodes.subList(1, nodes.size());
        if (!withVersion) {
            // The first kind whose resource.group prefixes the argument, the rest parsed again as a path.
            for (ResourceType candidate : types) {
                if (resourcePath.startsWith(candidate.groupResource())) {
                    type = candidate;
                    String suffix = resourcePath.substring(candidate.groupResource().length());
                    rest = List.of();
                    if (!suffix.isEmpty()) {
                        FieldPath.Parsed tail = FieldPath.parse(suffix);
                        if (tail.error() != null) {
                            return failure("", tail.error());
                        }
                        rest = tail.nodes().isEmpty() ? List.of() : tail.nodes().subList(1, tail.nodes().size());
                    }
                    break;
                }
            }
        }
        List<String> fields = new ArrayList<>(rest.size());
        for (FieldPath.Node node : rest) {
            if (node.kind() != FieldPath.Kind.FIELD) {
                return failure("", withVersion ? ALL_NODES : FIRST_NODE);
            }
            fields.add(node.value());
        }
        if (output.equals(PLAINTEXT_OPENAPI_V2)) {
            return new ExplainResult("", NO_OPENAPI_V2, 1);
        }
        String group = type.group();
        String version = type.version();
        if (withVersion) {
            String[] gv = apiVersion.split("/", -1);
            if (gv.length > 2) {
                return failure("", "unexpected GroupVersion string: " + apiVersion);
            }
            group = gv.length == 1 ? "" : gv[0];
            version = gv[gv.length - 1];
        }
        String gvr = group + "/" + version + ", Resource=" + type.resource();
        String path = group.isEmpty() ? "api/" + version : "apis/" + group + "/" + version;
        Optional<ObjectNode> document = OpenApiV3.document(path);
        if (document.isEmpty()) {
            return failure("", "couldn't find resource for \"" + gvr + "\"");
        }
        if (!output.equals(PLAINTEXT)) {
            return failure("", "unrecognized format: " + output);
        }
        return render(document.get(), group, version, type.resource(), fields, recursive, gvr);
    }

    /**
     * The RESTMapper's shortcut expander warns when a short name (not a plural or singular) also names a
     * lower-priority resource: {@code ev} is core events, and could be events.events.k8s.io.
     */
    private static String ambiguousShortName(String word, List<ResourceType> types) {
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        ResourceType first = types.get(0);
        if (!first.shortNames().contains(lower)) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (ResourceType other : types.subList(1, types.size())) {
            if (other.shortNames().contains(lower) && !other.groupResource().equals(first.groupResource())) {
                out.append(String.format(AMBIGUOUS_SHORT_NAME, lower, other.groupResource())).append('\n');
            }
        }
        return out.toString();
    }

    private static ExplainResult render(JsonNode doc, String group, String version, String resource,
                                        List<String> fields, boolean recursive, String gvr) {
        JsonNode gvk = findGvk(doc, group, version, resource);
        if (gvk == null) {
            return failure("", "GVR (" + gvr + ") not found in OpenAPI schema");
        }
        StringBuilder out = new StringBuilder();
        if (!gvk.path("group").asText("").isEmpty()) {
            out.append("GROUP:      ").append(gvk.path("group").asText()).append('\n');
        }
        out.append("KIND:       ").append(gvk.path("kind").asText()).append('\n');
        out.append("VERSION:    ").append(gvk.path("version").asText()).append('\n');
        out.append('\n');
        JsonNode schemas = doc.path("components").path("schemas");
        for (String name : PlaintextTemplate.sortedKeys(schemas)) {
            JsonNode schema = schemas.get(name);
            if (!contains(schema.path("x-kubernetes-group-version-kind"), gvk)) {
                continue;
            }
            String body = new PlaintextTemplate(doc, recursive).output(schema, new HashSet<>(), fields);
            if (body.isEmpty()) {
                return failure(out.toString(), String.format(NO_FIELD, fields.get(fields.size() - 1)));
            }
            return new ExplainResult(out.append(body).append('\n').toString(), "", 0);
        }
        return failure(out.toString(), "GVK map[group:" + gvk.path("group").asText() + " kind:"
                + gvk.path("kind").asText() + " version:" + gvk.path("version").asText()
                + "] not found in OpenAPI schema");
    }

    /** The template's search for the kind behind a resource: its list or object paths' operations. */
    private static JsonNode findGvk(JsonNode doc, String group, String version, String resource) {
        String prefix = (group.isEmpty() ? "/api" : "/apis/" + group) + "/" + version + "/";
        JsonNode found = null;
        for (String path : List.of(prefix + resource, prefix + resource + "/{name}",
                prefix + "namespaces/{namespace}/" + resource, prefix + "namespaces/{namespace}/" + resource + "/{name}")) {
            JsonNode item = doc.path("paths").get(path);
            if (item == null) {
                continue;
            }
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                JsonNode gvk = item.path(method).get("x-kubernetes-group-version-kind");
                if (gvk != null) {
                    found = gvk;
                    break;
                }
            }
        }
        return found;
    }

    private static boolean contains(JsonNode list, JsonNode gvk) {
        for (JsonNode element : list) {
            if (element.equals(gvk)) {
                return true;
            }
        }
        return false;
    }

    private static ExplainResult failure(String stdout, String message) {
        return new ExplainResult(stdout, "error: " + message + "\n", 1);
    }
}
