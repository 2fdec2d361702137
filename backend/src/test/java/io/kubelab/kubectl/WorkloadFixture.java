package io.kubelab.kubectl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.model.ResourceTypes;
import io.kubelab.shell.Shell;

import java.time.Duration;
import java.time.Instant;

/**
 * A settled cluster for the verbs that reach into containers (exec, logs): in {@code default}, pod {@code web}
 * (nginx), pod {@code two} (containers {@code app}, nginx, and {@code side}, busybox printing {@code side up}),
 * and Deployment {@code api} (2 httpd replicas labelled {@code app=api}).
 */
public final class WorkloadFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WorkloadFixture() {
    }

    /** A new cluster with those workloads Running, and a shell on it. */
    public static Shell shell() throws Exception {
        SimCluster cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 7);
        create(cluster, "v1", "Pod", """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},
                 "spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}""");
        create(cluster, "v1", "Pod", """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"two"},
                 "spec":{"containers":[{"name":"app","image":"nginx:1.27"},
                                       {"name":"side","image":"busybox:1.36","command":["sh","-c","echo side up; sleep 3600"]}]}}""");
        create(cluster, "apps/v1", "Deployment", """
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"api"},
                 "spec":{"replicas":2,"selector":{"matchLabels":{"app":"api"}},
                  "template":{"metadata":{"labels":{"app":"api"}},
                   "spec":{"containers":[{"name":"httpd","image":"httpd:2.4"}]}}}}""");
        cluster.clock().settle(cluster::stable, Duration.ofMinutes(5));
        return new Shell(cluster);
    }

    private static void create(SimCluster cluster, String apiVersion, String kind, String json) throws Exception {
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, ApiRequest.Verb.CREATE, ResourceTypes.of(apiVersion, kind),
                "default", "").withBody((ObjectNode) JSON.readTree(json)));
    }
}
