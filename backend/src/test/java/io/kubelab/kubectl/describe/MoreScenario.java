package io.kubelab.kubectl.describe;

import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiRequest.Verb;
import io.kubelab.apiserver.RequestOptions;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.model.ResourceTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.kubelab.kubectl.describe.DescribeCases.add;
import static io.kubelab.kubectl.describe.DescribeCases.first;
import static io.kubelab.kubectl.describe.DescribeScenario.create;
import static io.kubelab.kubectl.describe.DescribeScenario.parse;

/**
 * The second describe scenario, for the layouts the first one leaves out: init and sidecar containers,
 * every probe kind, envFrom, many volume sources, a terminating pod, an image that cannot be pulled, a
 * rollout stuck half-way, load balancers and external names, an indexed and a failed Job, a suspended
 * CronJob, special secrets, local and NFS volumes, HPA behaviours, default-deny policies.
 */
final class MoreScenario {

    private MoreScenario() {
    }

    static SimCluster build(Instant t0) {
        SimCluster c = SimCluster.create(ClusterSpec.standard(), SimClock.manual(t0), DescribeScenario.SEED);
        create(c, "", """
                {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"quiet","annotations":{"owner":"ops"}}}""");
        // Pods can be created there once the service account controller has made its default account.
        c.clock().advance(Duration.ofSeconds(2));
        create(c, "default", """
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"app-env"},
                 "data":{"LOG_LEVEL":"debug","app.properties":"color=blue\\nsize=large\\n"},"binaryData":{"logo.png":"iVBORw0KGgo="}}""");
        create(c, "default", """
                {"apiVersion":"v1","kind":"Secret","metadata":{"name":"app-secret"},"stringData":{"API_KEY":"abc123"}}""");
        create(c, "default", """
                {"apiVersion":"v1","kind":"Secret","metadata":{"name":"regcred"},"type":"kubernetes.io/dockerconfigjson",
                 "data":{".dockerconfigjson":"eyJhdXRocyI6e319"}}""");
        create(c, "default", """
                {"apiVersion":"v1","kind":"Secret","metadata":{"name":"build-token",
                  "annotations":{"kubernetes.io/service-account.name":"default"}},"type":"kubernetes.io/service-account-token"}""");
        create(c, "default", """
                {"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"deployer"},
                 "secrets":[{"name":"app-secret"},{"name":"gone"}],"imagePullSecrets":[{"name":"regcred"}]}""");
        create(c, "", """
                {"apiVersion":"scheduling.k8s.io/v1","kind":"PriorityClass","metadata":{"name":"batch-low"},"value":-10,
                 "preemptionPolicy":"Never","globalDefault":false,"description":"batch work that never preempts"}""");
        create(c, "default", """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"full","labels":{"app":"full"},
                  "annotations":{"example.com/note":"a pod with everything"}},
                 "spec":{"priorityClassName":"batch-low","nodeSelector":{"kubernetes.io/os":"linux"},
                  "securityContext":{"seccompProfile":{"type":"RuntimeDefault"}},
                  "tolerations":[{"operator":"Exists"},{"key":"dedicated","operator":"Equal","value":"batch","effect":"NoSchedule"}],
                  "topologySpreadConstraints":[{"maxSkew":1,"topologyKey":"kubernetes.io/hostname","whenUnsatisfiable":"ScheduleAnyway",
                    "labelSelector":{"matchLabels":{"app":"full"}}}],
                  "initContainers":[{"name":"init","image":"busybox:1.36","command":["sh","-c","echo init done"]},
                    {"name":"sidecar","image":"busybox:1.36","restartPolicy":"Always","command":["sh","-c","sleep 3600"]}],
                  "containers":[{"name":"app","image":"nginx:1.27","ports":[{"containerPort":80},{"containerPort":443,"protocol":"TCP"}],
                    "args":["-g","daemon off;\\nworker_processes 2;"],
                    "resources":{"requests":{"cpu":"250m","memory":"128Mi"},"limits":{"cpu":"250m","memory":"128Mi"}},
                    "livenessProbe":{"exec":{"command":["cat","/tmp/healthy"]},"initialDelaySeconds":5,"periodSeconds":5},
                    "readinessProbe":{"tcpSocket":{"port":80},"timeoutSeconds":2},
                    "startupProbe":{"httpGet":{"path":"/healthz","port":"http-alt","scheme":"HTTPS"},"failureThreshold":30},
                    "envFrom":[{"configMapRef":{"name":"app-env"}},{"secretRef":{"name":"app-secret","optional":true},"prefix":"SECRET_"}],
                    "env":[{"name":"MULTI","value":"line one\\nline two"},
                      {"name":"CPU_REQ","valueFrom":{"resourceFieldRef":{"containerName":"app","resource":"requests.cpu","divisor":"1m"}}},
                      {"name":"CPU_LIMIT","valueFrom":{"resourceFieldRef":{"resource":"limits.cpu"}}},
                      {"name":"POD_IP","valueFrom":{"fieldRef":{"fieldPath":"status.podIP"}}},
                      {"name":"APP_LABEL","valueFrom":{"fieldRef":{"fieldPath":"metadata.labels['app']"}}}],
                    "volumeMounts":[{"name":"cache","mountPath":"/cache"},{"name":"conf","mountPath":"/etc/app/app.properties","subPath":"app.properties"},
                      {"name":"creds","mountPath":"/etc/creds","readOnly":true},{"name":"info","mountPath":"/etc/podinfo"},
                      {"name":"host","mountPath":"/host/etc","readOnly":true},{"name":"all","mountPath":"/projected"}]}],
                  "volumes":[{"name":"cache","emptyDir":{"medium":"Memory","sizeLimit":"64Mi"}},
                    {"name":"conf","configMap":{"name":"app-env","optional":true}},
                    {"name":"creds","secret":{"secretName":"app-secret","defaultMode":256}},
                    {"name":"info","downwardAPI":{"items":[{"path":"labels","fieldRef":{"fieldPath":"metadata.labels"}},
                      {"path":"cpu","resourceFieldRef":{"containerName":"app","resource":"limits.cpu"}}]}},
                    {"name":"host","hostPath":{"path":"/etc","type":"Directory"}},
                    {"name":"all","projected":{"sources":[{"secret":{"name":"app-secret"}},{"configMap":{"name":"app-env"}}]}},
                    {"name":"scratch","ephemeral":{"volumeClaimTemplate":{"metadata":{"labels":{"type":"scratch"}},
                      "spec":{"accessModes":["ReadWriteOnce"],"storageClassName":"standard","resources":{"requests":{"storage":"1Gi"}}}}}}]}}""");
        create(c, "default", """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"badimage"},
                 "spec":{"containers":[{"name":"app","image":"nginx:doesnotexist"}]}}""");
        create(c, "default", """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"leaving","finalizers":["example.com/hold"]},
                 "spec":{"terminationGracePeriodSeconds":600,"containers":[{"name":"app","image":"busybox:1.36","command":["sh","-c","sleep 3600"]}]}}""");
        create(c, "default", """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"withinit"},
                 "spec":{"initContainers":[{"name":"setup","image":"busybox:1.36","command":["sh","-c","echo ready > /work/flag"],
                    "volumeMounts":[{"name":"work","mountPath":"/work"}]},
                   {"name":"proxy","image":"nginx:1.27","restartPolicy":"Always","ports":[{"containerPort":8080,"hostPort":8080}]}],
                  "containers":[{"name":"main","image":"busybox:1.36","command":["sh","-c","sleep 3600"],
                    "volumeMounts":[{"name":"work","mountPath":"/work","subPath":"app"}]}],
                  "volumes":[{"name":"work","emptyDir":{}}]}}""");
        create(c, "default", """
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"api"},
                 "spec":{"replicas":2,"revisionHistoryLimit":5,"strategy":{"rollingUpdate":{"maxSurge":1,"maxUnavailable":0}},
                  "selector":{"matchLabels":{"app":"api"}},
                  "template":{"metadata":{"labels":{"app":"api"},"annotations":{"example.com/build":"17"}},
                   "spec":{"containers":[{"name":"api","image":"nginx:1.26"}]}}}}""");
        create(c, "default", """
                {"apiVersion":"v1","kind":"Service","metadata":{"name":"api-lb"},
                 "spec":{"type":"LoadBalancer","externalTrafficPolicy":"Local","selector":{"app":"api"},
                  "sessionAffinity":"ClientIP","loadBalancerSourceRanges":["10.0.0.0/8"],
                  "ports":[{"name":"http","port":80,"targetPort":80},{"name":"https","port":443,"targetPort":443,"appProtocol":"https"}]}}""");
        create(c, "default", """
                {"apiVersion":"v1","kind":"Service","metadata":{"name":"search"},
                 "spec":{"type":"ExternalName","externalName":"search.example.com"}}""");
        create(c, "default", """
                {"apiVersion":"v1","kind":"Service","metadata":{"name":"legacy"},
                 "spec":{"externalIPs":["192.0.2.10"],"ports":[{"port":8080}]}}""");
        create(c, "default", """
                {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"indexed"},
                 "spec":{"completions":3,"parallelism":3,"completionMode":"Indexed","activeDeadlineSeconds":600,"ttlSecondsAfterFinished":3600,
                  "template":{"spec":{"restartPolicy":"Never","containers":[{"name":"work","image":"busybox:1.36","command":["sh","-c","echo $JOB_COMPLETION_INDEX"]}]}}}}""");
        create(c, "default", """
                {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"doomed"},
                 "spec":{"backoffLimit":0,"template":{"spec":{"restartPolicy":"Never",
                  "containers":[{"name":"fail","image":"busybox:1.36","command":["sh","-c","exit 3"]}]}}}}""");
        create(c, "default", """
                {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"nightly"},
                 "spec":{"schedule":"0 2 * * *","timeZone":"Europe/Paris","suspend":true,"concurrencyPolicy":"Forbid",
                  "startingDeadlineSeconds":300,"successfulJobsHistoryLimit":1,"failedJobsHistoryLimit":2,
                  "jobTemplate":{"spec":{"completions":2,"parallelism":1,"activeDeadlineSeconds":120,
                   "template":{"spec":{"restartPolicy":"Never","containers":[{"name":"backup","image":"busybox:1.36","command":["sh","-c","echo backup"]}]}}}}}}""");
        create(c, "default", """
                {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"cache"},
                 "spec":{"serviceName":"cache","replicas":2,"podManagementPolicy":"Parallel",
                  "updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":1}},
                  "selector":{"matchLabels":{"app":"cache"}},"template":{"metadata":{"labels":{"app":"cache"}},
                   "spec":{"containers":[{"name":"redis","image":"redis:7"}]}}}}""");
        create(c, "", """
                {"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"local-pv","labels":{"type":"local"}},
                 "spec":{"capacity":{"storage":"5Gi"},"volumeMode":"Filesystem","accessModes":["ReadWriteOnce"],
                  "persistentVolumeReclaimPolicy":"Delete","storageClassName":"local-storage","local":{"path":"/mnt/disks/ssd1"},
                  "nodeAffinity":{"required":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"kubernetes.io/hostname","operator":"In","values":["node01"]}]}]}}}}""");
        create(c, "", """
                {"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"nfs-pv"},
                 "spec":{"capacity":{"storage":"10Gi"},"accessModes":["ReadWriteMany","ReadOnlyMany"],"mountOptions":["nfsvers=4.1"],
                  "nfs":{"server":"10.0.0.5","path":"/exports/data","readOnly":false}}}""");
        create(c, "", """
                {"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","metadata":{"name":"fast"},
                 "provisioner":"example.com/ssd","parameters":{"type":"ssd","zone":"a"},"allowVolumeExpansion":true,
                 "mountOptions":["noatime","discard"],"reclaimPolicy":"Retain","volumeBindingMode":"Immediate",
                 "allowedTopologies":[{"matchLabelExpressions":[{"key":"topology.kubernetes.io/zone","values":["zone-a","zone-b"]}]}]}""");
        create(c, "default", """
                {"apiVersion":"autoscaling/v2","kind":"HorizontalPodAutoscaler","metadata":{"name":"api"},
                 "spec":{"scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"api"},"maxReplicas":10,
                  "metrics":[{"type":"Resource","resource":{"name":"memory","target":{"type":"AverageValue","averageValue":"100Mi"}}},
                   {"type":"Pods","pods":{"metric":{"name":"requests_per_second"},"target":{"type":"AverageValue","averageValue":"10"}}}],
                  "behavior":{"scaleDown":{"stabilizationWindowSeconds":60,"selectPolicy":"Min",
                    "policies":[{"type":"Percent","value":50,"periodSeconds":60},{"type":"Pods","value":2,"periodSeconds":30}]}}}}""");
        create(c, "default", """
                {"apiVersion":"policy/v1","kind":"PodDisruptionBudget","metadata":{"name":"api"},
                 "spec":{"maxUnavailable":"50%","selector":{"matchLabels":{"app":"api"}}}}""");
        create(c, "default", """
                {"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"deny-all"},
                 "spec":{"podSelector":{},"policyTypes":["Ingress"]}}""");
        create(c, "default", """
                {"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"ranges"},
                 "spec":{"podSelector":{"matchExpressions":[{"key":"app","operator":"In","values":["api","full"]}]},"policyTypes":["Egress"],
                  "egress":[{"ports":[{"protocol":"TCP","port":32000,"endPort":32768}]},
                   {"to":[{"namespaceSelector":{"matchLabels":{"team":"a"}},"podSelector":{"matchLabels":{"role":"db"}}}],"ports":[{"port":5432}]}]}}""");
        create(c, "", """
                {"apiVersion":"networking.k8s.io/v1","kind":"IngressClass","metadata":{"name":"nginx",
                  "annotations":{"ingressclass.kubernetes.io/is-default-class":"true"}},
                 "spec":{"controller":"k8s.io/ingress-nginx","parameters":{"apiGroup":"k8s.example.com","kind":"IngressParameters","name":"external"}}}""");
        create(c, "default", """
                {"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"catchall"},
                 "spec":{"defaultBackend":{"service":{"name":"api-lb","port":{"name":"http"}}}}}""");
        create(c, "default", """
                {"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"static"},
                 "spec":{"tls":[{"hosts":["a.example.com","b.example.com"]}],"rules":[{"http":{"paths":[
                   {"path":"/assets","pathType":"Prefix","backend":{"resource":{"apiGroup":"k8s.example.com","kind":"StorageBucket","name":"assets"}}},
                   {"path":"/missing","pathType":"Exact","backend":{"service":{"name":"nowhere","port":{"number":8080}}}}]}}]}}""");
        create(c, "", """
                {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"ops","labels":{"team":"ops"}},
                 "rules":[{"nonResourceURLs":["/healthz","/metrics"],"verbs":["get"]},
                  {"apiGroups":["","apps"],"resources":["pods","deployments/scale"],"verbs":["get","update"]},
                  {"apiGroups":["*"],"resources":["*"],"resourceNames":["a","b"],"verbs":["delete"]}]}""");
        create(c, "quiet", """
                {"apiVersion":"v1","kind":"ResourceQuota","metadata":{"name":"best-effort"},
                 "spec":{"hard":{"pods":"5"},"scopes":["BestEffort","NotTerminating"]}}""");
        create(c, "quiet", """
                {"apiVersion":"v1","kind":"ResourceQuota","metadata":{"name":"compute"},
                 "spec":{"hard":{"requests.cpu":"500m","limits.memory":"1Gi","persistentvolumeclaims":"2"}}}""");
        create(c, "quiet", """
                {"apiVersion":"v1","kind":"LimitRange","metadata":{"name":"ranges"},
                 "spec":{"limits":[{"type":"Pod","max":{"cpu":"2"}},{"type":"Container","min":{"cpu":"50m"}},
                   {"type":"PersistentVolumeClaim","max":{"storage":"5Gi"}},{"type":"Container","maxLimitRequestRatio":{"memory":"2"}}]}}""");
        create(c, "quiet", """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"idle"},
                 "spec":{"containers":[{"name":"idle","image":"busybox:1.36","command":["sleep","3600"],
                   "resources":{"requests":{"cpu":"100m"},"limits":{"cpu":"200m","memory":"64Mi"}}}]}}""");
        DescribeScenario.settle(c);
        // A rollout to an image that does not exist stops half-way, keeping the old ReplicaSet.
        c.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.PATCH, ResourceTypes.of("apps/v1", "Deployment"), "default", "api")
                .withPatch(ApiRequest.PatchType.STRATEGIC,
                        parse("{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"api\",\"image\":\"nginx:9.99\"}]}}}}")));
        c.api().handle(ApiRequest.of(UserInfo.ADMIN, Verb.DELETE, ResourceTypes.of("v1", "Pod"), "default", "leaving")
                .withOptions(RequestOptions.DEFAULT.withGracePeriod(600)));
        c.clock().advance(Duration.ofMinutes(2));
        return c;
    }

    static List<DescribeCases.Case> cases(SimCluster c) {
        List<DescribeCases.Case> cases = new ArrayList<>();
        add(cases, "pod", "default", "full", "pod-full.txt");
        add(cases, "pod", "default", "badimage", "pod-imagepull.txt");
        add(cases, "pod", "default", "leaving", "pod-terminating.txt");
        add(cases, "pod", "default", "withinit", "pod-init-containers.txt");
        add(cases, "pod", "default", first(c, "v1", "Pod", "default", o -> DescribeCases.name(o).startsWith("doomed-")), "pod-failed.txt");
        add(cases, "pod", "quiet", "idle", "pod-limited.txt");
        add(cases, "deployment", "default", "api", "deployment-rollout.txt");
        add(cases, "service", "default", "api-lb", "service-loadbalancer.txt");
        add(cases, "service", "default", "search", "service-externalname.txt");
        add(cases, "service", "default", "legacy", "service-externalips.txt");
        add(cases, "job", "default", "indexed", "job-indexed.txt");
        add(cases, "job", "default", "doomed", "job-failed.txt");
        add(cases, "cronjob", "default", "nightly", "cronjob-suspended.txt");
        add(cases, "statefulset", "default", "cache", "statefulset-partition.txt");
        add(cases, "pv", "", "local-pv", "persistentvolume-local.txt");
        add(cases, "pv", "", "nfs-pv", "persistentvolume-nfs.txt");
        add(cases, "storageclass", "", "fast", "storageclass-topologies.txt");
        add(cases, "hpa", "default", "api", "horizontalpodautoscaler-behavior.txt");
        add(cases, "pdb", "default", "api", "poddisruptionbudget-percent.txt");
        add(cases, "networkpolicy", "default", "deny-all", "networkpolicy-deny.txt");
        add(cases, "networkpolicy", "default", "ranges", "networkpolicy-ranges.txt");
        add(cases, "ingressclass", "", "nginx", "ingressclass.txt");
        add(cases, "ingress", "default", "catchall", "ingress-default-backend.txt");
        add(cases, "ingress", "default", "static", "ingress-resource.txt");
        add(cases, "clusterrole", "", "ops", "clusterrole-urls.txt");
        add(cases, "clusterrole", "", "admin", "clusterrole-admin.txt");
        add(cases, "namespace", "", "quiet", "namespace-scopes.txt");
        add(cases, "quota", "quiet", "best-effort", "resourcequota-scopes.txt");
        add(cases, "quota", "quiet", "compute", "resourcequota-compute.txt");
        add(cases, "limitrange", "quiet", "ranges", "limitrange-types.txt");
        add(cases, "configmap", "default", "app-env", "configmap-binary.txt");
        add(cases, "secret", "default", "regcred", "secret-dockerconfig.txt");
        add(cases, "secret", "default", "build-token", "secret-token.txt");
        add(cases, "serviceaccount", "default", "deployer", "serviceaccount-secrets.txt");
        add(cases, "priorityclass", "", "batch-low", "priorityclass-never.txt");
        add(cases, "node", "", "node01", "node01.txt");
        add(cases, "endpoints", "default", "api-lb", "endpoints-ports.txt");
        return cases;
    }
}
