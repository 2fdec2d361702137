package io.kubelab.kubectl.describe;

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
 * The cluster the describe golden files were taken from: a 3-replica nginx Deployment behind a Service
 * and an Ingress, a crash-looping pod, an unschedulable pod, a Job, a CronJob, a DaemonSet, a StatefulSet
 * with a claim template, a bound hostPath volume, a cordoned node, configuration, an HPA, a PDB, RBAC, and
 * a namespace with a quota and a limit range. The same start instant and seed give the same objects, so
 * the golden test rebuilds it exactly as the oracle dump saw it.
 */
final class DescribeScenario {

    static final ObjectMapper JSON = new ObjectMapper();
    static final long SEED = 42;

    private DescribeScenario() {
    }

    static SimCluster build(Instant t0) {
        SimCluster cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(t0), SEED);
        create(cluster, "", """
                {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team","labels":{"env":"dev"}}}""");
        create(cluster, "team", """
                {"apiVersion":"v1","kind":"ResourceQuota","metadata":{"name":"team-quota"},
                 "spec":{"hard":{"pods":"10","requests.cpu":"2","requests.memory":"2Gi","limits.memory":"4Gi"}}}""");
        create(cluster, "team", """
                {"apiVersion":"v1","kind":"LimitRange","metadata":{"name":"team-limits"},
                 "spec":{"limits":[{"type":"Container","default":{"memory":"256Mi"},"defaultRequest":{"memory":"128Mi"},
                   "max":{"memory":"1Gi"}}]}}""");
        create(cluster, "default", """
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"web-config","labels":{"app":"web"}},
                 "data":{"index.html":"<h1>hello</h1>","mode":"production"}}""");
        create(cluster, "default", """
                {"apiVersion":"v1","kind":"Secret","metadata":{"name":"web-secret"},"type":"Opaque",
                 "data":{"password":"czNjcjN0","user":"YWRtaW4="}}""");
        create(cluster, "default", """
                {"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"builder"},
                 "imagePullSecrets":[{"name":"registry-cred"}]}""");
        create(cluster, "default", """
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},
                 "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},
                  "template":{"metadata":{"labels":{"app":"web","tier":"frontend"}},
                   "spec":{"containers":[{"name":"nginx","image":"nginx:1.27","ports":[{"containerPort":80,"name":"http"}],
                     "resources":{"requests":{"cpu":"100m","memory":"64Mi"},"limits":{"memory":"128Mi"}},
                     "readinessProbe":{"httpGet":{"path":"/","port":80}},
                     "env":[{"name":"MODE","valueFrom":{"configMapKeyRef":{"name":"web-config","key":"mode"}}},
                            {"name":"PASSWORD","valueFrom":{"secretKeyRef":{"name":"web-secret","key":"password"}}},
                            {"name":"POD_NAME","valueFrom":{"fieldRef":{"fieldPath":"metadata.name"}}},
                            {"name":"MEMORY_LIMIT","valueFrom":{"resourceFieldRef":{"resource":"limits.memory"}}},
                            {"name":"GREETING","value":"hello"}],
                     "volumeMounts":[{"name":"html","mountPath":"/usr/share/nginx/html","readOnly":true}]}],
                    "volumes":[{"name":"html","configMap":{"name":"web-config"}}]}}}}""");
        create(cluster, "default", """
                {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","labels":{"app":"web"}},
                 "spec":{"selector":{"app":"web"},"ports":[{"name":"http","port":80,"targetPort":"http"}]}}""");
        create(cluster, "default", """
                {"apiVersion":"v1","kind":"Service","metadata":{"name":"web-np"},
                 "spec":{"type":"NodePort","selector":{"app":"web"},"ports":[{"port":8080,"targetPort":80,"nodePort":30080}]}}""");
        create(cluster, "default", """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"crasher","labels":{"run":"crasher"}},
                 "spec":{"containers":[{"name":"crasher","image":"busybox:1.36","command":["sh","-c","echo starting; exit 1"]}]}}""");
        create(cluster, "default", """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"hungry"},
                 "spec":{"containers":[{"name":"app","image":"nginx","resources":{"requests":{"cpu":"64"}}}]}}""");
        create(cluster, "default", """
                {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"pi"},
                 "spec":{"template":{"spec":{"restartPolicy":"Never",
                   "containers":[{"name":"pi","image":"busybox:1.36","command":["sh","-c","echo 3.14159"]}]}}}}""");
        create(cluster, "default", """
                {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"tick"},
                 "spec":{"schedule":"*/1 * * * *","jobTemplate":{"spec":{"template":{"spec":{"restartPolicy":"OnFailure",
                   "containers":[{"name":"tick","image":"busybox:1.36","command":["date"]}]}}}}}}""");
        create(cluster, "default", """
                {"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"logger"},
                 "spec":{"selector":{"matchLabels":{"app":"logger"}},"template":{"metadata":{"labels":{"app":"logger"}},
                   "spec":{"tolerations":[{"key":"node-role.kubernetes.io/control-plane","operator":"Exists","effect":"NoSchedule"}],
                    "containers":[{"name":"logger","image":"busybox:1.36","command":["sh","-c","sleep 3600"],
                     "volumeMounts":[{"name":"varlog","mountPath":"/var/log"}]}],
                    "volumes":[{"name":"varlog","hostPath":{"path":"/var/log"}}]}}}}""");
        create(cluster, "default", """
                {"apiVersion":"v1","kind":"Service","metadata":{"name":"db"},
                 "spec":{"clusterIP":"None","selector":{"app":"db"},"ports":[{"port":5432}]}}""");
        create(cluster, "default", """
                {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"db"},
                 "spec":{"serviceName":"db","replicas":1,"selector":{"matchLabels":{"app":"db"}},
                  "template":{"metadata":{"labels":{"app":"db"}},"spec":{"containers":[{"name":"postgres","image":"postgres:16",
                    "env":[{"name":"POSTGRES_PASSWORD","value":"secret"}],
                    "volumeMounts":[{"name":"data","mountPath":"/var/lib/postgresql/data"}]}]}},
                  "volumeClaimTemplates":[{"metadata":{"name":"data"},
                    "spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}]}}""");
        create(cluster, "", """
                {"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"pv-shared"},
                 "spec":{"capacity":{"storage":"2Gi"},"accessModes":["ReadWriteMany"],"persistentVolumeReclaimPolicy":"Retain",
                  "storageClassName":"manual","hostPath":{"path":"/mnt/shared"}}}""");
        create(cluster, "default", """
                {"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"shared"},
                 "spec":{"storageClassName":"manual","accessModes":["ReadWriteMany"],"resources":{"requests":{"storage":"1Gi"}}}}""");
        create(cluster, "default", """
                {"apiVersion":"autoscaling/v2","kind":"HorizontalPodAutoscaler","metadata":{"name":"web"},
                 "spec":{"scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"web"},"minReplicas":3,"maxReplicas":6,
                  "metrics":[{"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization","averageUtilization":50}}}]}}""");
        create(cluster, "default", """
                {"apiVersion":"policy/v1","kind":"PodDisruptionBudget","metadata":{"name":"web"},
                 "spec":{"minAvailable":2,"selector":{"matchLabels":{"app":"web"}}}}""");
        create(cluster, "default", """
                {"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"web"},
                 "spec":{"ingressClassName":"nginx","tls":[{"hosts":["web.example.com"],"secretName":"web-tls"}],
                  "rules":[{"host":"web.example.com","http":{"paths":[{"path":"/","pathType":"Prefix",
                    "backend":{"service":{"name":"web","port":{"number":80}}}}]}}]}}""");
        create(cluster, "default", """
                {"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"web-allow"},
                 "spec":{"podSelector":{"matchLabels":{"app":"web"}},"policyTypes":["Ingress","Egress"],
                  "ingress":[{"from":[{"podSelector":{"matchLabels":{"role":"client"}}},{"ipBlock":{"cidr":"10.0.0.0/8","except":["10.1.0.0/16"]}}],
                    "ports":[{"protocol":"TCP","port":80}]}],
                  "egress":[{"to":[{"namespaceSelector":{"matchLabels":{"env":"dev"}}}]}]}}""");
        create(cluster, "", """
                {"apiVersion":"scheduling.k8s.io/v1","kind":"PriorityClass","metadata":{"name":"high"},"value":1000,
                 "description":"for the important pods"}""");
        create(cluster, "default", """
                {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role","metadata":{"name":"pod-reader"},
                 "rules":[{"apiGroups":[""],"resources":["pods","pods/log"],"verbs":["get","list","watch"]},
                          {"apiGroups":["apps"],"resources":["deployments"],"resourceNames":["web"],"verbs":["get","patch"]}]}""");
        create(cluster, "default", """
                {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"read-pods"},
                 "subjects":[{"kind":"User","name":"jane","apiGroup":"rbac.authorization.k8s.io"},
                             {"kind":"ServiceAccount","name":"builder","namespace":"default"}],
                 "roleRef":{"kind":"Role","name":"pod-reader","apiGroup":"rbac.authorization.k8s.io"}}""");
        settle(cluster);
        // Cordon node02 once the workloads run there, as a student does before maintenance.
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.PATCH, ResourceTypes.of("v1", "Node"), "", "node02")
                .withPatch(ApiRequest.PatchType.STRATEGIC, parse("{\"spec\":{\"unschedulable\":true}}")));
        settle(cluster);
        // Let the CronJob run a few times and the crashing pod back off.
        cluster.clock().advance(Duration.ofMinutes(3));
        return cluster;
    }

    static void settle(SimCluster cluster) {
        cluster.clock().settle(cluster::stable, Duration.ofMinutes(3));
    }

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static void create(SimCluster cluster, String namespace, String json) {
        ObjectNode body = parse(json);
        ResourceType type = ResourceTypes.of(body.path("apiVersion").asText(), body.path("kind").asText());
        cluster.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.CREATE, type, namespace, "").withBody(body));
    }
}
