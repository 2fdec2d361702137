package io.kubelab.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/** {@code java -jar kubelab.jar}: runs one member with the settings of the environment. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        // Every library logs through SLF4J to Logback: Vert.x by this property, java.util.logging by the bridge.
        System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        if (args.length > 0) {
            System.err.println("kubelab: unknown command \"" + args[0] + "\"\nUsage: java -jar kubelab.jar\n"
                    + "Settings come from environment variables; see the README.");
            System.exit(2);
        }
        Logger log = LoggerFactory.getLogger(Main.class);
        ServerConfig config;
        try {
            config = ServerConfig.fromEnvironment();
        } catch (ServerConfig.InvalidSetting e) {
            System.err.println("kubelab: " + e.getMessage());
            System.exit(2);
            return;
        }
        KubelabServer server;
        try {
            server = KubelabServer.start(config).await(5, TimeUnit.MINUTES);
        } catch (Exception e) {
            log.error("Kubelab could not start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        Runtime rt = Runtime.getRuntime();
        log.info("Kubelab serving on http://{}:{} (member {} of {}; {} ms after JVM start; heap used {} MiB)",
                config.host(), server.port(), server.memberId(), server.clusterSize(), sinceJvmStart,
                (rt.totalMemory() - rt.freeMemory()) >> 20);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop().await(config.shutdownTimeout().toSeconds() + config.shutdownDelay().toSeconds() + 15,
                        TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("Shutdown did not finish cleanly: {}", e.toString());
            }
        }, "kubelab-shutdown"));
    }
}
