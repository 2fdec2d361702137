package io.kubelab.server;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class SandboxApiTest {

    private WebClient client;
    private KubelabServer server;

    @BeforeEach
    void setUp(Vertx vertx) {
        server = TestServers.shared();
        client = HealthAndMetricsTest.client(vertx, server);
    }

    private JsonObject create() throws Exception {
        HttpResponse<Buffer> r = client.post("/api/v1/sandboxes").send().await(10, TimeUnit.SECONDS);
        assertEquals(201, r.statusCode(), r.bodyAsString());
        return r.bodyAsJsonObject();
    }

    private HttpResponse<Buffer> exec(JsonObject sandbox, String command) throws Exception {
        return client.post("/api/v1/sandboxes/" + sandbox.getString("id") + "/exec")
                .bearerTokenAuthentication(sandbox.getString("token"))
                .sendJsonObject(new JsonObject().put("command", command)).await(10, TimeUnit.SECONDS);
    }

    @Test
    void createAnswersTheContractFields() throws Exception {
        JsonObject s = create();
        String id = s.getString("id");
        assertTrue(id.matches("[a-z][a-z0-9]{9}"), id);
        assertEquals(43, s.getString("token").length());
        String base = "http://127.0.0.1:" + server.port();
        assertEquals(base + "/s/" + id + "?token=" + s.getString("token"), s.getString("terminalUrl"));
        assertEquals(base + "/api/v1/sandboxes/" + id + "/kubeconfig", s.getString("kubeconfigUrl"));
        assertNotEquals(id, create().getString("id"));
    }

    @Test
    void execRunsInTheSandboxShellAndKeepsItsHistory() throws Exception {
        JsonObject s = create();
        HttpResponse<Buffer> r = exec(s, "foo --bar");
        assertEquals(200, r.statusCode());
        assertEquals(new JsonObject().put("stdout", "").put("stderr", "bash: foo: command not found\n")
                .put("exitCode", 127), r.bodyAsJsonObject());
        JsonObject help = exec(s, "help").bodyAsJsonObject();
        assertEquals(0, help.getInteger("exitCode"));
        assertTrue(help.getString("stdout").contains("history"));
        assertEquals("    1  foo --bar\n    2  help\n    3  history\n",
                exec(s, "history").bodyAsJsonObject().getString("stdout"));
    }

    @Test
    void everySandboxHasItsOwnSimulatedCluster() throws Exception {
        JsonObject s = create();
        JsonObject status = exec(s, "sim status").bodyAsJsonObject();
        assertEquals(0, status.getInteger("exitCode"));
        assertTrue(status.getString("stdout").contains("(realtime)"), status.getString("stdout"));
        assertTrue(status.getString("stdout").contains("etcd:               running"), status.getString("stdout"));
        assertTrue(exec(s, "sim advance 1h").bodyAsJsonObject().getString("stdout").startsWith("Advanced 1h0m0s;"));
        exec(s, "sim stop etcd");
        JsonObject other = create();
        assertTrue(exec(other, "sim status").bodyAsJsonObject().getString("stdout").contains("etcd:               running"),
                "one sandbox's cluster is not another's");
    }

    @Test
    void aSandboxCanAskForItsClusterShape() throws Exception {
        HttpResponse<Buffer> r = client.post("/api/v1/sandboxes").sendJsonObject(new JsonObject().put("cluster",
                new JsonObject().put("workers", 3).put("controlPlanes", 3).put("runtime", "cri-o").put("proxyMode", "ipvs")))
                .await(30, TimeUnit.SECONDS);
        assertEquals(201, r.statusCode(), r.bodyAsString());
        JsonObject s = r.bodyAsJsonObject();
        JsonObject summary = client.get("/api/v1/sandboxes/" + s.getString("id"))
                .bearerTokenAuthentication(s.getString("token")).send().await(10, TimeUnit.SECONDS).bodyAsJsonObject();
        assertEquals(new JsonObject().put("workers", 3).put("controlPlanes", 3).put("runtime", "cri-o")
                .put("proxyMode", "ipvs").put("metricsServer", false), summary.getJsonObject("cluster"));
        String etcd = exec(s, "sim etcd status").bodyAsJsonObject().getString("stdout");
        assertTrue(etcd.contains("controlplane3"), etcd);
        assertTrue(exec(s, "sim node node03 ipvs").bodyAsJsonObject().getString("stdout").contains("TCP  10.96.0.1:443 rr"));
        HttpResponse<Buffer> bad = client.post("/api/v1/sandboxes").sendJsonObject(new JsonObject().put("cluster",
                new JsonObject().put("controlPlanes", 2))).await(10, TimeUnit.SECONDS);
        assertEquals(400, bad.statusCode());
        assertEquals(new JsonObject().put("error", "\"controlPlanes\" must be 1 or 3"), bad.bodyAsJsonObject());
    }

    @Test
    void summaryShowsCreationAndExpiry() throws Exception {
        JsonObject s = create();
        JsonObject summary = client.get("/api/v1/sandboxes/" + s.getString("id"))
                .bearerTokenAuthentication(s.getString("token")).send().await(10, TimeUnit.SECONDS).bodyAsJsonObject();
        assertEquals(s.getString("id"), summary.getString("id"));
        assertTrue(summary.containsKey("scenario"));
        assertEquals(java.time.Duration.ofHours(24), java.time.Duration.between(
                java.time.Instant.parse(summary.getString("created")), java.time.Instant.parse(summary.getString("expires"))));
    }

    @Test
    void withoutTokenIs401AndAWrongTokenLooksLikeNoSandbox() throws Exception {
        JsonObject s = create();
        String id = s.getString("id");
        HttpResponse<Buffer> none = client.get("/api/v1/sandboxes/" + id).send().await(10, TimeUnit.SECONDS);
        assertEquals(401, none.statusCode());
        assertEquals("Bearer", none.getHeader("WWW-Authenticate"));
        assertEquals(new JsonObject().put("error", "missing bearer token"), none.bodyAsJsonObject());

        HttpResponse<Buffer> wrong = client.get("/api/v1/sandboxes/" + id).bearerTokenAuthentication(create().getString("token"))
                .send().await(10, TimeUnit.SECONDS);
        HttpResponse<Buffer> missing = client.get("/api/v1/sandboxes/zzzzzzzzzz")
                .bearerTokenAuthentication(s.getString("token")).send().await(10, TimeUnit.SECONDS);
        assertEquals(404, wrong.statusCode());
        assertEquals(404, missing.statusCode());
        assertEquals("sandbox \"" + id + "\" not found", wrong.bodyAsJsonObject().getString("error"));
        assertEquals("sandbox \"zzzzzzzzzz\" not found", missing.bodyAsJsonObject().getString("error"));

        HttpResponse<Buffer> wrongExec = client.post("/api/v1/sandboxes/" + id + "/exec").bearerTokenAuthentication("nope")
                .sendJsonObject(new JsonObject().put("command", "help")).await(10, TimeUnit.SECONDS);
        assertEquals(404, wrongExec.statusCode());
    }

    @Test
    void badBodiesGetClearErrors() throws Exception {
        JsonObject s = create();
        String path = "/api/v1/sandboxes/" + s.getString("id") + "/exec";
        Map<String, String> cases = Map.of(
                "nope", "request body is not valid JSON: Unrecognized token 'nope': was expecting "
                        + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                "[1]", "request body must be a JSON object",
                "{\"command\":5}", "body must be {\"command\":\"<command line>\"}",
                "", "request body must be a JSON object");
        for (var c : cases.entrySet()) {
            HttpResponse<Buffer> r = client.post(path).bearerTokenAuthentication(s.getString("token"))
                    .sendBuffer(Buffer.buffer(c.getKey())).await(10, TimeUnit.SECONDS);
            assertEquals(400, r.statusCode(), c.getKey());
            assertEquals(c.getValue(), r.bodyAsJsonObject().getString("error"), c.getKey());
        }
        HttpResponse<Buffer> huge = client.post(path).bearerTokenAuthentication(s.getString("token"))
                .sendBuffer(Buffer.buffer(new byte[(int) HttpVerticle.MAX_BODY_BYTES + 10])).await(10, TimeUnit.SECONDS);
        assertEquals(413, huge.statusCode());
        assertEquals("request body too large", huge.bodyAsJsonObject().getString("error"));
        assertEquals(200, exec(s, "help").statusCode(), "the sandbox still works");
    }

    @Test
    void unknownScenarioAndUnknownCallsAre404() throws Exception {
        HttpResponse<Buffer> r = client.post("/api/v1/sandboxes").sendJsonObject(new JsonObject().put("scenario", "nope"))
                .await(10, TimeUnit.SECONDS);
        assertEquals(404, r.statusCode());
        assertEquals("scenario \"nope\" not found", r.bodyAsJsonObject().getString("error"));
        HttpResponse<Buffer> unknown = client.get("/api/v1/whatever").send().await(10, TimeUnit.SECONDS);
        assertEquals(404, unknown.statusCode());
        assertEquals("application/json", unknown.getHeader("Content-Type"));
    }

    @Test
    void kubeconfigPointsAtTheTlsListenerWithItsCertificatePinned() throws Exception {
        JsonObject s = create();
        String id = s.getString("id");
        HttpResponse<Buffer> r = client.get("/api/v1/sandboxes/" + id + "/kubeconfig")
                .bearerTokenAuthentication(s.getString("token")).send().await(10, TimeUnit.SECONDS);
        assertEquals(200, r.statusCode());
        assertEquals("application/yaml", r.getHeader("Content-Type"));
        String config = r.bodyAsString();
        assertTrue(config.contains("    server: https://127.0.0.1:" + server.kubeApiPort() + "/k8s/" + id + "\n"), config);
        assertTrue(config.contains("    tls-server-name: kubelab-apiserver\n"), config);
        assertTrue(config.contains("    certificate-authority-data: LS0t"), config);
        assertTrue(config.contains("current-context: kubelab-" + id + "\n"), config);
        assertTrue(config.matches("(?s).*\n    token: kl-[a-z][a-z0-9]{9}\\.[A-Za-z0-9_-]{43}\n$"), config);
        assertEquals(404, client.get("/api/v1/sandboxes/" + id + "/kubeconfig").bearerTokenAuthentication("wrong")
                .send().await(10, TimeUnit.SECONDS).statusCode());
    }

    @Test
    void deleteRemovesTheSandboxEverywhere() throws Exception {
        JsonObject s = create();
        String id = s.getString("id");
        HttpResponse<Buffer> r = client.delete("/api/v1/sandboxes/" + id).bearerTokenAuthentication(s.getString("token"))
                .send().await(10, TimeUnit.SECONDS);
        assertEquals(204, r.statusCode());
        assertEquals(404, exec(s, "help").statusCode());
        assertEquals(404, client.delete("/api/v1/sandboxes/" + id).bearerTokenAuthentication(s.getString("token"))
                .send().await(10, TimeUnit.SECONDS).statusCode());
    }

    @Test
    void anonymousCreationCanBeTurnedOff(Vertx vertx) throws Exception {
        KubelabServer closed = TestServers.start(Map.of("KUBELAB_ANONYMOUS_SANDBOXES", "false"));
        try {
            HttpResponse<Buffer> r = HealthAndMetricsTest.client(vertx, closed).post("/api/v1/sandboxes").send()
                    .await(10, TimeUnit.SECONDS);
            assertEquals(403, r.statusCode());
            assertEquals("anonymous sandbox creation is turned off on this server",
                    r.bodyAsJsonObject().getString("error"));
        } finally {
            closed.stop().await(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anExpiredSandboxIsAsAbsentAsOneNeverMade(Vertx vertx) throws Exception {
        KubelabServer shortLived = TestServers.start(Map.of("KUBELAB_SANDBOX_LIFETIME", "0s"));
        try {
            WebClient web = HealthAndMetricsTest.client(vertx, shortLived);
            JsonObject s = web.post("/api/v1/sandboxes").send().await(10, TimeUnit.SECONDS).bodyAsJsonObject();
            HttpResponse<Buffer> r = web.get("/api/v1/sandboxes/" + s.getString("id"))
                    .bearerTokenAuthentication(s.getString("token")).send().await(10, TimeUnit.SECONDS);
            assertEquals(404, r.statusCode());
            String link = s.getString("terminalUrl").replaceFirst("^http://[^/]+", "");
            assertEquals(404, web.get(link).send().await(10, TimeUnit.SECONDS).statusCode());
        } finally {
            shortLived.stop().await(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void theBrowserSessionWorksForJsonCallsOnly() throws Exception {
        JsonObject s = create();
        var browser = io.vertx.ext.web.client.WebClientSession.create(client);
        String link = s.getString("terminalUrl").replaceFirst("^http://[^/]+", "");
        assertEquals(303, browser.get(link).send().await(10, TimeUnit.SECONDS).statusCode());
        String exec = "/api/v1/sandboxes/" + s.getString("id") + "/exec";
        HttpResponse<Buffer> json = browser.post(exec).sendJsonObject(new JsonObject().put("command", "help"))
                .await(10, TimeUnit.SECONDS);
        assertEquals(200, json.statusCode(), json.bodyAsString());
        HttpResponse<Buffer> formLike = browser.post(exec).putHeader("Content-Type", "text/plain")
                .sendBuffer(Buffer.buffer("{\"command\":\"help\"}")).await(10, TimeUnit.SECONDS);
        assertEquals(403, formLike.statusCode(), "a cross-site form could send this; it is refused");
        assertEquals(200, browser.get("/api/v1/sandboxes/" + s.getString("id")).send().await(10, TimeUnit.SECONDS)
                .statusCode(), "reading with the session needs no JSON body");
    }
}
