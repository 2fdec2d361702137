package io.kubelab.kubectl.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.model.ResourceTypes;
import io.kubelab.shell.CommandResult;
import io.kubelab.shell.Shell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kubectl events on a live cluster. */
class EventsCommandTest {

    private static Shell shell;

    @BeforeAll
    static void cluster() throws Exception {
        SimCluster cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 9);
        shell = new Shell(cluster);
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.CREATE, ResourceTypes.of("v1", "Pod"), "default", "")
                .withBody((ObjectNode) new ObjectMapper().readTree("""
                        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},
                         "spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}""")));
        cluster.clock().settle(cluster::stable, Duration.ofMinutes(5));
        cluster.clock().advance(Duration.ofMinutes(2));
    }

    @Test
    void aPodsEventsOldestFirst() {
        String out = shell.execute("kubectl events --for pod/web").stdout();
        String[] lines = out.split("\n");
        assertEquals("LAST SEEN   TYPE     REASON      OBJECT    MESSAGE", lines[0]);
        assertTrue(lines[1].matches("2m\\d*s?\\s+Normal   Scheduled   Pod/web   Successfully assigned default/web to node0[12]"),
                lines[1]);
        assertTrue(out.contains("   Started     Pod/web   Started container nginx\n"), out);
    }

    @Test
    void filtersAndMessages() {
        assertEquals("No events found in default namespace.\n", shell.execute("kubectl events --types=Warning").stderr());
        assertEquals("error: valid --types are Normal or Warning\n", shell.execute("kubectl events --types=Bad").stderr());
        assertEquals("error: --for must be in resource/name form\n", shell.execute("kubectl events --for web").stderr());
        assertTrue(shell.execute("kubectl events -A").stdout().startsWith("NAMESPACE   LAST SEEN "));
    }
}
