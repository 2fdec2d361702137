package io.kubelab.apiserver.openapi.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.openapi.OpenApiV3;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Swagger 2.0 document of {@code /openapi/v2}: every path and definition of the group-version OpenAPI v3
 * documents, merged into one and turned back into the shape kube-openapi publishes for v2: references into
 * {@code #/definitions/}, a described reference as {@code $ref} with a sibling {@code description} (v3 wraps it
 * in {@code allOf}), {@code IntOrString} and {@code Quantity} as strings (v3's {@code oneOf} has no v2 form),
 * request bodies as {@code in: body} parameters, {@code consumes}/{@code produces} per operation. Query
 * parameters are written in place rather than shared under {@code #/parameters/}: kubectl's query-parameter
 * verifier reads the PATCH operation's own list, where Kubernetes also writes {@code fieldValidation} in place.
 * Maps (paths, definitions, properties) are sorted by key, as Go marshals them.
 */
final class SwaggerDocument {

    static final String V2_REF = "#/definitions/";
    static final String GVK = "x-kubernetes-group-version-kind";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String V3_REF = "#/components/schemas/";
    private static final List<String> VERBS = List.of("get", "put", "post", "delete", "options", "head", "patch");

    private SwaggerDocument() {
    }

    /** Builds the document from {@link OpenApiV3}'s group-version documents. */
    static ObjectNode build() {
        Map<String, ObjectNode> paths = new TreeMap<>();
        Map<String, ObjectNode> definitions = new TreeMap<>();
        String version = "";
        for (Iterator<String> it = OpenApiV3.index().get("paths").fieldNames(); it.hasNext(); ) {
            ObjectNode v3 = OpenApiV3.document(it.next()).orElseThrow();
            version = v3.path("info").path("version").asText();
            v3.get("paths").fields().forEachRemaining(e -> paths.put(e.getKey(), pathItem(e.getValue())));
            v3.path("components").path("schemas").fields().forEachRemaining(
                    e -> merge(definitions, e.getKey(), definition(e.getValue())));
        }
        ObjectNode doc = NODES.objectNode();
        doc.put("swagger", "2.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", version);
        ObjectNode pathsNode = doc.putObject("paths");
        paths.forEach(pathsNode::set);
        ObjectNode definitionsNode = doc.putObject("definitions");
        definitions.forEach(definitionsNode::set);
        doc.putObject("securityDefinitions").putObject("BearerToken")
                .put("description", "Bearer Token authentication").put("in", "header").put("name", "authorization")
                .put("type", "apiKey");
        doc.putArray("security").addObject().putArray("BearerToken");
        return doc;
    }

    /**
     * A definition met in several group-version documents is one definition in v2: the copy a document tagged
     * with its group-version-kind wins, and the tags of several documents (autoscaling/v1 Scale) are united.
     */
    private static void merge(Map<String, ObjectNode> definitions, String name, ObjectNode schema) {
        ObjectNode known = definitions.get(name);
        if (known == null || !known.has(GVK)) {
            definitions.put(name, schema);
            return;
        }
        if (schema.has(GVK)) {
            ArrayNode tags = (ArrayNode) known.get(GVK);
            for (JsonNode tag : schema.get(GVK)) {
                if (!contains(tags, tag)) {
                    tags.add(tag);
                }
            }
        }
    }

    private static boolean contains(ArrayNode array, JsonNode value) {
        for (JsonNode element : array) {
            if (element.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode definition(JsonNode v3) {
        JsonNode oneOf = v3.get("oneOf");
        if (oneOf == null) {
            return schema(v3);
        }
        // IntOrString and Quantity, the two kinds kube-openapi declares with v3-only oneOf types
        ObjectNode out = NODES.objectNode();
        if (v3.has("description")) {
            out.set("description", v3.get("description"));
        }
        boolean intOrString = false;
        for (JsonNode alternative : oneOf) {
            intOrString |= alternative.path("type").asText().equals("integer");
        }
        if (intOrString) {
            out.put("format", "int-or-string");
        }
        out.put("type", "string");
        return out;
    }

    /** A v3 schema in v2's shape, with its keys sorted. */
    static ObjectNode schema(JsonNode v3) {
        Map<String, JsonNode> out = new TreeMap<>();
        JsonNode allOf = v3.get("allOf");
        if (allOf != null && allOf.size() == 1 && allOf.get(0).has("$ref")) {
            out.put("$ref", ref(allOf.get(0).get("$ref")));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = v3.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            switch (e.getKey()) {
                case "allOf" -> {
                    if (!out.containsKey("$ref")) {
                        ArrayNode all = NODES.arrayNode();
                        e.getValue().forEach(s -> all.add(schema(s)));
                        out.put("allOf", all);
                    }
                }
                case "$ref" -> out.put("$ref", ref(e.getValue()));
                case "items", "additionalProperties" -> out.put(e.getKey(),
                        e.getValue().isObject() ? schema(e.getValue()) : e.getValue());
                case "properties" -> {
                    Map<String, JsonNode> properties = new TreeMap<>();
                    e.getValue().fields().forEachRemaining(p -> properties.put(p.getKey(), schema(p.getValue())));
                    ObjectNode node = NODES.objectNode();
                    properties.forEach(node::set);
                    out.put("properties", node);
                }
                default -> out.put(e.getKey(), e.getValue().deepCopy());
            }
        }
        ObjectNode node = NODES.objectNode();
        out.forEach(node::set);
        return node;
    }

    private static JsonNode ref(JsonNode v3) {
        String text = v3.asText();
        return NODES.textNode(text.startsWith(V3_REF) ? V2_REF + text.substring(V3_REF.length()) : text);
    }

    private static ObjectNode pathItem(JsonNode v3) {
        ObjectNode item = NODES.objectNode();
        for (String verb : VERBS) {
            if (v3.has(verb)) {
                item.set(verb, operation(v3.get(verb)));
            }
        }
        if (v3.has("parameters")) {
            ArrayNode parameters = item.putArray("parameters");
            v3.get("parameters").forEach(p -> parameters.add(parameter(p)));
        }
        return item;
    }

    /** {@code {name, in, schema: {type, uniqueItems}}} → {@code {in, name, type, uniqueItems}}. */
    private static ObjectNode parameter(JsonNode v3) {
        Map<String, JsonNode> out = new TreeMap<>();
        v3.fields().forEachRemaining(e -> {
            if (e.getKey().equals("schema")) {
                e.getValue().fields().forEachRemaining(s -> out.put(s.getKey(), s.getValue()));
            } else {
                out.put(e.getKey(), e.getValue());
            }
        });
        ObjectNode node = NODES.objectNode();
        out.forEach(node::set);
        return node;
    }

    private static ObjectNode operation(JsonNode v3) {
        ObjectNode op = NODES.objectNode();
        JsonNode body = v3.path("requestBody");
        ArrayNode consumes = op.putArray("consumes");
        if (body.has("content")) {
            body.get("content").fieldNames().forEachRemaining(consumes::add);
        } else {
            consumes.add("*/*");
        }
        op.set("description", v3.get("description"));
        op.set("operationId", v3.get("operationId"));
        ArrayNode parameters = op.putArray("parameters");
        if (body.has("content")) {
            JsonNode schema = body.get("content").elements().next().get("schema");
            ObjectNode parameter = parameters.addObject().put("in", "body").put("name", "body");
            if (body.path("required").asBoolean()) {
                parameter.put("required", true);
            }
            parameter.set("schema", schema(schema));
        }
        v3.path("parameters").forEach(p -> parameters.add(parameter(p)));
        ArrayNode produces = op.putArray("produces");
        ObjectNode responses = op.putObject("responses");
        v3.path("responses").fields().forEachRemaining(e -> {
            ObjectNode response = responses.putObject(e.getKey());
            response.set("description", e.getValue().get("description"));
            JsonNode content = e.getValue().path("content");
            if (content.size() > 0) {
                if (produces.isEmpty()) {
                    content.fieldNames().forEachRemaining(produces::add);
                }
                response.set("schema", schema(content.elements().next().get("schema")));
            }
        });
        op.putArray("schemes").add("https");
        op.set("tags", v3.get("tags"));
        v3.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("x-")) {
                op.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        return op;
    }
}
