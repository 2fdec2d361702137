package io.kubelab.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * fabric8's kubernetes-client (7.4, on the JDK's HttpClient) against a whole server: a sandbox made through
 * {@code POST /api/v1/sandboxes}, its kubeconfig, the pinned TLS listener, the bearer token, the routes and the
 * sandbox's API server, while the sandbox's clock runs in real time as it does for students.
 * fabric8's Config reads the kubeconfig's server, CA and token but has no {@code tls-server-name}: the
 * client gets {@link PinnedTls} (the same CA, the name checked against tls-server-name) as its trust manager.
 * Watches are fabric8's default, WebSocket watches (kube-apiserver serves watches over a WebSocket too).
 */
class Fabric8ClientTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String kubeconfig;
    private static String token;
    private static KubernetesClient client;

    @BeforeAll
    static void sandbox() throws Exception {
        KubelabServer server = TestServers.shared();
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + server.port();
        JsonNode created = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/sandboxes"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<String> config = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/sandboxes/"
                + created.path("id").asText() + "/kubeconfig")).header("Authorization", "Bearer "
                + created.path("token").asText()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, config.statusCode(), config.body());
        kubeconfig = config.body();
        token = YAML.readTree(kubeconfig).path("users").path(0).path("user").path("token").asText();
        client = client(kubeconfig, null);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    /** A client for {@code kubeconfig}; {@code serverName} replaces its tls-server-name when not null. */
    private static KubernetesClient client(String kubeconfig, String serverName) throws Exception {
        JsonNode cluster = YAML.readTree(kubeconfig).path("clusters").path(0).path("cluster");
        var trust = PinnedTls.of(cluster.path("certificate-authority-data").asText(),
                serverName != null ? serverName : cluster.path("tls-server-name").asText());
        Config config = Config.fromKubeconfig(kubeconfig);
        // No retries with backoff: a refused handshake would be retried for a minute and a half.
        config.setRequestRetryBackoffLimit(0);
        return new KubernetesClientBuilder().withConfig(config)
                .withHttpClientBuilderConsumer(builder -> builder.sslContext(null, trust)).build();
    }

    private static ConfigMap configMap(String name, Map<String, String> labels, Map<String, String> data) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withData(data).build();
    }

    private static List<String> names(List<? extends HasMetadata> items) {
        return items.stream().map(i -> i.getMetadata().getName()).sorted().toList();
    }

    @Test
    void theClientSeesOurVersionOverTheKubeconfigsTlsAndToken() {
        assertEquals("v1.32.2", client.getKubernetesVersion().getGitVersion());
        assertEquals("default", client.getNamespace());
        assertTrue(client.getMasterUrl().toString().startsWith("https://127.0.0.1:"), client.getMasterUrl().toString());
    }

    @Test
    void configMapsCreateGetListUpdatePatchDelete() {
        var maps = client.configMaps();
        ConfigMap created = maps.resource(configMap("settings", Map.of("app", "web", "tier", "front"),
                Map.of("mode", "a"))).create();
        maps.resource(configMap("cache", Map.of("app", "db"), Map.of())).create();
        assertNotEquals(null, created.getMetadata().getUid());

        ConfigMap got = maps.withName("settings").get();
        assertEquals(Map.of("mode", "a"), got.getData());
        assertEquals(created.getMetadata().getResourceVersion(), got.getMetadata().getResourceVersion());

        record Selection(String selector, Supplier<List<String>> names, List<String> expected) {
        }
        for (Selection c : List.of(
                new Selection("app=web", () -> names(maps.withLabel("app", "web").list().getItems()),
                        List.of("settings")),
                new Selection("app in (web,db)", () -> names(maps.withLabelIn("app", "web", "db").list().getItems()),
                        List.of("cache", "settings")),
                new Selection("tier", () -> names(maps.withLabel("tier").list().getItems()), List.of("settings")),
                new Selection("!tier,app", () -> names(maps.withoutLabel("tier").withLabel("app").list().getItems()),
                        List.of("cache")))) {
            assertEquals(c.expected, c.names.get(), c.selector);
        }

        got.getData().put("mode", "b");
        ConfigMap updated = maps.resource(got).update();
        assertEquals(Map.of("mode", "b"), updated.getData());
        assertNotEquals(got.getMetadata().getResourceVersion(), updated.getMetadata().getResourceVersion());
        KubernetesClientException stale = assertThrows(KubernetesClientException.class,
                () -> maps.resource(got).update());
        assertEquals(409, stale.getCode());
        assertEquals("Conflict", stale.getStatus().getReason());

        ConfigMap merged = maps.withName("settings").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"data\":{\"extra\":\"1\"}}");
        assertEquals(Map.of("mode", "b", "extra", "1"), merged.getData());
        ConfigMap patched = maps.withName("settings").patch(PatchContext.of(PatchType.JSON),
                "[{\"op\":\"replace\",\"path\":\"/data/mode\",\"value\":\"c\"},{\"op\":\"remove\",\"path\":\"/data/extra\"}]");
        assertEquals(Map.of("mode", "c"), patched.getData());

        List<StatusDetails> deleted = maps.withName("settings").delete();
        assertEquals(List.of("settings"), deleted.stream().map(StatusDetails::getName).toList());
        assertEquals("configmaps", deleted.get(0).getKind());
        assertNull(maps.withName("settings").get());
        assertEquals(List.of("cache"), names(maps.withLabel("app").list().getItems()));
    }

    @Test
    void aServiceGetsItsClusterIpAndADeploymentItsPods() {
        Service service = client.services().resource(new ServiceBuilder().withNewMetadata().withName("api")
                .endMetadata().withNewSpec().addToSelector("app", "api").addNewPort().withPort(80)
                .withNewTargetPort(8080).endPort().endSpec().build()).create();
        assertEquals("ClusterIP", service.getSpec().getType());
        assertTrue(service.getSpec().getClusterIP().startsWith("10."), service.getSpec().getClusterIP());

        client.apps().deployments().resource(deployment("api", 2)).create();
        Deployment ready = client.apps().deployments().withName("api").waitUntilCondition(
                d -> d != null && d.getStatus() != null && Integer.valueOf(2).equals(d.getStatus().getReadyReplicas()),
                2, TimeUnit.MINUTES);
        assertEquals(2, ready.getStatus().getAvailableReplicas());
        assertEquals(2, client.pods().withLabel("app", "api").list().getItems().size());
    }

    @Test
    void aWatchSeesTheSimulationScaleADeploymentUpAndDown() throws Exception {
        client.apps().deployments().resource(deployment("web", 1)).create();
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch threeAdded = new CountDownLatch(3);
        CountDownLatch twoDeleted = new CountDownLatch(2);
        CountDownLatch modified = new CountDownLatch(1);
        try (Watch watch = client.pods().withLabel("app", "web").watch(new Watcher<Pod>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                events.add(action + " " + pod.getMetadata().getName());
                switch (action) {
                    case ADDED -> threeAdded.countDown();
                    case MODIFIED -> modified.countDown();
                    case DELETED -> twoDeleted.countDown();
                    default -> { }
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                events.add("closed " + cause);
            }
        })) {
            client.apps().deployments().withName("web").scale(3);
            assertTrue(threeAdded.await(1, TimeUnit.MINUTES), events.toString());
            assertTrue(modified.await(1, TimeUnit.MINUTES), events.toString());
            client.apps().deployments().withName("web").scale(1);
            assertTrue(twoDeleted.await(2, TimeUnit.MINUTES), events.toString());
        }
        assertEquals(1, client.apps().deployments().withName("web").get().getSpec().getReplicas());
    }

    @Test
    void podLogsAreTheContainersOutput() {
        client.apps().deployments().resource(deployment("logs", 1)).create();
        Pod pod = client.pods().withLabel("app", "logs").waitUntilCondition(
                p -> p != null && "Running".equals(p.getStatus().getPhase()), 2, TimeUnit.MINUTES);
        var logs = client.pods().withName(pod.getMetadata().getName());
        // Running comes before nginx has written its start-up notices (simulated time follows the wall clock here).
        String all = logs.getLog();
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
             !all.contains("start worker process 30\n") && System.nanoTime() < deadline; all = logs.getLog()) {
            java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
        }
        assertTrue(all.contains("[notice] 1#1: nginx/1.27"), all);
        String last = logs.tailingLines(1).getLog();
        assertTrue(last.endsWith("[notice] 1#1: start worker process 30\n"), last);
        assertEquals(1, last.split("\n").length, last);
    }

    @Test
    void errorsComeBackAsKubernetesClientExceptionsWithTheirStatus() throws Exception {
        client.configMaps().resource(configMap("twice", Map.of(), Map.of())).create();
        record Case(String what, int code, String reason, String message, Runnable call) {
        }
        List<Case> cases = List.of(
                new Case("patch of an absent object", 404, "NotFound", "configmaps \"absent\" not found",
                        () -> client.configMaps().withName("absent").patch(PatchContext.of(PatchType.JSON_MERGE), "{}")),
                new Case("create in a namespace that does not exist", 404, "NotFound",
                        "namespaces \"nowhere\" not found",
                        () -> client.configMaps().inNamespace("nowhere").resource(configMap("x", Map.of(), Map.of()))
                                .create()),
                new Case("create of an existing name", 409, "AlreadyExists", "configmaps \"twice\" already exists",
                        () -> client.configMaps().resource(configMap("twice", Map.of(), Map.of())).create()),
                new Case("an invalid name", 422, "Invalid", "ConfigMap \"Bad_Name\" is invalid",
                        () -> client.configMaps().resource(configMap("Bad_Name", Map.of(), Map.of())).create()));
        for (Case c : cases) {
            KubernetesClientException e = assertThrows(KubernetesClientException.class, c.call::run, c.what);
            assertEquals(c.code, e.getCode(), c.what);
            assertEquals(c.reason, e.getStatus().getReason(), c.what);
            assertTrue(e.getStatus().getMessage().startsWith(c.message), c.what + ": " + e.getStatus().getMessage());
        }
        assertNull(client.configMaps().withName("absent").get(), "fabric8 answers a 404 on get with null");
    }

    @Test
    void aWrongTokenIsUnauthorizedAndAnotherServerNameIsRefused() throws Exception {
        try (KubernetesClient wrong = client(kubeconfig.replace(token, "not-" + token), null)) {
            KubernetesClientException e = assertThrows(KubernetesClientException.class,
                    () -> wrong.configMaps().list());
            assertEquals(401, e.getCode());
            assertEquals("Unauthorized", e.getStatus().getReason());
        }
        try (KubernetesClient elsewhere = client(kubeconfig, "kubernetes.default.svc")) {
            KubernetesClientException e = assertThrows(KubernetesClientException.class,
                    () -> elsewhere.configMaps().list());
            assertEquals(-1, e.getCode(), "no HTTP answer: the handshake failed");
            assertTrue(causes(e).contains("certificate is not valid for kubernetes.default.svc"), causes(e));
        }
    }

    private static String causes(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }

    private static Deployment deployment(String name, int replicas) {
        return new DeploymentBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec()
                .withReplicas(replicas).withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata().withNewSpec()
                .addNewContainer().withName("nginx").withImage("nginx:1.27").endContainer().endSpec().endTemplate()
                .endSpec().build();
    }
}
