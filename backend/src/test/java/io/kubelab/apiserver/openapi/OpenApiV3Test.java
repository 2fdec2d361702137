package io.kubelab.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiV3Test {

    @Test
    void indexListsEveryServedGroupVersionWithAContentHash() {
        long start = System.nanoTime();
        ObjectNode index = OpenApiV3.index();
        long firstUse = (System.nanoTime() - start) / 1_000_000;
        List<String> paths = new ArrayList<>();
        index.path("paths").fieldNames().forEachRemaining(paths::add);
        assertEquals(List.of("api/v1", "apis/apiregistration.k8s.io/v1", "apis/apps/v1",
                "apis/authentication.k8s.io/v1", "apis/authorization.k8s.io/v1", "apis/autoscaling/v2",
                "apis/batch/v1", "apis/coordination.k8s.io/v1", "apis/discovery.k8s.io/v1", "apis/events.k8s.io/v1",
                "apis/networking.k8s.io/v1", "apis/policy/v1", "apis/rbac.authorization.k8s.io/v1",
                "apis/scheduling.k8s.io/v1", "apis/storage.k8s.io/v1"), paths);
        String url = index.path("paths").path("apis/apps/v1").path("serverRelativeURL").asText();
        assertTrue(url.matches("/openapi/v3/apis/apps/v1\\?hash=[0-9A-F]{128}"), url);
        java.nio.ByteBuffer json = OpenApiV3.documentJson("apis/apps/v1").orElseThrow();
        byte[] bytes = new byte[json.remaining()];
        json.get(bytes);
        String hash = java.util.HexFormat.of().withUpperCase().formatHex(sha512(bytes));
        assertEquals("/openapi/v3/apis/apps/v1?hash=" + hash, url);
        System.out.printf("OpenAPI v3 documents: built in %d ms (first use %d ms), %d KiB of JSON%n",
                OpenApiV3.buildMillis(), firstUse, jsonBytes() / 1024);
    }

    @ParameterizedTest
    @CsvSource({
            "api/v1, /api/v1/namespaces/{namespace}/pods/{name}, '', Pod",
            "api/v1, /api/v1/nodes/{name}, '', Node",
            "apis/apps/v1, /apis/apps/v1/namespaces/{namespace}/deployments/{name}, apps, Deployment",
            "apis/apps/v1, /apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale, autoscaling, Scale",
            "apis/batch/v1, /apis/batch/v1/namespaces/{namespace}/cronjobs/{name}/status, batch, CronJob",
            "apis/rbac.authorization.k8s.io/v1, /apis/rbac.authorization.k8s.io/v1/clusterroles/{name}, "
                    + "rbac.authorization.k8s.io, ClusterRole",
    })
    void patchDeclaresFieldValidationAsApplyRequires(String doc, String path, String group, String kind) {
        JsonNode patch = OpenApiV3.document(doc).orElseThrow().path("paths").path(path).path("patch");
        List<String> names = new ArrayList<>();
        patch.path("parameters").forEach(p -> names.add(p.path("name").asText()));
        assertEquals(List.of("dryRun", "fieldManager", "fieldValidation", "force"), names);
        assertEquals(group, patch.path("x-kubernetes-group-version-kind").path("group").asText());
        assertEquals(kind, patch.path("x-kubernetes-group-version-kind").path("kind").asText());
    }

    @ParameterizedTest
    @CsvSource({
            "api/v1, io.k8s.api.core.v1.Pod, Pod",
            "api/v1, io.k8s.api.core.v1.Event, Event",
            "apis/apps/v1, io.k8s.api.apps.v1.Deployment, Deployment",
            "apis/apps/v1, io.k8s.api.apps.v1.DeploymentList, DeploymentList",
            "apis/events.k8s.io/v1, io.k8s.api.events.v1.Event, Event",
            "apis/autoscaling/v2, io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler, HorizontalPodAutoscaler",
            "apis/apiregistration.k8s.io/v1, io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIService, APIService",
    })
    void kindSchemasCarryTheirGroupVersionKind(String doc, String definition, String kind) {
        JsonNode schema = OpenApiV3.document(doc).orElseThrow().path("components").path("schemas").path(definition);
        assertEquals(kind, schema.path("x-kubernetes-group-version-kind").path(0).path("kind").asText());
        assertTrue(schema.path("description").asText().length() > 20, definition + " has its upstream description");
    }

    @ParameterizedTest
    @CsvSource({
            "apis/apps/v1, io.k8s.api.core.v1.PodTemplateSpec",
            "apis/apps/v1, io.k8s.api.apps.v1.DeploymentStrategy",
            "apis/apps/v1, io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta",
            "apis/apps/v1, io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector",
            "apis/networking.k8s.io/v1, io.k8s.api.core.v1.TypedLocalObjectReference",
            "apis/networking.k8s.io/v1, io.k8s.api.networking.v1.IngressBackend",
            "apis/events.k8s.io/v1, io.k8s.api.core.v1.ObjectReference",
            "apis/events.k8s.io/v1, io.k8s.api.events.v1.EventSeries",
            "apis/batch/v1, io.k8s.api.batch.v1.JobTemplateSpec",
            "apis/rbac.authorization.k8s.io/v1, io.k8s.api.rbac.v1.Subject",
            "apis/discovery.k8s.io/v1, io.k8s.api.discovery.v1.EndpointPort",
            "api/v1, io.k8s.api.core.v1.EndpointPort",
            "api/v1, io.k8s.apimachinery.pkg.api.resource.Quantity",
    })
    void typesAreNamedForTheirGoPackage(String doc, String definition) {
        assertTrue(OpenApiV3.document(doc).orElseThrow().path("components").path("schemas").has(definition));
    }

    @ParameterizedTest
    @CsvSource({
            "api/v1, io.k8s.api.core.v1.PodSpec, containers, name, merge",
            "api/v1, io.k8s.api.core.v1.PodSpec, volumes, name, 'merge,retainKeys'",
            "api/v1, io.k8s.api.core.v1.Container, env, name, merge",
            "apis/apps/v1, io.k8s.api.apps.v1.DeploymentSpec, strategy, '', retainKeys",
    })
    void fieldsCarryTheirStrategicMergeTags(String doc, String definition, String field, String key, String strategy) {
        JsonNode property = OpenApiV3.document(doc).orElseThrow().path("components").path("schemas")
                .path(definition).path("properties").path(field);
        assertEquals(key, property.path("x-kubernetes-patch-merge-key").asText());
        assertEquals(strategy, property.path("x-kubernetes-patch-strategy").asText());
    }

    @Test
    void everyReferenceResolvesWithinItsDocument() {
        for (var it = OpenApiV3.index().path("paths").fieldNames(); it.hasNext(); ) {
            String path = it.next();
            ObjectNode doc = OpenApiV3.document(path).orElseThrow();
            TreeSet<String> missing = new TreeSet<>();
            collectDangling(doc, doc.path("components").path("schemas"), missing);
            assertEquals(new TreeSet<>(), missing, path);
        }
    }

    @Test
    void unservedGroupVersionsHaveNoDocument() {
        assertTrue(OpenApiV3.document("apis/apps/v2").isEmpty());
        assertTrue(OpenApiV3.document("apis/metrics.k8s.io/v1beta1").isEmpty());
    }

    @Test
    void everyKindWithAClientModelIsDocumented() {
        for (ResourceType type : ResourceTypes.all()) {
            if (type.group().equals("metrics.k8s.io")) {
                continue;
            }
            String doc = type.group().isEmpty() ? "api/v1" : "apis/" + type.apiVersion();
            String prefix = (type.group().isEmpty() ? "/api/" : "/apis/" + type.group() + "/") + type.version() + "/"
                    + (type.namespaced() ? "namespaces/{namespace}/" : "") + type.resource();
            assertTrue(OpenApiV3.document(doc).orElseThrow().path("paths").has(prefix), prefix);
        }
    }

    private static void collectDangling(JsonNode node, JsonNode schemas, TreeSet<String> missing) {
        if (node.isObject()) {
            String ref = node.path("$ref").asText("");
            if (!ref.isEmpty() && !schemas.has(ref.substring("#/components/schemas/".length()))) {
                missing.add(ref);
            }
            node.forEach(child -> collectDangling(child, schemas, missing));
        } else if (node.isArray()) {
            node.forEach(child -> collectDangling(child, schemas, missing));
        }
    }

    private static byte[] sha512(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-512").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long jsonBytes() {
        long total = 0;
        for (var it = OpenApiV3.index().path("paths").fieldNames(); it.hasNext(); ) {
            total += OpenApiV3.documentJson(it.next()).orElseThrow().remaining();
        }
        return total;
    }
}
