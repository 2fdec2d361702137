package io.kubelab.apiserver.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.patch.PatchSchema;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code components.schemas} of Kubernetes' OpenAPI v3 documents, built from the client model classes
 * ({@link ModelClass}) in the shape kube-openapi gives them: objects with {@code properties} and
 * {@code required}, a reference with a description wrapped in {@code allOf}, arrays with {@code items}, maps
 * with {@code additionalProperties}, and the strategic-merge tags of {@link PatchSchema}.
 */
final class ComponentSchemas {

    static final String REF = "#/components/schemas/";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MODEL_PREFIX = "Lio/kubernetes/client/openapi/models/";

    /** The apimachinery fields that are {@code MicroTime} rather than {@code Time}. */
    private static final Set<String> MICRO_TIME_FIELDS = Set.of("eventTime", "renewTime", "acquireTime",
            "lastObservedTime");

    /** Every definition built so far, by name (sorted, as the API server lists them). */
    private final Map<String, ObjectNode> schemas = new TreeMap<>();
    /** What each model class was named, so a type reached again is not rebuilt. */
    private final Map<String, String> names = new HashMap<>();
    /** The definitions each definition refers to, to cut a group-version's document to what it uses. */
    private final Map<String, Set<String>> references = new HashMap<>();

    Map<String, ObjectNode> schemas() {
        return schemas;
    }

    Set<String> references(String definition) {
        return references.getOrDefault(definition, Set.of());
    }

    /** Defines a model class (and all it reaches) as a type of {@code group}; returns its definition name. */
    String define(String modelClass, String group) {
        String known = names.get(modelClass);
        if (known != null) {
            return known;
        }
        String name = DefinitionNames.of(modelClass, group);
        names.put(modelClass, name);
        ModelClass model = ModelClass.read(modelClass)
                .orElseThrow(() -> new IllegalStateException("client-java-api has no model " + modelClass));
        ObjectNode schema = NODES.objectNode();
        schemas.put(name, schema);
        Set<String> refs = new TreeSet<>();
        references.put(name, refs);
        if (!model.description().isEmpty()) {
            schema.put("description", model.description());
        }
        schema.put("type", "object");
        ArrayNode required = NODES.arrayNode();
        ObjectNode properties = NODES.objectNode();
        String owner = name.substring(name.lastIndexOf('.') + 1);
        String ownerGroupPackage = name.substring(0, name.lastIndexOf('.'));
        String nextGroup = groupOf(ownerGroupPackage, group);
        for (ModelClass.Property property : model.properties()) {
            ObjectNode value = typeSchema(new Cursor(property.signature()), property.name(), nextGroup, refs);
            if (value.has("$ref") && !property.description().isEmpty()) {
                ObjectNode wrapped = NODES.objectNode();
                wrapped.put("description", property.description());
                wrapped.putArray("allOf").add(value);
                value = wrapped;
            } else if (!property.description().isEmpty()) {
                ObjectNode described = NODES.objectNode().put("description", property.description());
                described.setAll(value);
                value = described;
            }
            patchTags(owner, property.name(), value);
            properties.set(property.name(), value);
            if (property.required()) {
                required.add(property.name());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        if (!properties.isEmpty()) {
            schema.set("properties", properties);
        }
        return name;
    }

    /** The group whose fabric8 package a definition's own field types are looked up in. */
    private static String groupOf(String definitionPackage, String reachedFrom) {
        return definitionPackage.startsWith("io.k8s.api.core.") ? "" : reachedFrom;
    }

    private void patchTags(String owner, String field, ObjectNode value) {
        PatchSchema.struct(owner).flatMap(s -> s.field(field)).ifPresent(tags -> {
            if (!tags.mergeKey().isEmpty()) {
                value.put("x-kubernetes-patch-merge-key", tags.mergeKey());
            }
            String strategy = tags.merge() && tags.retainKeys() ? "merge,retainKeys"
                    : tags.merge() ? "merge" : tags.retainKeys() ? "retainKeys" : "";
            if (!strategy.isEmpty()) {
                value.put("x-kubernetes-patch-strategy", strategy);
            }
        });
    }

    /** The schema of one Java generic signature, e.g. {@code Ljava/util/List<Lio/.../V1EnvVar;>;}. */
    private ObjectNode typeSchema(Cursor c, String field, String group, Set<String> refs) {
        if (c.peek() == '[') {
            c.expect("[B");
            return NODES.objectNode().put("type", "string").put("format", "byte");
        }
        String name = c.className();
        ObjectNode schema;
        switch (name) {
            case "java/util/List" -> {
                c.expect("<");
                schema = NODES.objectNode().put("type", "array");
                schema.set("items", typeSchema(c, field, group, refs));
                c.expect(">");
            }
            case "java/util/Map" -> {
                c.expect("<");
                c.className(); // keys are strings
                c.expect(";");
                schema = NODES.objectNode().put("type", "object");
                schema.set("additionalProperties", typeSchema(c, field, group, refs));
                c.expect(">");
            }
            case "java/lang/String" -> schema = NODES.objectNode().put("type", "string");
            case "java/lang/Boolean" -> schema = NODES.objectNode().put("type", "boolean");
            case "java/lang/Integer" -> schema = NODES.objectNode().put("type", "integer").put("format", "int32");
            case "java/lang/Long" -> schema = NODES.objectNode().put("type", "integer").put("format", "int64");
            case "java/lang/Double", "java/lang/Float" ->
                    schema = NODES.objectNode().put("type", "number").put("format", "double");
            case "java/lang/Object" -> schema = ref(field.equals("fieldsV1") ? DefinitionNames.FIELDS_V1
                    : DefinitionNames.RAW_EXTENSION, refs);
            case "java/time/OffsetDateTime" ->
                    schema = ref(MICRO_TIME_FIELDS.contains(field) ? DefinitionNames.MICRO_TIME : DefinitionNames.TIME,
                            refs);
            case "io/kubernetes/client/custom/Quantity" -> schema = ref(DefinitionNames.QUANTITY, refs);
            case "io/kubernetes/client/custom/IntOrString" -> schema = ref(DefinitionNames.INT_OR_STRING, refs);
            default -> {
                if (!("L" + name).startsWith(MODEL_PREFIX)) {
                    throw new IllegalStateException("no OpenAPI type for the Java type " + name);
                }
                schema = ref(define(name.substring(MODEL_PREFIX.length() - 1), group), refs);
            }
        }
        c.expect(";");
        return schema;
    }

    private static ObjectNode ref(String definition, Set<String> refs) {
        refs.add(definition);
        return NODES.objectNode().put("$ref", REF + definition);
    }

    /** Reads a generic signature left to right. */
    private static final class Cursor {
        private final String text;
        private int at;

        Cursor(String text) {
            this.text = text;
        }

        char peek() {
            return text.charAt(at);
        }

        void expect(String s) {
            if (!text.startsWith(s, at)) {
                throw new IllegalStateException("unexpected Java signature " + text + " at " + at);
            }
            at += s.length();
        }

        /** {@code Ljava/util/List} → {@code java/util/List}, stopping before {@code <} or {@code ;}. */
        String className() {
            expect("L");
            int start = at;
            while (text.charAt(at) != '<' && text.charAt(at) != ';') {
                at++;
            }
            return text.substring(start, at);
        }
    }
}
