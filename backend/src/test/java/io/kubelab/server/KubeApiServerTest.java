package io.kubelab.server;

import io.kubelab.k8sapi.RealKubectl;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes API of a sandbox on a whole server, as a student meets it: the downloaded kubeconfig, TLS
 * with the pinned certificate, the kubeconfig's token, and the real kubectl (the dispatcher picks its client
 * by our server version; the oldest and newest clients installed are tried too).
 */
@ExtendWith(VertxExtension.class)
class KubeApiServerTest {

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

    private Path kubeconfig(JsonObject sandbox) throws Exception {
        String config = client.get("/api/v1/sandboxes/" + sandbox.getString("id") + "/kubeconfig")
                .bearerTokenAuthentication(sandbox.getString("token")).send().await(10, TimeUnit.SECONDS).bodyAsString();
        Path dir = Files.createTempDirectory("kubelab-kubeconfig");
        Path file = dir.resolve("config");
        Files.writeString(file, config);
        return file;
    }

    private static RealKubectl.Result run(RealKubectl kubectl, Path config, String... args) {
        List<String> all = new ArrayList<>(List.of("--kubeconfig", config.toString(), "--cache-dir",
                config.resolveSibling("cache-" + System.nanoTime()).toString()));
        all.addAll(List.of(args));
        return kubectl.run(all, "", Map.of());
    }

    @Test
    void theDispatcherRunsTheMatchingClientWithTheDownloadedKubeconfig() throws Exception {
        RealKubectl kubectl = RealKubectl.dispatcher();
        Path config = kubeconfig(create());
        RealKubectl.Result nodes = run(kubectl, config, "get", "nodes");
        assertEquals(0, nodes.exitCode(), nodes.stderr());
        assertTrue(nodes.stdout().startsWith("NAME           STATUS   ROLES           AGE"), nodes.stdout());
        assertTrue(nodes.stdout().contains("\nnode01         Ready    <none>"), nodes.stdout());
        RealKubectl.Result run = run(kubectl, config, "run", "web", "--image=nginx");
        assertEquals("pod/web created\n", run.stdout(), run.stderr());
        // client-go sends --raw paths as given, without the kubeconfig server's /k8s/{id}: the token says the sandbox.
        RealKubectl.Result raw = run(kubectl, config, "get", "--raw", "/api/v1/namespaces/default/pods/web");
        assertTrue(raw.stdout().startsWith("{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"web\""),
                raw.stdout() + raw.stderr());
        RealKubectl.Result version = run(kubectl, config, "version");
        assertTrue(version.stdout().contains("Server Version: v1.32.2\n"), version.stdout());
    }

    @Test
    void everyInstalledClientListsPodsAndCreatesFromAFile() throws Exception {
        List<Integer> minors = RealKubectl.installedMinors();
        org.junit.jupiter.api.Assumptions.assumeFalse(minors.isEmpty(), "no versioned kubectl clients installed");
        JsonObject sandbox = create();
        Path config = kubeconfig(sandbox);
        for (int minor : List.of(minors.get(0), minors.get(minors.size() - 1))) {
            RealKubectl kubectl = RealKubectl.version(minor);
            RealKubectl.Result pods = run(kubectl, config, "get", "pods", "-n", "kube-system", "-l", "component=etcd");
            assertEquals(0, pods.exitCode(), "1." + minor + ": " + pods.stderr());
            assertTrue(pods.stdout().contains("etcd-controlplane   1/1     Running"), "1." + minor + ": " + pods.stdout());
            Path manifest = config.resolveSibling("cm-" + minor + ".yaml");
            Files.writeString(manifest, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-" + minor
                    + "\ndata:\n  a: \"1\"\n");
            RealKubectl.Result apply = run(kubectl, config, "apply", "-f", manifest.toString());
            assertEquals("configmap/cm-" + minor + " created\n", apply.stdout(), "1." + minor + ": " + apply.stderr());
            RealKubectl.Result get = run(kubectl, config, "get", "cm", "cm-" + minor, "-o", "jsonpath={.data.a}");
            assertEquals("1", get.stdout(), "1." + minor + ": " + get.stderr());
        }
    }

