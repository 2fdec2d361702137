package io.kubelab.k8sapi;

import io.kubelab.shell.CommandResult;

/**
 * A cluster with one of nearly everything a student meets, applied through our terminal and settled: workloads
 * of every controller kind, services of every type, config, storage, policy, RBAC, a pod that cannot pull its
 * image and one too big for any node, across three namespaces with labels to select on.
 */
final class RealisticCluster {

    static final String NAMESPACES = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop, labels: {team: sales, env: prod}}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: data, labels: {team: storage}}
            """;

    static final String OBJECTS = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, labels: {app: web, tier: frontend}}
            spec:
              replicas: 3
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web, tier: frontend}}
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.27
                    ports: [{containerPort: 80}]
                    resources: {requests: {cpu: 100m, memory: 64Mi}}
                  - name: sidecar
                    image: busybox:1.36
                    command: [sh, -c, "while true; do echo tick; sleep 10; done"]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: shop, labels: {app: api, tier: backend}}
            spec:
              replicas: 2
              selector: {matchLabels: {app: api}}
              template:
                metadata: {labels: {app: api, tier: backend}}
                spec:
                  serviceAccountName: robot
                  containers:
                  - {name: api, image: "httpd:2.4", ports: [{containerPort: 8080}]}
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: robot, namespace: shop}
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db, namespace: data, labels: {app: db}}
            spec:
              serviceName: db
              replicas: 2
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers:
                  - {name: redis, image: "redis:7", ports: [{containerPort: 6379}]}
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent, namespace: shop, labels: {app: agent}}
            spec:
              selector: {matchLabels: {app: agent}}
              template:
                metadata: {labels: {app: agent}}
                spec:
                  containers:
                  - {name: agent, image: "busybox:1.36", command: [sleep, "36000"]}
            ---
            apiVersion: batch/v1
            kind: Job
            metadata: {name: once, labels: {app: once}}
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - {name: hello, image: "busybox:1.36", command: [echo, hello]}
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: nightly, namespace: shop}
            spec:
              schedule: "0 2 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers:
                      - {name: report, image: "busybox:1.36", command: [date]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, labels: {app: web}}
            spec:
              selector: {app: web}
              ports: [{port: 80, targetPort: 80}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: api, namespace: shop}
            spec:
              type: NodePort
              selector: {app: api}
              ports: [{port: 8080, targetPort: 8080, nodePort: 30080}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: front, namespace: shop}
            spec:
              type: LoadBalancer
              selector: {app: api}
              ports: [{port: 443, targetPort: 8080, name: https}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: search, namespace: shop}
            spec:
              type: ExternalName
              externalName: search.example.com
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: db, namespace: data}
            spec:
              clusterIP: None
              selector: {app: db}
              ports: [{port: 6379}]
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, labels: {app: web}}
            data: {mode: fast, level: "3"}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: creds, namespace: shop}
            type: Opaque
            stringData: {password: s3cret}
            ---
            apiVersion: networking.k8s.io/v1
            kind: IngressClass
            metadata: {name: nginx}
            spec: {controller: k8s.io/ingress-nginx}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web}
            spec:
              ingressClassName: nginx
              rules:
              - host: shop.example.com
                http:
                  paths:
                  - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny-all, namespace: shop}
            spec:
              podSelector: {}
              policyTypes: [Ingress]
            ---
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata: {name: local}
            provisioner: kubernetes.io/no-provisioner
            volumeBindingMode: Immediate
            ---
            apiVersion: v1
            kind: PersistentVolume
            metadata: {name: pv1, labels: {kind: local}}
            spec:
              capacity: {storage: 1Gi}
              accessModes: [ReadWriteOnce]
              storageClassName: local
              hostPath: {path: /data/pv1}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: claim, namespace: data}
            spec:
              accessModes: [ReadWriteOnce]
              storageClassName: local
              resources: {requests: {storage: 1Gi}}
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 2
              maxReplicas: 5
              metrics:
              - type: Resource
                resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec:
              minAvailable: 2
              selector: {matchLabels: {app: web}}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: reader, namespace: shop}
            rules:
            - {apiGroups: [""], resources: [pods, services], verbs: [get, list, watch]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: robot-reads, namespace: shop}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
            subjects:
            - {kind: ServiceAccount, name: robot, namespace: shop}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: node-viewer}
            rules:
            - {apiGroups: [""], resources: [nodes], verbs: [get, list]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: robot-views-nodes}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: node-viewer}
            subjects:
            - {kind: ServiceAccount, name: robot, namespace: shop}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: broken, labels: {app: broken}}
            spec:
              containers:
              - {name: app, image: "nginx:does-not-exist"}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: huge, namespace: data, labels: {app: huge}}
            spec:
              containers:
              - name: app
                image: nginx:1.27
                resources: {requests: {cpu: "64", memory: 1Ti}}
            """;

    private static KubeApiHarness shared;

    private RealisticCluster() {
    }

    /**
     * One harness with this cluster for every test class that reads it (built once per test JVM, closed when
     * it exits): classes compare the real kubectl with our terminal at the same moment, so what one class
     * changes cannot make another's comparison wrong.
     */
    static synchronized KubeApiHarness harness() {
        if (shared == null) {
            KubeApiHarness harness = new KubeApiHarness();
            apply(harness);
            Runtime.getRuntime().addShutdownHook(new Thread(harness::close, "realistic-cluster-close"));
            shared = harness;
        }
        return shared;
    }

    /** Applies the manifest through our terminal and lets the cluster settle (the two odd pods stay unready). */
    static void apply(KubeApiHarness harness) {
        for (String manifest : new String[] {NAMESPACES, OBJECTS}) {
            CommandResult result = harness.terminal("kubectl apply -f - <<'EOF'\n" + manifest + "EOF");
            if (result.exitCode() != 0) {
                throw new IllegalStateException("the realistic cluster did not apply: " + result.stderr());
            }
            // The namespaces' service accounts come from the controller manager before pods may use them.
            harness.advance(java.time.Duration.ofMinutes(3));
        }
    }
}
