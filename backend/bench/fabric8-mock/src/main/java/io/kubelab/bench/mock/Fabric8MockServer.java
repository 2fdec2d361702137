package io.kubelab.bench.mock;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;

/**
 * fabric8's kubernetes-server-mock in CRUD mode over plain HTTP, seeded with the pods of a JSON PodList file
 * (args[0]) through its own client. Prints {@code port <n>} once seeded and serves until its stdin closes.
 */
public final class Fabric8MockServer {

    private Fabric8MockServer() {
    }

    public static void main(String[] args) throws Exception {
        // mockwebserver logs every request at INFO through java.util.logging: that would be measured too.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        for (java.util.logging.Handler handler : java.util.logging.Logger.getLogger("").getHandlers()) {
            handler.setLevel(java.util.logging.Level.WARNING);
        }
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        PodList pods;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            pods = Serialization.unmarshal(in, PodList.class);
        }
        try (NamespacedKubernetesClient client = server.createClient()) {
            for (Pod pod : pods.getItems()) {
                // The mock assigns its own resourceVersion and refuses to create over one.
                pod.getMetadata().setResourceVersion(null);
                client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).create();
            }
            int listed = client.pods().inNamespace("default").list().getItems().size();
            System.out.println("seeded " + listed);
        }
        System.out.println("port " + server.getPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // serve until the benchmark closes our stdin (or dies)
        }
        server.destroy();
        System.exit(0);
    }
}
