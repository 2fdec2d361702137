package io.kubelab.server;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two members in two JVMs on loopback form one cluster: the event bus reaches across, a sandbox made on
 * one answers through the other, and a member that gets SIGTERM drains and leaves cleanly.
 */
class TwoMembersIT {

    private final Vertx client = Vertx.vertx();
    private KubelabServer here;
    private Process there;

    @AfterEach
    void tearDown() throws Exception {
        if (there != null && there.isAlive()) {
            there.destroyForcibly();
        }
        if (here != null) {
            here.stop().await(30, TimeUnit.SECONDS);
        }
        client.close().await(10, TimeUnit.SECONDS);
    }

    private Process startMemberInAnotherJvm(Map<String, String> env, Path log) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(System.getProperty("kubelab.hazelcast.jvm.flags", "").split("\\s+")));
        command.removeIf(String::isBlank);
        command.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private JsonObject health(WebClient web) {
        try {
            return web.get("/healthz").send().await(5, TimeUnit.SECONDS).bodyAsJsonObject();
        } catch (Exception e) {
            return new JsonObject().put("status", "UNREACHABLE");
        }
    }

    private void kubeApiThroughTheOtherMember(WebClient webHere, JsonObject sandbox) throws Exception {
        String id = sandbox.getString("id");
        String config = webHere.get("/api/v1/sandboxes/" + id + "/kubeconfig").bearerTokenAuthentication(
                sandbox.getString("token")).send().await(10, TimeUnit.SECONDS).bodyAsString();
        String ca = config.replaceAll("(?s).*certificate-authority-data: (\\S+).*", "$1");
        String token = config.replaceAll("(?s).*\\n    token: (\\S+)\\n.*", "$1");
        var tls = new io.vertx.core.http.HttpClientOptions().setSsl(true).setVerifyHost(false)
                .setTrustOptions(new io.vertx.core.net.PemTrustOptions().addCertValue(
                        io.vertx.core.buffer.Buffer.buffer(java.util.Base64.getDecoder().decode(ca))));
        WebClient kube = WebClient.create(client, new WebClientOptions(tls).setDefaultHost("127.0.0.1")
                .setDefaultPort(here.kubeApiPort()));
        var nodes = kube.get("/k8s/" + id + "/api/v1/nodes").bearerTokenAuthentication(token)
                .send().await(10, TimeUnit.SECONDS);
        assertEquals(200, nodes.statusCode(), nodes.bodyAsString());
        assertEquals(3, nodes.bodyAsJsonObject().getJsonArray("items").size());

        var http = client.createHttpClient(new io.vertx.core.http.HttpClientOptions(tls)
                .setDefaultHost("127.0.0.1").setDefaultPort(here.kubeApiPort()));
        var watch = http.request(io.vertx.core.http.HttpMethod.GET,
                "/k8s/" + id + "/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=20")
                .await(10, TimeUnit.SECONDS).putHeader("Authorization", "Bearer " + token)
                .send().await(10, TimeUnit.SECONDS);
        assertEquals(200, watch.statusCode());
        var seen = new java.util.concurrent.CompletableFuture<String>();
        StringBuilder lines = new StringBuilder();
        watch.handler(chunk -> {
            lines.append(chunk.toString());
            if (lines.toString().contains("\"name\":\"through-the-bus\"")) {
                seen.complete(lines.toString());
            }
        });
        var create = webHere.post("/api/v1/sandboxes/" + id + "/exec").bearerTokenAuthentication(sandbox.getString("token"))
                .sendJsonObject(new JsonObject().put("command", "kubectl create configmap through-the-bus"))
                .await(10, TimeUnit.SECONDS);
        assertEquals("configmap/through-the-bus created\n", create.bodyAsJsonObject().getString("stdout"));
        String events = seen.get(20, TimeUnit.SECONDS);
        assertTrue(events.contains("{\"type\":\"ADDED\",\"object\":{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\","
                + "\"metadata\":{\"name\":\"through-the-bus\""), events);
        http.close();
    }

    @Test
    void twoJvmsFormOneClusterAndShareWork() throws Exception {
        int hzHere = TestServers.freePort();
        int hzThere = TestServers.freePort();
        int httpThere = TestServers.freePort();
        String members = "127.0.0.1:" + hzHere + ",127.0.0.1:" + hzThere;
        Path logs = Files.createDirectories(Path.of("target", "two-members"));
        Path log = logs.resolve("member-2.log");

        Map<String, String> env = TestServers.environment(Map.of("PORT", Integer.toString(httpThere),
                "KUBELAB_CLUSTER_MEMBERS", members, "KUBELAB_HZ_PORT", Integer.toString(hzThere),
                "KUBELAB_SHUTDOWN_DELAY", "2s"));
        there = startMemberInAnotherJvm(env, log);
        here = TestServers.start(Map.of("KUBELAB_CLUSTER_MEMBERS", members, "KUBELAB_HZ_PORT", Integer.toString(hzHere)));

        WebClient webThere = WebClient.create(client, new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(httpThere));
        WebClient webHere = WebClient.create(client, new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(here.port()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        JsonObject thereHealth = health(webThere);
        while (!("UP".equals(thereHealth.getString("status")) && thereHealth.getInteger("members", 0) == 2)) {
            assertTrue(System.nanoTime() < deadline, "member 2 never joined: " + thereHealth + "\n" + Files.readString(log));
            assertTrue(there.isAlive(), "member 2 died:\n" + Files.readString(log));
            Thread.sleep(200);
            thereHealth = health(webThere);
        }
        assertEquals(2, here.clusterSize());
        String thereId = thereHealth.getString("member");

        // The event bus reaches the other JVM: requests round-robin over both members' handlers.
        Set<String> answered = new HashSet<>();
        for (int i = 0; i < 10 && !answered.contains(thereId); i++) {
            answered.add((String) here.vertx().eventBus().request(PingAddress.ADDRESS, "ping")
                    .await(10, TimeUnit.SECONDS).body());
        }
        assertTrue(answered.contains(thereId), "no answer from the other JVM: " + answered);

        // A sandbox started on member 2 takes commands through member 1.
        JsonObject created = webThere.post("/api/v1/sandboxes").send().await(10, TimeUnit.SECONDS).bodyAsJsonObject();
        var exec = webHere.post("/api/v1/sandboxes/" + created.getString("id") + "/exec")
                .bearerTokenAuthentication(created.getString("token"))
                .sendJsonObject(new JsonObject().put("command", "foo")).await(10, TimeUnit.SECONDS);
        assertEquals(200, exec.statusCode(), exec.bodyAsString());
        assertEquals("bash: foo: command not found\n", exec.bodyAsJsonObject().getString("stderr"));

        // Its Kubernetes API through member 1 too, a watch's stream included.
        kubeApiThroughTheOtherMember(webHere, created);

        // SIGTERM: member 2 reports DRAINING, finishes, and leaves; member 1 carries on alone.
        there.destroy();
        boolean sawDraining = false;
        while (there.isAlive() && !sawDraining) {
            sawDraining = "DRAINING".equals(health(webThere).getString("status"));
        }
        assertTrue(there.waitFor(60, TimeUnit.SECONDS), "member 2 did not stop");
        String output = Files.readString(log);
        assertTrue(sawDraining, "never saw /healthz DRAINING:\n" + output);
        assertTrue(output.contains("Stopped; left the cluster"), output);
        assertFalse(output.contains(" ERROR "), output);
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (here.clusterSize() != 1) {
            assertTrue(System.nanoTime() < deadline, "member 1 still sees " + here.clusterSize() + " members");
            Thread.sleep(100);
        }
        assertEquals("UP", health(webHere).getString("status"));
        assertEquals(1, health(webHere).getInteger("members"));
    }
}
