package io.kubelab.apiserver.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.model.ResourceType;

import java.util.List;

/**
 * The {@code paths} of a group-version document: for each served kind the operations the API server
 * registers (list, create, deletecollection on the collection; read, replace, patch, delete on an object;
 * the status and scale subresources; list across namespaces), with Kubernetes' operation ids, tags,
 * {@code x-kubernetes-action} and {@code x-kubernetes-group-version-kind}, and their query parameters.
 * kubectl's {@code apply} checks that PATCH declares {@code fieldValidation} before asking for strict
 * server-side field validation.
 */
final class Operations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> MEDIA = List.of("application/json", "application/yaml",
            "application/vnd.kubernetes.protobuf");
    private static final List<String> PATCH_MEDIA = List.of("application/apply-patch+yaml",
            "application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json");

    private static final List<String[]> LIST = List.of(q("allowWatchBookmarks", "boolean"), q("continue", "string"),
            q("fieldSelector", "string"), q("labelSelector", "string"), q("limit", "integer"),
            q("resourceVersion", "string"), q("resourceVersionMatch", "string"), q("sendInitialEvents", "boolean"),
            q("timeoutSeconds", "integer"), q("watch", "boolean"));
    private static final List<String[]> WRITE = List.of(q("dryRun", "string"), q("fieldManager", "string"),
            q("fieldValidation", "string"));
    private static final List<String[]> PATCH = List.of(q("dryRun", "string"), q("fieldManager", "string"),
            q("fieldValidation", "string"), q("force", "boolean"));
    private static final List<String[]> DELETE = List.of(q("dryRun", "string"), q("gracePeriodSeconds", "integer"),
            q("ignoreStoreReadErrorWithClusterBreakingPotential", "boolean"), q("orphanDependents", "boolean"),
            q("propagationPolicy", "string"));
    private static final List<String[]> DELETE_COLLECTION = List.of(q("continue", "string"), q("dryRun", "string"),
            q("fieldSelector", "string"), q("gracePeriodSeconds", "integer"),
            q("ignoreStoreReadErrorWithClusterBreakingPotential", "boolean"), q("labelSelector", "string"),
            q("limit", "integer"), q("orphanDependents", "boolean"), q("propagationPolicy", "string"),
            q("resourceVersion", "string"), q("resourceVersionMatch", "string"), q("sendInitialEvents", "boolean"),
            q("timeoutSeconds", "integer"));

    private Operations() {
    }

    /** Adds the paths of one kind; {@code kind}, {@code list} and {@code scale} are definition names. */
    static void add(ObjectNode paths, ResourceType type, String kind, String list, String scale) {
        String root = (type.group().isEmpty() ? "/api/" : "/apis/" + type.group() + "/") + type.version() + "/";
        String collection = root + (type.namespaced() ? "namespaces/{namespace}/" : "") + type.resource();
        String scope = type.namespaced() ? "Namespaced" : "";
        ObjectNode gvk = gvk(type.group(), type.version(), type.kind());
        Ids ids = new Ids(type);

        ObjectNode items = pathItem(paths, collection, type.namespaced(), false);
        if (type.createOnly()) {
            items.set("post", op(ids, "create" + scope + type.kind(), "post", "create " + article(type.kind()), gvk,
                    WRITE, kind, false, "200", "201", "202"));
            return;
        }
        String kindName = type.kind();
        items.set("get", op(ids, "list" + scope + kindName, "list", "list or watch objects of kind " + kindName,
                gvk, LIST, list, false, "200"));
        if (type.supports("create")) {
            items.set("post", op(ids, "create" + scope + kindName, "post", "create " + article(kindName), gvk,
                    WRITE, kind, false, "200", "201", "202"));
        }
        if (type.supports("deletecollection")) {
            items.set("delete", op(ids, "deleteCollection" + scope + kindName, "deletecollection",
                    "delete collection of " + kindName, gvk, DELETE_COLLECTION, DefinitionNames.META + "Status",
                    false, "200"));
        }
        ObjectNode object = pathItem(paths, collection + "/{name}", type.namespaced(), true);
        object.set("get", op(ids, "read" + scope + kindName, "get", "read the specified " + kindName, gvk,
                List.of(), kind, false, "200"));
        object.set("put", op(ids, "replace" + scope + kindName, "put", "replace the specified " + kindName, gvk,
                WRITE, kind, false, "200", "201"));
        object.set("patch", op(ids, "patch" + scope + kindName, "patch", "partially update the specified " + kindName,
                gvk, PATCH, kind, true, "200", "201"));
        object.set("delete", op(ids, "delete" + scope + kindName, "delete", "delete " + article(kindName), gvk,
                DELETE, DefinitionNames.META + "Status", false, "200", "202"));
        if (type.hasSubresource("status")) {
            subresource(paths, collection, type, ids, scope + kindName + "Status", "status of the specified "
                    + kindName, gvk, kind);
        }
        if (type.hasSubresource("scale") && scale != null) {
            subresource(paths, collection, type, ids, scope + kindName + "Scale", "scale of the specified " + kindName,
                    gvk("autoscaling", "v1", "Scale"), scale);
        }
        if (type.namespaced()) {
            ObjectNode all = pathItem(paths, root + type.resource(), false, false);
            all.set("get", op(ids, "list" + kindName + "ForAllNamespaces", "list",
                    "list or watch objects of kind " + kindName, gvk, LIST, list, false, "200"));
        }
    }

    private static void subresource(ObjectNode paths, String collection, ResourceType type, Ids ids, String suffix,
                                    String what, ObjectNode gvk, String schema) {
        String sub = suffix.endsWith("Status") ? "status" : "scale";
        ObjectNode item = pathItem(paths, collection + "/{name}/" + sub, type.namespaced(), true);
        item.set("get", op(ids, "read" + suffix, "get", "read " + what, gvk, List.of(), schema, false, "200"));
        item.set("put", op(ids, "replace" + suffix, "put", "replace " + what, gvk, WRITE, schema, false, "200", "201"));
        item.set("patch", op(ids, "patch" + suffix, "patch", "partially update " + what, gvk, PATCH, schema, true,
                "200", "201"));
    }

    private static ObjectNode pathItem(ObjectNode paths, String path, boolean namespaced, boolean named) {
        ObjectNode item = paths.putObject(path);
        ArrayNode parameters = item.putArray("parameters");
        if (named) {
            parameters.add(param("name", "path", "string").put("required", true));
        }
        if (namespaced) {
            parameters.add(param("namespace", "path", "string").put("required", true));
        }
        parameters.add(param("pretty", "query", "string"));
        return item;
    }

    private static ObjectNode op(Ids ids, String action, String verb, String description, ObjectNode gvk,
                                 List<String[]> query, String response, boolean patch, String... codes) {
        ObjectNode op = NODES.objectNode();
        op.putArray("tags").add(ids.tag);
        op.put("description", description);
        op.put("operationId", ids.operationId(action));
        ArrayNode parameters = op.putArray("parameters");
        for (String[] p : query) {
            parameters.add(param(p[0], "query", p[1]));
        }
        if (verb.equals("post") || verb.equals("put") || verb.equals("patch") || verb.startsWith("delete")) {
            ObjectNode content = op.putObject("requestBody").putObject("content");
            String body = patch ? DefinitionNames.PATCH : verb.startsWith("delete") ? DefinitionNames.META
                    + "DeleteOptions" : response;
            for (String media : patch ? PATCH_MEDIA : List.of("*/*")) {
                content.putObject(media).putObject("schema").put("$ref", ComponentSchemas.REF + body);
            }
            if (!verb.startsWith("delete")) {
                ((ObjectNode) op.get("requestBody")).put("required", true);
            }
        }
        ObjectNode responses = op.putObject("responses");
        for (String code : codes) {
            ObjectNode r = responses.putObject(code).put("description", code.equals("201") ? "Created"
                    : code.equals("202") ? "Accepted" : "OK");
            ObjectNode content = r.putObject("content");
            for (String media : MEDIA) {
                content.putObject(media).putObject("schema").put("$ref", ComponentSchemas.REF + response);
            }
        }
        responses.putObject("401").put("description", "Unauthorized");
        op.put("x-kubernetes-action", verb);
        op.set("x-kubernetes-group-version-kind", gvk.deepCopy());
        return op;
    }

    static ObjectNode gvk(String group, String version, String kind) {
        return NODES.objectNode().put("group", group).put("kind", kind).put("version", version);
    }

    private static ObjectNode param(String name, String in, String type) {
        ObjectNode p = NODES.objectNode().put("name", name).put("in", in);
        p.putObject("schema").put("type", type).put("uniqueItems", true);
        return p;
    }

    private static String[] q(String name, String type) {
        return new String[]{name, type};
    }

    private static String article(String kind) {
        return "AEIOU".indexOf(kind.charAt(0)) >= 0 ? "an " + kind : "a " + kind;
    }

    /** Kubernetes' operation ids and tags: {@code readAppsV1NamespacedDeployment}, {@code apps_v1}. */
    private static final class Ids {
        final String tag;
        final String infix;

        Ids(ResourceType type) {
            StringBuilder group = new StringBuilder();
            String name = type.group().isEmpty() ? "core" : type.group().replace(".k8s.io", "");
            for (String part : name.split("\\.")) {
                group.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
            String version = Character.toUpperCase(type.version().charAt(0)) + type.version().substring(1);
            infix = group + version;
            tag = Character.toLowerCase(group.charAt(0)) + group.substring(1) + "_" + type.version();
        }

        /** {@code readNamespacedPod} → {@code readCoreV1NamespacedPod}. */
        String operationId(String action) {
            int split = 0;
            while (split < action.length() && Character.isLowerCase(action.charAt(split))) {
                split++;
            }
            String verb = action.substring(0, split);
            String rest = action.substring(split);
            return verb + infix + rest;
        }
    }
}
