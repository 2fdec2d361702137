package io.kubelab.apiserver.openapi.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiV2Test {

    private static final String DEPLOYMENT = "io.k8s.api.apps.v1.Deployment";
    private static final String DEPLOYMENT_PATH = "/apis/apps/v1/namespaces/{namespace}/deployments/{name}";

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    @Test
    void buildsOnceWithJsonProtobufAndEtag() throws Exception {
        long start = System.nanoTime();
        ObjectNode doc = OpenApiV2.document();
        long firstUse = (System.nanoTime() - start) / 1_000_000;
        byte[] json = bytes(OpenApiV2.json());
        byte[] proto = bytes(OpenApiV2.protobuf());
        assertEquals(doc, new ObjectMapper().readTree(json));
        String sha = HexFormat.of().withUpperCase().formatHex(
                java.security.MessageDigest.getInstance("SHA-512").digest(json));
        assertEquals('"' + sha + '"', OpenApiV2.etag());
        assertTrue(OpenApiV2.json().isReadOnly() && OpenApiV2.protobuf().isReadOnly(), "shared bytes stay intact");
        System.out.printf("OpenAPI v2 document: built in %d ms (first use %d ms with v3), %d KiB JSON, "
                + "%d KiB protobuf, %d paths, %d definitions%n", OpenApiV2.buildMillis(), firstUse,
                json.length / 1024, proto.length / 1024, doc.get("paths").size(), doc.get("definitions").size());
    }

    @Test
    void documentHasKindsWithGroupVersionKindAndPatchWithFieldValidation() {
        JsonNode doc = OpenApiV2.document();
        assertEquals("2.0", doc.get("swagger").asText());
        JsonNode deployment = doc.path("definitions").path(DEPLOYMENT);
        assertEquals("[{\"group\":\"apps\",\"kind\":\"Deployment\",\"version\":\"v1\"}]",
                deployment.get("x-kubernetes-group-version-kind").toString());
        assertEquals("{\"$ref\":\"#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta\"}",
                deployment.path("properties").path("metadata").toString());
        JsonNode containers = doc.path("definitions").path("io.k8s.api.core.v1.PodSpec").path("properties")
                .path("containers");
        assertEquals("name", containers.get("x-kubernetes-patch-merge-key").asText());
        assertEquals("merge", containers.get("x-kubernetes-patch-strategy").asText());
        assertEquals("{\"format\":\"int-or-string\",\"type\":\"string\"}",
                doc.path("definitions").path("io.k8s.apimachinery.pkg.util.intstr.IntOrString").toString());
        assertEquals("[{\"group\":\"autoscaling\",\"kind\":\"Scale\",\"version\":\"v1\"}]",
                doc.path("definitions").path("io.k8s.api.autoscaling.v1.Scale")
                        .path("x-kubernetes-group-version-kind").toString());

        JsonNode patch = doc.path("paths").path(DEPLOYMENT_PATH).path("patch");
        List<String> parameters = new ArrayList<>();
        patch.path("parameters").forEach(p -> parameters.add(p.path("in").asText() + ":" + p.path("name").asText()));
        assertEquals(List.of("body:body", "query:dryRun", "query:fieldManager", "query:fieldValidation",
                "query:force"), parameters);
        assertEquals("{\"$ref\":\"#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.Patch\"}",
                patch.path("parameters").get(0).path("schema").toString());
        assertEquals("[\"application/apply-patch+yaml\",\"application/json-patch+json\","
                + "\"application/merge-patch+json\",\"application/strategic-merge-patch+json\"]",
                patch.get("consumes").toString());
        assertEquals("{\"description\":\"OK\",\"schema\":{\"$ref\":\"#/definitions/" + DEPLOYMENT + "\"}}",
                patch.path("responses").path("200").toString());
        assertEquals("patchAppsV1NamespacedDeployment", patch.get("operationId").asText());
        assertEquals("patch", patch.get("x-kubernetes-action").asText());
        assertFalse(doc.toString().contains("#/components/"), "every reference points into #/definitions/");
        assertFalse(doc.toString().contains("\"allOf\""), "described references are $ref with a description");
    }

    @Test
    void protobufDecodesBackToTheDocument() {
        ProtoReader doc = new ProtoReader(bytes(OpenApiV2.protobuf()));
        assertEquals(List.of(1, 2, 8, 9, 12, 13), doc.fieldNumbers());
        assertEquals("2.0", doc.string(1));
        assertEquals("Kubernetes", doc.message(2).string(1));

        ProtoReader deployment = doc.message(9).named(1, DEPLOYMENT);
        assertEquals("Deployment enables declarative updates for Pods and ReplicaSets.", deployment.string(4));
        assertEquals(List.of("object"), deployment.message(22).strings(1));
        assertEquals("- group: apps\n  kind: Deployment\n  version: v1\n",
                deployment.extension(31, "x-kubernetes-group-version-kind"));
        ProtoReader metadata = deployment.message(25).named(1, "metadata");
        assertEquals("#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", metadata.string(1));

        assertEquals(List.of("name"), doc.message(9).named(1, "io.k8s.api.core.v1.Container").strings(19));
        ProtoReader containers = doc.message(9).named(1, "io.k8s.api.core.v1.PodSpec").message(25)
                .named(1, "containers");
        assertEquals("name\n", containers.extension(31, "x-kubernetes-patch-merge-key"));
        assertEquals("merge\n", containers.extension(31, "x-kubernetes-patch-strategy"));
        assertEquals(List.of("array"), containers.message(22).strings(1));
        assertEquals("#/definitions/io.k8s.api.core.v1.Container",
                containers.message(23).messages(1).get(0).string(1));

        ProtoReader patch = doc.message(8).named(2, DEPLOYMENT_PATH).message(8);
        assertEquals("patchAppsV1NamespacedDeployment", patch.string(5));
        assertEquals("patch\n", patch.extension(13, "x-kubernetes-action"));
        assertEquals("group: apps\nkind: Deployment\nversion: v1\n",
                patch.extension(13, "x-kubernetes-group-version-kind"));
        List<String> query = new ArrayList<>();
        for (ProtoReader item : patch.messages(8)) {
            ProtoReader q = item.message(1).message(2).message(3);
            if (!q.string(4).isEmpty()) {
                query.add(q.string(2) + ":" + q.string(4) + ":" + q.string(6) + ":" + q.bool(20));
            }
        }
        assertEquals(List.of("query:dryRun:string:true", "query:fieldManager:string:true",
                "query:fieldValidation:string:true", "query:force:boolean:true"), query);
        ProtoReader body = patch.messages(8).get(0).message(1).message(1);
        assertEquals("body", body.string(2));
        assertTrue(body.bool(4));

        ProtoReader security = doc.message(13).named(1, "BearerToken").message(2);
        assertEquals(List.of("apiKey", "authorization", "header"),
                List.of(security.string(1), security.string(2), security.string(3)));
    }

    @ParameterizedTest
    @CsvSource({
            "'{\"type\":\"string\"}', b201080a06737472696e67",
            "'{\"$ref\":\"#/definitions/X\"}', 0a0f232f646566696e6974696f6e732f58",
            "'{\"x-kubernetes-patch-strategy\":\"merge\"}', "
                    + "fa01270a1b782d6b756265726e657465732d70617463682d737472617465677912081206"
                    + "6d657267650a",
            "'{\"additionalProperties\":{\"type\":\"string\"},\"type\":\"object\"}', "
                    + "aa010d0a0bb201080a06737472696e67b201080a066f626a656374",
    })
    void schemaFieldsHaveGnosticNumbers(String json, String hex) throws Exception {
        JsonNode schema = new ObjectMapper().readTree(json);
        assertArrayEquals(HexFormat.of().parseHex(hex), ProtoMessage.encode(m -> GnosticEncoder.schema(m, schema)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"allOf\":[{\"$ref\":\"#/components/schemas/a.B\"}],\"description\":\"d\",\"x-kubernetes-patch-strategy\":\"merge\"}"
                    + "| {\"$ref\":\"#/definitions/a.B\",\"description\":\"d\",\"x-kubernetes-patch-strategy\":\"merge\"}",
            "{\"type\":\"object\",\"properties\":{\"z\":{\"type\":\"string\"},\"a\":{\"type\":\"array\","
                    + "\"items\":{\"$ref\":\"#/components/schemas/a.B\"}}},\"description\":\"d\"}"
                    + "| {\"description\":\"d\",\"properties\":{\"a\":{\"items\":{\"$ref\":\"#/definitions/a.B\"},"
                    + "\"type\":\"array\"},\"z\":{\"type\":\"string\"}},\"type\":\"object\"}",
            "{\"type\":\"object\",\"additionalProperties\":{\"$ref\":\"#/components/schemas/a.B\"}}"
                    + "| {\"additionalProperties\":{\"$ref\":\"#/definitions/a.B\"},\"type\":\"object\"}",
    })
    void schemasTakeV2Shape(String v3, String v2) throws Exception {
        assertEquals(v2, SwaggerDocument.schema(new ObjectMapper().readTree(v3)).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"merge\"| 'merge\n'",
            "\"merge,retainKeys\"| 'merge,retainKeys\n'",
            "\"\"| '\"\"\n'",
            "\"true\"| '\"true\"\n'",
            "\"1.0\"| '\"1.0\"\n'",
            "true| 'true\n'",
            "[\"name\",\"protocol\"]| '- name\n- protocol\n'",
            "[{\"group\":\"\",\"kind\":\"Pod\",\"version\":\"v1\"}]| '- group: \"\"\n  kind: Pod\n  version: v1\n'",
            "{\"group\":\"apps\",\"kind\":\"Deployment\"}| 'group: apps\nkind: Deployment\n'",
    })
    void extensionValuesAreGoYamlText(String json, String yaml) throws Exception {
        assertEquals(yaml, ExtensionYaml.of(new ObjectMapper().readTree(json)));
    }
}
