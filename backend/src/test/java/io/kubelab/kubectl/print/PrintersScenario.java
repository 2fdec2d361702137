package io.kubelab.kubectl.print;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * One settled sandbox with something of every everyday kind, shared by the printer tests: a deployment of
 * three nginx, a service of each type, a job, a cronjob, a crashing pod, a pod that cannot pull its image,
 * a pending pod, a pod slow to terminate, a cordoned node whose kubelet stopped, a configmap, a secret, a quota, an ingress, a network policy, a role
 * binding, an HPA and the events all that recorded.
 */
public final class PrintersScenario {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

    private static SimCluster cluster;

    private PrintersScenario() {
    }

    public static synchronized SimCluster cluster() {
        if (cluster == null) {
            cluster = build();
        }
        return cluster;
    }

    private static SimCluster build() {
        SimCluster c = SimCluster.create(ClusterSpec.standard().withMetricsServer(true), SimClock.manual(START), 42);
        c.clock().advance(Duration.ofMinutes(30));
        create(c, "apps/v1", "Deployment", """
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web","tier":"frontend"}},
                 "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},
                 "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}""");
        create(c, "v1", "Service", """
                {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","labels":{"app":"web"}},
                 "spec":{"selector":{"app":"web"},"ports":[{"port":80,"targetPort":80}]}}""");
        create(c, "v1", "Service", """
                {"apiVersion":"v1","kind":"Service","metadata":{"name":"web-np"},
                 "spec":{"type":"NodePort","selector":{"app":"web"},"ports":[{"port":80,"targetPort":80,"nodePort":30080}]}}""");
        create(c, "v1", "Service", """
                {"apiVersion":"v1","kind":"Service","metadata":{"name":"web-lb"},
                 "spec":{"type":"LoadBalancer","selector":{"app":"web"},"ports":[{"name":"http","port":80},{"name":"https","port":443}]}}""");
        create(c, "v1", "Service", """
                {"apiVersion":"v1","kind":"Service","metadata":{"name":"docs"},
                 "spec":{"type":"ExternalName","externalName":"kubernetes.io"}}""");
        create(c, "batch/v1", "Job", """
                {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"hello"},
                 "spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"hello","image":"busybox:1.36","command":["sh","-c","echo hello"]}]}}}}""");
        create(c, "batch/v1", "CronJob", """
                {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"tick"},
                 "spec":{"schedule":"*/5 * * * *","jobTemplate":{"spec":{"template":{"spec":{"restartPolicy":"OnFailure",
                 "containers":[{"name":"tick","image":"busybox:1.36","command":["date"]}]}}}}}}""");
        create(c, "v1", "Pod", """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"crasher","labels":{"run":"crasher"}},
                 "spec":{"containers":[{"name":"crasher","image":"busybox:1.36","command":["sh","-c","exit 1"]}]}}""");
        create(c, "v1", "Pod", """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"badimage","labels":{"run":"badimage"}},
                 "spec":{"containers":[{"name":"app","image":"nginx:no-such-tag"}]}}""");
        create(c, "v1", "Pod", """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"pending"},
                 "spec":{"nodeSelector":{"disktype":"ssd"},"containers":[{"name":"app","image":"nginx"}]}}""");
        create(c, "v1", "Pod", """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"with-init","labels":{"run":"with-init"}},
                 "spec":{"initContainers":[{"name":"wait","image":"busybox:1.36","command":["sh","-c","sleep 3600"]}],
                 "containers":[{"name":"app","image":"nginx"}]}}""");
        create(c, "v1", "ConfigMap", """
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings"},"data":{"a":"1","b":"2"}}""");
        create(c, "v1", "Secret", """
                {"apiVersion":"v1","kind":"Secret","metadata":{"name":"token"},"data":{"user":"YWRtaW4=","pass":"eA=="}}""");
        create(c, "v1", "ResourceQuota", """
                {"apiVersion":"v1","kind":"ResourceQuota","metadata":{"name":"quota"},
                 "spec":{"hard":{"pods":"20","configmaps":"10","services":"8"}}}""");
        create(c, "networking.k8s.io/v1", "Ingress", """
                {"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"web"},
                 "spec":{"rules":[{"host":"web.example.com","http":{"paths":[{"path":"/","pathType":"Prefix",
                 "backend":{"service":{"name":"web","port":{"number":80}}}}]}}]}}""");
        create(c, "networking.k8s.io/v1", "NetworkPolicy", """
                {"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"deny-all"},
                 "spec":{"podSelector":{},"policyTypes":["Ingress"]}}""");
        create(c, "rbac.authorization.k8s.io/v1", "RoleBinding", """
                {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"viewers"},
                 "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"view"},
                 "subjects":[{"kind":"User","name":"jane","apiGroup":"rbac.authorization.k8s.io"},
                 {"kind":"ServiceAccount","name":"default","namespace":"default"}]}""");
        create(c, "autoscaling/v2", "HorizontalPodAutoscaler", """
                {"apiVersion":"autoscaling/v2","kind":"HorizontalPodAutoscaler","metadata":{"name":"web"},
                 "spec":{"scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"web"},"minReplicas":1,
                 "maxReplicas":5,"metrics":[{"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization","averageUtilization":80}}}]}}""");
        create(c, "rbac.authorization.k8s.io/v1", "Role", """
                {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role","metadata":{"name":"pod-reader"},
                 "rules":[{"apiGroups":[""],"resources":["pods"],"verbs":["get","list"]}]}""");
        create(c, "v1", "PersistentVolumeClaim", """
                {"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"data"},
                 "spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}""");
        create(c, "v1", "Pod", """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"sidecar"},
                 "spec":{"initContainers":[{"name":"log","image":"busybox:1.36","restartPolicy":"Always",
                 "command":["sh","-c","sleep 3600"]}],"containers":[{"name":"app","image":"nginx"}]}}""");
        create(c, "v1", "Pod", """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"gated"},
                 "spec":{"readinessGates":[{"conditionType":"example.com/ready"}],"containers":[{"name":"app","image":"nginx"}]}}""");
        create(c, "v1", "Pod", """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"once"},
                 "spec":{"restartPolicy":"Never","containers":[{"name":"once","image":"busybox:1.36","command":["sh","-c","exit 3"]}]}}""");
        create(c, "apps/v1", "StatefulSet", """
                {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"db"},
                 "spec":{"replicas":2,"serviceName":"db","selector":{"matchLabels":{"app":"db"}},
                 "template":{"metadata":{"labels":{"app":"db"}},"spec":{"containers":[{"name":"db","image":"redis:7"}]}}}}""");
        create(c, "v1", "Pod", """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"stubborn"},
                 "spec":{"terminationGracePeriodSeconds":3600,"containers":[{"name":"app","image":"busybox:1.36",
                 "command":["sh","-c","trap '' TERM; sleep 86400"]}]}}""");
        create(c, "v1", "Pod", """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"leaving","finalizers":["example.com/hold"]},
                 "spec":{"containers":[{"name":"app","image":"nginx"}]}}""");
        patch(c, "v1", "Node", "", "node02", "{\"spec\":{\"unschedulable\":true}}");
        c.clock().settle(c::stable, Duration.ofMinutes(5));
        c.clock().advance(Duration.ofMinutes(7));
        c.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.DELETE, ResourceTypes.of("v1", "Pod"), "default", "leaving"));
        c.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.DELETE, ResourceTypes.of("v1", "Pod"), "default", "stubborn"));
        c.stop("kubelet/node02");
        c.clock().advance(Duration.ofMinutes(1));
        c.clock().advance(Duration.ofSeconds(5));
        return c;
    }

    static ResourceType type(String apiVersion, String kind) {
        return ResourceTypes.of(apiVersion, kind);
    }

    /** A LIST through the API server, as kubectl's request would get it (namespace "" = all namespaces). */
    public static ObjectNode list(ResourceType type, String namespace) {
        return cluster().api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.LIST, type,
                type.namespaced() ? namespace : "", "")).body();
    }

    public static Instant now() {
        return cluster().clock().now();
    }

    private static void create(SimCluster c, String apiVersion, String kind, String json) {
        ResourceType type = ResourceTypes.of(apiVersion, kind);
        try {
            c.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, type, type.namespaced() ? "default" : "", "")
                    .withBody(JSON.readTree(json)));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void patch(SimCluster c, String apiVersion, String kind, String ns, String name, String json) {
        try {
            c.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.PATCH, ResourceTypes.of(apiVersion, kind), ns, name)
                    .withPatch(ApiRequest.PatchType.MERGE, JSON.readTree(json)));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
