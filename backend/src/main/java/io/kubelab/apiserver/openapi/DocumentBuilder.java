package io.kubelab.apiserver.openapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds one document per served group-version: the kinds' paths ({@link Operations}) and the schemas they
 * reach ({@link ComponentSchemas}), each kind's schema tagged with its group-version-kind. Schemas are shared
 * between documents except the tagged ones, which are copied per document.
 */
final class DocumentBuilder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DocumentBuilder() {
    }

    static Map<String, ObjectNode> build() {
        ComponentSchemas schemas = new ComponentSchemas();
        String status = schemas.define("V1Status", "");
        String deleteOptions = schemas.define("V1DeleteOptions", "");
        String scale = schemas.define("V1Scale", "autoscaling");
        Map<String, List<ResourceType>> byGroupVersion = new LinkedHashMap<>();
        Map<ResourceType, String[]> definitions = new HashMap<>();
        for (ResourceType type : ResourceTypes.all()) {
            Optional<String> kindClass = modelClass(type, "");
            if (kindClass.isEmpty()) {
                continue;
            }
            String kind = schemas.define(kindClass.get(), type.group());
            String list = type.createOnly() ? null : schemas.define(modelClass(type, "List").orElseThrow(
                    () -> new IllegalStateException("no list model for " + type.kind())), type.group());
            definitions.put(type, new String[]{kind, list});
            byGroupVersion.computeIfAbsent(path(type), k -> new ArrayList<>()).add(type);
        }
        Map<String, ObjectNode> primitives = primitives();

        Map<String, ObjectNode> documents = new LinkedHashMap<>();
        for (Map.Entry<String, List<ResourceType>> gv : byGroupVersion.entrySet()) {
            ObjectNode doc = NODES.objectNode();
            doc.put("openapi", "3.0.0");
            doc.putObject("info").put("title", "Kubernetes").put("version", "v1.32.0");
            ObjectNode paths = doc.putObject("paths");
            Set<String> roots = new TreeSet<>(List.of(status, deleteOptions, DefinitionNames.PATCH));
            for (ResourceType type : gv.getValue()) {
                String[] names = definitions.get(type);
                boolean scaled = type.hasSubresource("scale");
                Operations.add(paths, type, names[0], names[1], scaled ? scale : null);
                roots.add(names[0]);
                if (names[1] != null) {
                    roots.add(names[1]);
                }
                if (scaled) {
                    roots.add(scale);
                }
            }
            ObjectNode components = doc.putObject("components");
            ObjectNode out = components.putObject("schemas");
            for (String name : closure(roots, schemas)) {
                ObjectNode schema = schemas.schemas().get(name);
                out.set(name, schema != null ? schema : primitives.get(name));
            }
            for (ResourceType type : gv.getValue()) {
                String[] names = definitions.get(type);
                tagKind(out, names[0], type.group(), type.version(), type.kind());
                if (names[1] != null) {
                    tagKind(out, names[1], type.group(), type.version(), type.kind() + "List");
                }
            }
            if (out.has(scale)) {
                tagKind(out, scale, "autoscaling", "v1", "Scale");
            }
            components.putObject("securitySchemes").putObject("BearerToken").put("type", "apiKey")
                    .put("description", "Bearer Token authentication").put("name", "authorization")
                    .put("in", "header");
            documents.put(gv.getKey(), doc);
        }
        return Map.copyOf(documents);
    }

    /**
     * Marks a kind's schema with its group-version-kind. The node is shared by every document holding it, so
     * it is replaced by a copy in this document only.
     */
    private static void tagKind(ObjectNode schemas, String name, String group, String version, String kind) {
        ObjectNode tagged = ((ObjectNode) schemas.get(name)).deepCopy();
        tagged.putArray("x-kubernetes-group-version-kind").add(Operations.gvk(group, version, kind));
        schemas.set(name, tagged);
    }

    private static Set<String> closure(Set<String> roots, ComponentSchemas schemas) {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (seen.add(name)) {
                todo.addAll(schemas.references(name));
            }
        }
        return seen;
    }

    /** The types kube-openapi declares by hand, without Go structs behind them. */
    private static Map<String, ObjectNode> primitives() {
        Map<String, ObjectNode> out = new HashMap<>();
        out.put(DefinitionNames.TIME, NODES.objectNode().put("type", "string").put("format", "date-time"));
        out.put(DefinitionNames.MICRO_TIME, NODES.objectNode().put("type", "string").put("format", "date-time"));
        out.put(DefinitionNames.PATCH, NODES.objectNode().put("type", "object"));
        out.put(DefinitionNames.FIELDS_V1, NODES.objectNode().put("type", "object"));
        out.put(DefinitionNames.RAW_EXTENSION, NODES.objectNode().put("type", "object"));
        ObjectNode quantity = NODES.objectNode();
        quantity.putArray("oneOf").add(NODES.objectNode().put("type", "string"))
                .add(NODES.objectNode().put("type", "number"));
        out.put(DefinitionNames.QUANTITY, quantity);
        ObjectNode intOrString = NODES.objectNode();
        intOrString.putArray("oneOf").add(NODES.objectNode().put("type", "integer"))
                .add(NODES.objectNode().put("type", "string"));
        out.put(DefinitionNames.INT_OR_STRING, intOrString);
        return out;
    }

    /** {@code api/v1}, {@code apis/apps/v1}. */
    private static String path(ResourceType type) {
        return type.group().isEmpty() ? "api/" + type.version() : "apis/" + type.group() + "/" + type.version();
    }

    /** The client model of a kind ({@code V1Pod}, {@code CoreV1Event}) or its list, if the client has one. */
    private static Optional<String> modelClass(ResourceType type, String suffix) {
        String version = Character.toUpperCase(type.version().charAt(0)) + type.version().substring(1);
        String first = type.group().isEmpty() ? "core" : type.group().split("\\.")[0];
        String prefix = Character.toUpperCase(first.charAt(0)) + first.substring(1).toLowerCase(Locale.ROOT);
        for (String candidate : List.of(prefix + version + type.kind() + suffix, version + type.kind() + suffix)) {
            if (ModelClass.class.getClassLoader().getResource(ModelClass.MODELS + candidate + ".class") != null) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

}
