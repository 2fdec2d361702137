package io.kubelab.apiserver.openapi.v2;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Swagger 2.0 document as the protobuf message {@code openapi.v2.Document} of gnostic
 * ({@code github.com/google/gnostic-models/openapiv2/OpenAPIv2.proto}), which kube-openapi serves for
 * {@code Accept: application/com.github.proto-openapi.spec.v2@v1.0+protobuf} and kubectl 1.27/1.28 decode.
 * Field numbers are the .proto's; vendor extensions are {@code NamedAny{name, Any{yaml}}} with the value as
 * YAML text ({@link ExtensionYaml}), which kubectl reads back with {@code yaml.Unmarshal}. Only the parts of
 * Swagger that {@link SwaggerDocument} writes are known: anything else is a programming error, not data.
 */
final class GnosticEncoder {

    private static final List<String> VERBS = List.of("get", "put", "post", "delete", "options", "head", "patch");
    private static final Set<String> SCHEMA_KEYS = Set.of("$ref", "format", "title", "description", "default",
            "uniqueItems", "required", "enum", "additionalProperties", "type", "items", "allOf", "properties");

    private GnosticEncoder() {
    }

    static byte[] document(JsonNode doc) {
        return ProtoMessage.encode(m -> {
            m.string(1, doc.path("swagger").asText());
            if (doc.has("info")) {
                JsonNode info = doc.get("info");
                m.message(2, i -> i.string(1, info.path("title").asText()).string(2, info.path("version").asText())
                        .string(3, info.path("description").asText()));
            }
            if (doc.has("paths")) {
                m.message(8, p -> named(p, 2, doc.get("paths"), GnosticEncoder::pathItem));
            }
            if (doc.has("definitions")) {
                m.message(9, d -> named(d, 1, doc.get("definitions"), GnosticEncoder::schema));
            }
            for (JsonNode requirement : doc.path("security")) {
                m.message(12, r -> named(r, 1, requirement, (a, list) -> strings(a, 1, list)));
            }
            if (doc.has("securityDefinitions")) {
                m.message(13, s -> named(s, 1, doc.get("securityDefinitions"), (item, d) ->
                        item.message(2, k -> k.string(1, d.path("type").asText()).string(2, d.path("name").asText())
                                .string(3, d.path("in").asText()).string(4, d.path("description").asText()))));
            }
        });
    }

    private interface Body {
        void write(ProtoMessage message, JsonNode value);
    }