    @Test
    void onlyTheSandboxTokensOpenItsApi(Vertx vertx) throws Exception {
        JsonObject mine = create();
        JsonObject other = create();
        String config = client.get("/api/v1/sandboxes/" + mine.getString("id") + "/kubeconfig")
                .bearerTokenAuthentication(mine.getString("token")).send().await(10, TimeUnit.SECONDS).bodyAsString();
        String ca = config.replaceAll("(?s).*certificate-authority-data: (\\S+).*", "$1");
        String kubeToken = config.replaceAll("(?s).*\\n    token: (\\S+)\\n.*", "$1");
        WebClient tls = WebClient.create(vertx, new WebClientOptions().setSsl(true)
                .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(Base64.getDecoder().decode(ca))))
                .setVerifyHost(false).setDefaultHost("127.0.0.1").setDefaultPort(server.kubeApiPort()));
        String pods = "/k8s/" + mine.getString("id") + "/api/v1/namespaces/kube-system/pods";
        assertEquals(200, get(tls, pods, kubeToken).statusCode());
        assertEquals(200, get(tls, pods, mine.getString("token")).statusCode());
        for (String wrong : List.of(other.getString("token"), "kl-forged", kubeToken + "x")) {
            HttpResponse<Buffer> r = get(tls, pods, wrong);
            assertEquals(401, r.statusCode());
            assertEquals("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                    + "\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}\n", r.bodyAsString());
        }
        HttpResponse<Buffer> unknown = get(tls, "/k8s/zzzzzzzzzz/api/v1/pods", kubeToken);
        assertEquals(401, unknown.statusCode(), "a sandbox that does not exist looks like a wrong token");
        HttpResponse<Buffer> missing = tls.get(pods).send().await(10, TimeUnit.SECONDS);
        assertEquals(401, missing.statusCode());
    }

    private static HttpResponse<Buffer> get(WebClient client, String path, String token) throws Exception {
        return client.get(path).bearerTokenAuthentication(token).send().await(10, TimeUnit.SECONDS);
    }

    @Test
    void aWatchCanBeReadOverAWebSocketAsFabric8AsksForIt(Vertx vertx) throws Exception {
        JsonObject sandbox = create();
        String config = client.get("/api/v1/sandboxes/" + sandbox.getString("id") + "/kubeconfig")
                .bearerTokenAuthentication(sandbox.getString("token")).send().await(10, TimeUnit.SECONDS).bodyAsString();
        String ca = config.replaceAll("(?s).*certificate-authority-data: (\\S+).*", "$1");
        var sockets = vertx.createWebSocketClient(new io.vertx.core.http.WebSocketClientOptions().setSsl(true)
                .setVerifyHost(false).setTrustOptions(new PemTrustOptions().addCertValue(
                        Buffer.buffer(Base64.getDecoder().decode(ca)))));
        var messages = new java.util.concurrent.LinkedBlockingQueue<String>();
        // The handler is in place before the handshake: the first event may follow it at once.
        var ws = sockets.webSocket().textMessageHandler(messages::add);
        ws.connect(new io.vertx.core.http.WebSocketConnectOptions().setHost("127.0.0.1")
                .setPort(server.kubeApiPort()).setURI("/k8s/" + sandbox.getString("id")
                        + "/api/v1/namespaces/kube-system/configmaps?watch=true&fieldSelector=metadata.name%3Dkube-proxy")
                .addHeader("Authorization", "Bearer " + sandbox.getString("token"))).await(10, TimeUnit.SECONDS);
        String first = messages.poll(10, TimeUnit.SECONDS);
        assertTrue(first != null && first.startsWith("{\"type\":\"ADDED\",\"object\":{")
                && first.contains("\"name\":\"kube-proxy\""), String.valueOf(first));
        ws.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void bodiesAreReadOnlyForTheSandboxsOwnTokenAndCappedAt3MiB(Vertx vertx) throws Exception {
        JsonObject sandbox = create();
        String config = client.get("/api/v1/sandboxes/" + sandbox.getString("id") + "/kubeconfig")
                .bearerTokenAuthentication(sandbox.getString("token")).send().await(10, TimeUnit.SECONDS).bodyAsString();
        String ca = config.replaceAll("(?s).*certificate-authority-data: (\\S+).*", "$1");
        WebClient tls = WebClient.create(vertx, new WebClientOptions().setSsl(true)
                .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(Base64.getDecoder().decode(ca))))
                .setVerifyHost(false).setDefaultHost("127.0.0.1").setDefaultPort(server.kubeApiPort()));
        String path = "/k8s/" + sandbox.getString("id") + "/api/v1/namespaces/default/configmaps";
        Buffer huge = Buffer.buffer(new byte[4 * 1024 * 1024]);
        HttpResponse<Buffer> anonymous = tls.post(path).putHeader("Content-Type", "application/json")
                .sendBuffer(huge).await(30, TimeUnit.SECONDS);
        assertEquals(401, anonymous.statusCode());
        HttpResponse<Buffer> tooLarge = tls.post(path).bearerTokenAuthentication(sandbox.getString("token"))
                .putHeader("Content-Type", "application/json").sendBuffer(huge).await(30, TimeUnit.SECONDS);
        assertEquals(413, tooLarge.statusCode());
        assertEquals("Request entity too large: limit is 3145728", tooLarge.bodyAsJsonObject().getString("message"));
        tls.close();
    }
}
