package io.kubelab.k8sapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.Status;
import io.kubelab.apiserver.StatusException;
import io.kubelab.apiserver.printers.IncludeObject;
import io.kubelab.apiserver.printers.TablePrinters;
import io.kubelab.kubectl.print.YamlPrinter;
import io.kubelab.model.ResourceType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The form a read is answered in, from the {@code Accept} header: the object as JSON or YAML, a server-side
 * {@code Table} ({@code meta.k8s.io} v1 or v1beta1, with {@code includeObject}), or metadata only
 * ({@code PartialObjectMetadata}). Writes answer with the object as JSON, as kube-apiserver does.
 */
record Output(Form form, String version, IncludeObject include, String contentType) {

    enum Form { JSON, YAML, TABLE, METADATA }

    private static final String META_GROUP = "meta.k8s.io";
    private static final Output JSON = new Output(Form.JSON, "", IncludeObject.METADATA, KubeResponse.JSON);
    private static final Output YAML = new Output(Form.YAML, "", IncludeObject.METADATA, MediaType.YAML);

    static Output negotiate(KubeRequest request, Verb verb, ResourceType type) {
        boolean read = verb == Verb.GET || verb == Verb.LIST || verb == Verb.WATCH;
        boolean protobufOnly = true;
        for (MediaType accepted : MediaType.parseAccept(request.header("accept"))) {
            String v = accepted.param("v");
            if (read && accepted.asForm("Table", META_GROUP) && (v.equals("v1") || v.equals("v1beta1"))) {
                IncludeObject include = IncludeObject.parse(request.param("includeObject")).orElseThrow(() ->
                        new StatusException(Status.badRequest("includeObject: Unsupported value: \""
                                + request.param("includeObject") + "\": supported values: \"Metadata\", \"None\", \"Object\"")));
                return new Output(Form.TABLE, v, include, "application/json;as=Table;v=" + v + ";g=" + META_GROUP);
            }
            if (read && (accepted.asForm("PartialObjectMetadata", META_GROUP)
                    || accepted.asForm("PartialObjectMetadataList", META_GROUP)) && (v.equals("v1") || v.equals("v1beta1"))) {
                return new Output(Form.METADATA, v, IncludeObject.METADATA, "application/json;as="
                        + accepted.param("as") + ";v=" + v + ";g=" + META_GROUP);
            }
            if (accepted.acceptsJson()) {
                return JSON;
            }
            if (accepted.acceptsYaml()) {
                return YAML;
            }
            protobufOnly &= accepted.type().equals(MediaType.PROTOBUF);
        }
        if (protobufOnly) {
            // Typed clients list JSON after protobuf; one that takes protobuf alone gets JSON all the same.
            return JSON;
        }
        throw new StatusException(new Status(406, "NotAcceptable", "only the following media types are accepted: "
                + "application/json, application/yaml, application/vnd.kubernetes.protobuf", Optional.empty()));
    }

    boolean isTable() {
        return form == Form.TABLE || form == Form.METADATA;
    }

    /** One object (a GET, or what a write returns). */
    KubeResponse single(ResourceType type, int code, ObjectNode object, Instant now) {
        if (!isObject(object, type)) {
            return KubeResponse.json(code, object);
        }
        return switch (form) {
            case JSON -> KubeResponse.json(code, object);
            case YAML -> yaml(code, object);
            case TABLE -> KubeResponse.json(code, contentType, table(type, List.of(object), now));
            case METADATA -> KubeResponse.json(code, contentType, partial(object));
        };
    }

    /** A list or any other document answered as itself: YAML when asked, JSON otherwise. */
    KubeResponse plain(int code, ObjectNode document) {
        return form == Form.YAML ? yaml(code, document) : KubeResponse.json(code, document);
    }

    /** A list answered as a Table or a PartialObjectMetadataList; items are the stored objects, read only. */
    KubeResponse list(ResourceType type, ObjectNode list, Instant now) {
        List<ObjectNode> items = new ArrayList<>();
        list.path("items").forEach(item -> items.add((ObjectNode) item));
        if (form == Form.METADATA) {
            ObjectNode out = JsonNodeFactory.instance.objectNode().put("kind", "PartialObjectMetadataList")
                    .put("apiVersion", META_GROUP + "/" + version);
            out.set("metadata", list.path("metadata"));
            ArrayNode array = out.putArray("items");
            items.forEach(item -> array.add(partial(item)));
            return KubeResponse.json(200, contentType, out);
        }
        ObjectNode listMeta = list.path("metadata") instanceof ObjectNode m ? m : JsonNodeFactory.instance.objectNode();
        ObjectNode table = TablePrinters.table(type, items, listMeta, now, include);
        return KubeResponse.json(200, contentType, versioned(table));
    }

    /** The one-row Table a watch event of a Table watch carries. */
    ObjectNode table(ResourceType type, List<ObjectNode> objects, Instant now) {
        return versioned(TablePrinters.table(type, objects, now, include));
    }

    ObjectNode partial(ObjectNode object) {
        ObjectNode partial = JsonNodeFactory.instance.objectNode().put("kind", "PartialObjectMetadata")
                .put("apiVersion", META_GROUP + "/" + version);
        partial.set("metadata", object.path("metadata"));
        return partial;
    }

    /** A Status (what DELETE may return) is answered as itself, never as a Table row. */
    private static boolean isObject(JsonNode object, ResourceType type) {
        return object.path("kind").asText(type.kind()).equals(type.kind());
    }

    private ObjectNode versioned(ObjectNode table) {
        if (version.equals("v1beta1")) {
            table.put("apiVersion", META_GROUP + "/v1beta1");
            for (JsonNode row : table.path("rows")) {
                if (row.path("object") instanceof ObjectNode o && o.path("kind").asText().equals("PartialObjectMetadata")) {
                    o.put("apiVersion", META_GROUP + "/v1beta1");
                }
            }
        }
        return table;
    }

    private static KubeResponse yaml(int code, ObjectNode object) {
        return new KubeResponse(code, MediaType.YAML, List.of(),
                YamlPrinter.print(object).getBytes(StandardCharsets.UTF_8));
    }
}