    /** A map as gnostic's repeated {@code Named*{name = 1, value = 2}}, in the map's order. */
    private static void named(ProtoMessage m, int field, JsonNode map, Body value) {
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            m.message(field, n -> n.string(1, e.getKey()).message(2, v -> value.write(v, e.getValue())));
        }
    }

    private static void strings(ProtoMessage m, int field, JsonNode array) {
        for (JsonNode element : array) {
            m.element(field, element.asText());
        }
    }

    /** {@code x-} keys as {@code NamedAny}, in the object's order. */
    private static void extensions(ProtoMessage m, int field, JsonNode node) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("x-")) {
                m.message(field, n -> n.string(1, e.getKey())
                        .message(2, any -> any.string(2, ExtensionYaml.of(e.getValue()))));
            }
        }
    }

    private static void pathItem(ProtoMessage m, JsonNode item) {
        for (int i = 0; i < VERBS.size(); i++) {
            JsonNode op = item.get(VERBS.get(i));
            if (op != null) {
                m.message(i + 2, o -> operation(o, op));
            }
        }
        for (JsonNode parameter : item.path("parameters")) {
            m.message(9, p -> parametersItem(p, parameter));
        }
        extensions(m, 10, item);
    }

    private static void operation(ProtoMessage m, JsonNode op) {
        strings(m, 1, op.path("tags"));
        m.string(2, op.path("summary").asText());
        m.string(3, op.path("description").asText());
        m.string(5, op.path("operationId").asText());
        strings(m, 6, op.path("produces"));
        strings(m, 7, op.path("consumes"));
        for (JsonNode parameter : op.path("parameters")) {
            m.message(8, p -> parametersItem(p, parameter));
        }
        if (op.has("responses")) {
            m.message(9, r -> named(r, 1, op.get("responses"), (value, response) -> value.message(1, v -> {
                v.string(1, response.path("description").asText());
                if (response.has("schema")) {
                    v.message(2, item -> item.message(1, s -> schema(s, response.get("schema"))));
                }
            })));
        }
        strings(m, 10, op.path("schemes"));
        m.bool(11, op.path("deprecated").asBoolean());
        extensions(m, 13, op);
    }

    /** {@code ParametersItem{parameter = 1: Parameter{body_parameter = 1 | non_body_parameter = 2}}}. */
    private static void parametersItem(ProtoMessage m, JsonNode p) {
        m.message(1, parameter -> {
            String in = p.path("in").asText();
            if (in.equals("body")) {
                parameter.message(1, b -> {
                    b.string(1, p.path("description").asText()).string(2, p.path("name").asText()).string(3, in)
                            .bool(4, p.path("required").asBoolean());
                    if (p.has("schema")) {
                        b.message(5, s -> schema(s, p.get("schema")));
                    }
                    extensions(b, 6, p);
                });
                return;
            }
            parameter.message(2, nonBody -> {
                switch (in) {
                    // QueryParameterSubSchema has allow_empty_value at 5, so its later fields sit one further on
                    case "query" -> nonBody.message(3, q -> subSchema(q, p, 6, 20, 23));
                    case "path" -> nonBody.message(4, q -> subSchema(q, p, 5, 19, 22));
                    case "header" -> nonBody.message(1, q -> subSchema(q, p, 5, 19, 22));
                    default -> throw new IllegalStateException("no gnostic parameter for in: " + in);
                }
            });
        });
    }

    private static void subSchema(ProtoMessage m, JsonNode p, int type, int uniqueItems, int extensions) {
        m.bool(1, p.path("required").asBoolean()).string(2, p.path("in").asText())
                .string(3, p.path("description").asText()).string(4, p.path("name").asText())
                .string(type, p.path("type").asText()).string(type + 1, p.path("format").asText())
                .bool(uniqueItems, p.path("uniqueItems").asBoolean());
        extensions(m, extensions, p);
    }

    static void schema(ProtoMessage m, JsonNode s) {
        for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.startsWith("x-") && !SCHEMA_KEYS.contains(key)) {
                throw new IllegalStateException("no gnostic Schema field for " + key);
            }
        }
        m.string(1, s.path("$ref").asText()).string(2, s.path("format").asText())
                .string(3, s.path("title").asText()).string(4, s.path("description").asText());
        if (s.has("default")) {
            m.message(5, any -> any.string(2, ExtensionYaml.of(s.get("default"))));
        }
        m.bool(16, s.path("uniqueItems").asBoolean());
        strings(m, 19, s.path("required"));
        for (JsonNode value : s.path("enum")) {
            m.message(20, any -> any.string(2, ExtensionYaml.of(value)));
        }
        JsonNode additional = s.get("additionalProperties");
        if (additional != null) {
            m.message(21, a -> {
                if (additional.isBoolean()) {
                    a.bool(2, additional.asBoolean());
                } else {
                    a.message(1, sub -> schema(sub, additional));
                }
            });
        }
        if (s.has("type")) {
            m.message(22, t -> t.element(1, s.get("type").asText()));
        }
        if (s.has("items")) {
            m.message(23, items -> items.message(1, sub -> schema(sub, s.get("items"))));
        }
        for (JsonNode sub : s.path("allOf")) {
            m.message(24, a -> schema(a, sub));
        }
        if (s.has("properties")) {
            m.message(25, p -> named(p, 1, s.get("properties"), GnosticEncoder::schema));
        }
        extensions(m, 31, s);
    }
}
