package io.kubelab.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The whole write path against Kubernetes 1.32: what kubectl sends for everyday commands goes in, and
 * what comes back must be what a real API server stores (the expected files were written from Kubernetes'
 * behaviour, not from ours). uid, times, resourceVersion and random names are normalised. Run with
 * {@code -Dgolden.update=true} to rewrite the outputs after checking a difference is right.
 */
class StoredObjectsGoldenTest {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final Path DIR = Path.of("src/test/resources/golden/apiserver");

    @ParameterizedTest
    @ValueSource(strings = {"kubectl-run", "kubectl-create-deployment", "kubectl-create-service", "kubectl-create-job",
            "kubectl-create-namespace", "kubectl-create-configmap", "kubectl-create-secret", "kubectl-create-serviceaccount",
            "kubectl-create-service-nodeport", "kubectl-create-cronjob", "kubectl-create-role"})
    void storedAsKubernetesStoresIt(String name) throws Exception {
        ObjectNode input = (ObjectNode) JSON.readTree(Files.readString(DIR.resolve(name + ".input.json")));
        ResourceType type = ResourceTypes.of(input.path("apiVersion").asText(), input.path("kind").asText());
        ObjectNode stored = BootstrapTest.cluster().api().handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.CREATE,
                type, type.namespaced() ? "default" : "", "").withBody(input)).body();
        String actual = JSON.writeValueAsString(normalise(stored));
        Path expectedFile = DIR.resolve(name + ".output.json");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expectedFile, actual + "\n");
        }
        JsonNode expected = JSON.readTree(Files.readString(expectedFile));
        assertEquals(JSON.writeValueAsString(expected), actual);
    }

    static JsonNode normalise(ObjectNode stored) throws Exception {
        String uid = ObjectMeta.uid(stored);
        String text = stored.toString().replace(uid, "UID")
                .replaceAll("kube-api-access-[a-z0-9]{5}", "kube-api-access-XXXXX")
                .replaceAll("10\\.(9[6-9]|10[0-9]|11[01])\\.\\d+\\.\\d+", "CLUSTER-IP")
                .replaceAll("\"nodePort\":3\\d{4}", "\"nodePort\":\"NODE-PORT\"");
        ObjectNode out = (ObjectNode) JSON.readTree(text);
        out.with("metadata").put("creationTimestamp", "TIME").put("resourceVersion", "RV");
        for (JsonNode entry : out.path("metadata").path("managedFields")) {
            ((ObjectNode) entry).put("time", "TIME");
        }
        return sorted(out);
    }

    /** Keys in alphabetical order at every level, as kubectl prints them. */
    static JsonNode sorted(JsonNode node) throws Exception {
        return JSON.readTree(new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .writeValueAsString(JSON.treeToValue(node, Object.class)));
    }
}
