package io.kubelab.server;

import com.hazelcast.core.HazelcastInstance;
import io.kubelab.tenancy.SandboxDirectory;
import io.kubelab.tenancy.SandboxHost;
import io.kubelab.tenancy.Tokens;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;

/**
 * One Kubelab member: a clustered Vert.x on a Hazelcast member, and the HTTP listener. {@link #start}
 * joins (or forms) the cluster and serves; {@link #stop} drains and leaves it cleanly.
 */
public final class KubelabServer {

    private static final Logger LOG = LoggerFactory.getLogger(KubelabServer.class);
    /** Requests and commands one sandbox may have waiting at once; more get 429. */
    static final int MAX_QUEUED_PER_SANDBOX = 64;

    private final ServerConfig config;
    private final Vertx vertx;
    private final HazelcastClusterManager cluster;
    private final Health health;
    private final HttpVerticle http;

    private KubelabServer(ServerConfig config, Vertx vertx, HazelcastClusterManager cluster, Health health,
                          HttpVerticle http) {
        this.config = config;
        this.vertx = vertx;
        this.cluster = cluster;
        this.health = health;
        this.http = http;
    }

    public static Future<KubelabServer> start(ServerConfig config) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            return Future.failedFuture(new ServerConfig.InvalidSetting("KUBELAB_DATA", config.dataDir().toString(),
                    "cannot create the folder (" + e.getMessage() + ")"));
        }
        SandboxHost.warmUp();
        HazelcastClusterManager cluster = new HazelcastClusterManager(HazelcastSetup.config(config));
        // A registry per server, so servers sharing a JVM (tests) do not close each other's.
        String registry = "kubelab-" + java.util.UUID.randomUUID();
        VertxOptions options = new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
                .setEnabled(true)
                .setRegistryName(registry)
                .setJvmMetricsEnabled(true)
                .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)));
        options.getEventBusOptions().setHost(config.hazelcastHost()).setPort(0);
        return Vertx.builder().with(options).withClusterManager(cluster)
                .withMetrics(new MicrometerMetricsFactory())
                .buildClustered()
                .compose(vertx -> vertx.executeBlocking(() -> new Secrets(sharedSecret(config, cluster.getHazelcastInstance()),
                                KubeTls.shared(cluster.getHazelcastInstance())))
                        .compose(secrets -> deploy(config, vertx, cluster, secrets, registry))
                        .onFailure(err -> vertx.close()));
    }

    /** What every member must share: the CSRF and token secret, and the Kubernetes API's certificate. */
    private record Secrets(String secret, KubeTls.Material tls) {
    }

    private static Future<KubelabServer> deploy(ServerConfig config, Vertx vertx, HazelcastClusterManager cluster,
                                                Secrets secrets, String registry) {
        HazelcastInstance hz = cluster.getHazelcastInstance();
        SandboxHost host = new SandboxHost();
        ClockDriver.start(vertx, host);
        SandboxDirectory directory = new SandboxDirectory(hz.getMap(SandboxDirectory.MAP_NAME), Clock.systemUTC(),
                config.sandboxLifetime());
        SandboxQueues queues = new SandboxQueues(vertx, MAX_QUEUED_PER_SANDBOX);
        KubeBus kube = new KubeBus(vertx, host, queues);
        Sandboxes sandboxes = new Sandboxes(vertx, directory, new ShellBus(vertx, host, kube, queues),
                cluster.getNodeId());
        Health health = new Health(() -> new JsonObject()
                .put("member", cluster.getNodeId())
                .put("members", hz.getCluster().getMembers().size())
                .put("sandboxes", host.size()));
        registerMeters(BackendRegistries.getNow(registry), host, hz);
        HttpVerticle http = new HttpVerticle(config, health, sandboxes, kube, secrets.secret(), secrets.tls(),
                registry);
        vertx.eventBus().consumer(PingAddress.ADDRESS, msg -> msg.reply(cluster.getNodeId()));
        return vertx.deployVerticle(http).map(deploymentId -> {
            health.up();
            return new KubelabServer(config, vertx, cluster, health, http);
        });
    }

    /**
     * The secret that signs CSRF tokens must be the same on every member: the operator's, or one the
     * first member makes and the others read.
     */
    private static String sharedSecret(ServerConfig config, HazelcastInstance hz) {
        if (config.secret().isPresent()) {
            return config.secret().get();
        }
        String mine = Tokens.newToken();
        String existing = hz.<String, String>getMap("kubelab.config").putIfAbsent("secret", mine);
        return existing == null ? mine : existing;
    }

    private static void registerMeters(MeterRegistry registry, SandboxHost host, HazelcastInstance hz) {
        if (registry != null) {
            Gauge.builder("kubelab_sandboxes_hosted", host, SandboxHost::size)
                    .description("Sandboxes whose running state lives on this member").register(registry);
            Gauge.builder("kubelab_cluster_members", hz, h -> h.getCluster().getMembers().size())
                    .description("Members of the Kubelab cluster as this member sees it").register(registry);
        }
    }

    public int port() {
        return http.port();
    }

    /** The TLS port of the Kubernetes API actually bound. */
    public int kubeApiPort() {
        return http.kubeApiPort();
    }

    public String memberId() {
        return cluster.getNodeId();
    }

    public int clusterSize() {
        return cluster.getHazelcastInstance().getCluster().getMembers().size();
    }

    /** The member's clustered Vert.x, for tools and tests that talk over the event bus. */
    public Vertx vertx() {
        return vertx;
    }

    public ServerConfig config() {
        return config;
    }

    /**
     * Graceful stop: {@code /healthz} answers 503 at once; after the configured delay (time for a load
     * balancer to notice) the listener stops taking connections and in-flight requests finish; then
     * this member leaves the cluster, so its partitions move to the others before it goes.
     */
    public Future<Void> stop() {
        health.drain();
        LOG.info("Draining: /healthz answers 503; stopping in {} ms", config.shutdownDelay().toMillis());
        return Future.<Void>future(p -> vertx.setTimer(Math.max(1, config.shutdownDelay().toMillis()),
                        t -> p.complete()))
                .compose(v -> http.shutdown())
                .eventually(() -> vertx.close())
                .onComplete(ar -> LOG.info("Stopped; left the cluster"));
    }
}
