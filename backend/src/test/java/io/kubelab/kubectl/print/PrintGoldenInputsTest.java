package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Writes the golden inputs that come from our simulation: a settled cluster with a Deployment, a Service, a
 * ConfigMap with awkward text and a Secret, each object as our API server returns it. Runs only with
 * {@code -Dgolden.update=true}; then {@code regenerate.py} has the real kubectl print them.
 */
@EnabledIfSystemProperty(named = "golden.update", matches = "true")
class PrintGoldenInputsTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void writeInputs() throws Exception {
        SimCluster cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 7);
        ApiServer api = cluster.api();
        create(api, "apps/v1", "Deployment", """
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web","tier":"frontend"}},
                 "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
                  "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.27",
                   "ports":[{"containerPort":80}],"env":[{"name":"MODE","value":"true"},{"name":"PORT","value":"8080"},
                   {"name":"GREETING","value":"hello: world # not a comment"}],
                   "resources":{"requests":{"cpu":"100m","memory":"64Mi"},"limits":{"memory":"128Mi"}}},
                   {"name":"sidecar","image":"busybox:1.36","command":["sh","-c","while true; do date; sleep 5; done"]}]}}}}""");
        create(api, "v1", "Service", """
                {"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},
                 "spec":{"selector":{"app":"web"},"ports":[{"name":"http","port":80,"targetPort":80}]}}""");
        create(api, "v1", "ConfigMap", """
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"app-config","annotations":{"note":"yes"}},
                 "data":{"enabled":"true","port":"8080","empty":"","version":"1.10","date":"2024-01-02","on":"on",
                  "script.sh":"#!/bin/sh\\nset -e\\necho \\"starting\\"\\nexec nginx -g 'daemon off;'\\n",
                  "nginx.conf":"server {\\n    listen 80;\\n    location / {\\n        root /usr/share/nginx/html;\\n    }\\n}",
                  "trailing-space.txt":"line one \\nline two\\n",
                  "long":"This is a long line of configuration text that goes on and on well past the eighty column mark of the emitter",
                  "unicode":"café ☕ 日本","tab":"a\\tb","quote":"it's \\"quoted\\"","colon":"key: value"}}""");
        create(api, "v1", "Secret", """
                {"apiVersion":"v1","kind":"Secret","metadata":{"name":"db-credentials"},"type":"Opaque",
                 "data":{"username":"YWRtaW4=","password":"czNjcjN0IQ=="},"stringData":{"host":"db.default.svc"}}""");
        cluster.clock().settle(cluster::stable, Duration.ofMinutes(5));

        ResourceType pods = ResourceTypes.of("v1", "Pod");
        ObjectNode podList = list(api, pods, "default");
        write("pod", get(api, pods, "default", podList.path("items").get(0).path("metadata").path("name").asText()));
        write("pods", podList);
        write("deployment", get(api, ResourceTypes.of("apps/v1", "Deployment"), "default", "web"));
        write("service", get(api, ResourceTypes.of("v1", "Service"), "default", "web"));
        write("node", get(api, ResourceTypes.of("v1", "Node"), "", "node01"));
        write("configmap", get(api, ResourceTypes.of("v1", "ConfigMap"), "default", "app-config"));
        write("secret", get(api, ResourceTypes.of("v1", "Secret"), "default", "db-credentials"));
        write("events", list(api, ResourceTypes.of("v1", "Event"), "default"));
        write("kube-system-pods", list(api, pods, "kube-system"));
        assertEquals(2, podList.path("items").size());
    }

    private static void create(ApiServer api, String apiVersion, String kind, String json) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(json);
        api.handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.CREATE, ResourceTypes.of(apiVersion, kind), "default", "")
                .withBody(body));
    }

    private static ObjectNode get(ApiServer api, ResourceType type, String namespace, String name) {
        return api.handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.GET, type, namespace, name)).body();
    }

    private static ObjectNode list(ApiServer api, ResourceType type, String namespace) {
        return api.handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.LIST, type, namespace, "")).body();
    }

    private static void write(String name, ObjectNode object) throws Exception {
        Files.writeString(PrintGolden.DIR.resolve(name + ".input.json"), JSON.writeValueAsString(object) + "\n");
    }
}
