package io.kubelab.controller.endpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.model.ResourceTypes;
import org.junit.jupiter.api.BeforeEach;
import java.time.Duration;
import java.time.Instant;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cluster whose kubelets and scheduler the endpoint tests play themselves: they place pods and write
 * their status (IP, readiness) by hand, then read what the endpoint controllers made of it.
 */
public class PlayedPodsCluster {

    protected static final ObjectMapper JSON = new ObjectMapper();
    protected SimCluster cluster;

    @BeforeEach
    protected void setUp() {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 5);
        // The test writes pod status itself, as the kubelets would.
        io.kubelab.cluster.PlayedComponents.kubeletsPlayedByTest(cluster);
        cluster.stop("scheduler");
        settle();
    }

    protected void settle() {
        assertTrue(cluster.clock().settle(cluster::stable, Duration.ofMinutes(1)).stable());
    }

    protected ObjectNode call(ApiRequest request) {
        return cluster.api().handle(request).body();
    }

    protected ObjectNode create(String kind, String json) throws Exception {
        return call(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, ResourceTypes.of("v1", kind), "default", "")
                .withBody(JSON.readTree(json)));
    }
}
