package io.kubelab.k8sapi;

import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.events.ComponentEvent;
import io.kubelab.shell.Shell;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A request from a real client shows in the component events exactly as the same terminal command does. */
class KubeApiEventsTest {

    private static final String POD = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"NAME\"},"
            + "\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx\"}]}}";

    @Test
    void aPodCreatedOverHttpTravelsTheSamePathAsOneCreatedInTheTerminal() {
        List<String> overHttp = trip(cluster -> {
            KubeRequest request = new KubeRequest("POST", "/api/v1/namespaces/default/pods", Map.of(),
                    Map.of("content-type", "application/json"), POD.replace("NAME", "web").getBytes(StandardCharsets.UTF_8));
            RecordingExchange exchange = new RecordingExchange();
            new KubeApi(cluster).serve(request, exchange);
            assertEquals(201, exchange.response.status(), exchange.body());
            return null;
        });
        List<String> inTheTerminal = trip(cluster -> {
            new Shell(cluster).execute("kubectl create -f - <<'EOF'\n" + POD.replace("NAME", "web") + "\nEOF");
            return null;
        });
        assertEquals(inTheTerminal, overHttp);
        assertEquals("kubectl -> kube-apiserver: authenticate Pod/default/web", overHttp.get(0));
    }

    /** The events of one action on a fresh cluster, settled: component, direction, action and object. */
    private static List<String> trip(Function<SimCluster, Void> action) {
        SimCluster cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 1);
        long before = cluster.events().lastSeq();
        action.apply(cluster);
        cluster.clock().settle(cluster::stable, Duration.ofMinutes(1));
        return cluster.events().since(before).stream().map(KubeApiEventsTest::describe).toList();
    }

    private static String describe(ComponentEvent e) {
        return e.from() + " -> " + e.to() + ": " + e.action() + " " + e.object();
    }
}
