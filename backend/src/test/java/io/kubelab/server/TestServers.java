package io.kubelab.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Servers for tests: HTTP on a free port, a Hazelcast port of their own, data under target/. */
final class TestServers {

    private static KubelabServer shared;

    private TestServers() {
    }

    /** One embedded server shared by the tests of this JVM that do not stop it. */
    static synchronized KubelabServer shared() {
        if (shared == null) {
            shared = start(Map.of());
        }
        return shared;
    }

    static KubelabServer start(Map<String, String> settings) {
        try {
            return KubelabServer.start(ServerConfig.from(environment(settings))).await(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("test server did not start", e);
        }
    }

    static Map<String, String> environment(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>();
        env.put("PORT", "0");
        env.put("KUBELAB_K8S_PORT", "0");
        env.put("HOST", "127.0.0.1");
        env.put("KUBELAB_HZ_PORT", Integer.toString(freePort()));
        env.put("KUBELAB_DATA", Path.of("target", "test-data", UUID.randomUUID().toString()).toString());
        env.putAll(settings);
        return env;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
