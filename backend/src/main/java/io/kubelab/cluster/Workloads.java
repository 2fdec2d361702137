package io.kubelab.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;

/** The kube-proxy DaemonSet and the CoreDNS Deployment of a kubeadm cluster, with their pods. */
final class Workloads {

    static final String PROXY_REVISION_HASH = "7c9b8c6d4f";

    private static final String PROXY_TEMPLATE = """
            {"metadata":{"labels":{"k8s-app":"kube-proxy"}},
             "spec":{"containers":[{"name":"kube-proxy","image":"registry.k8s.io/kube-proxy:${version}",
               "command":["/usr/local/bin/kube-proxy","--config=/var/lib/kube-proxy/config.conf","--hostname-override=$(NODE_NAME)"],
               "env":[{"name":"NODE_NAME","valueFrom":{"fieldRef":{"apiVersion":"v1","fieldPath":"spec.nodeName"}}}],
               "securityContext":{"privileged":true},
               "volumeMounts":[{"mountPath":"/var/lib/kube-proxy","name":"kube-proxy"},
                 {"mountPath":"/run/xtables.lock","name":"xtables-lock"},{"mountPath":"/lib/modules","name":"lib-modules","readOnly":true}]}],
              "hostNetwork":true,"nodeSelector":{"kubernetes.io/os":"linux"},"priorityClassName":"system-node-critical",
              "serviceAccountName":"kube-proxy","tolerations":[{"operator":"Exists"}],
              "volumes":[{"configMap":{"name":"kube-proxy"},"name":"kube-proxy"},
                {"hostPath":{"path":"/run/xtables.lock","type":"FileOrCreate"},"name":"xtables-lock"},
                {"hostPath":{"path":"/lib/modules","type":""},"name":"lib-modules"}]}}
            """;

    private static final String DNS_TEMPLATE = """
            {"metadata":{"labels":{"k8s-app":"kube-dns"}},
             "spec":{"affinity":{"podAntiAffinity":{"preferredDuringSchedulingIgnoredDuringExecution":[{"podAffinityTerm":
                 {"labelSelector":{"matchExpressions":[{"key":"k8s-app","operator":"In","values":["kube-dns"]}]},
                  "topologyKey":"kubernetes.io/hostname"},"weight":100}]}},
               "containers":[{"name":"coredns","image":"registry.k8s.io/coredns/coredns:v1.11.3","args":["-conf","/etc/coredns/Corefile"],
                 "livenessProbe":{"failureThreshold":5,"httpGet":{"path":"/health","port":8080,"scheme":"HTTP"},
                   "initialDelaySeconds":60,"successThreshold":1,"timeoutSeconds":5},
                 "ports":[{"containerPort":53,"name":"dns","protocol":"UDP"},{"containerPort":53,"name":"dns-tcp","protocol":"TCP"},
                   {"containerPort":9153,"name":"metrics","protocol":"TCP"}],
                 "readinessProbe":{"httpGet":{"path":"/ready","port":8181,"scheme":"HTTP"}},
                 "resources":{"limits":{"memory":"170Mi"},"requests":{"cpu":"100m","memory":"70Mi"}},
                 "securityContext":{"allowPrivilegeEscalation":false,"capabilities":{"add":["NET_BIND_SERVICE"],"drop":["ALL"]},
                   "readOnlyRootFilesystem":true},
                 "volumeMounts":[{"mountPath":"/etc/coredns","name":"config-volume","readOnly":true}]}],
               "dnsPolicy":"Default","nodeSelector":{"kubernetes.io/os":"linux"},"priorityClassName":"system-cluster-critical",
               "serviceAccountName":"coredns",
               "tolerations":[{"key":"CriticalAddonsOnly","operator":"Exists"},{"effect":"NoSchedule","key":"node-role.kubernetes.io/control-plane"}],
               "volumes":[{"configMap":{"items":[{"key":"Corefile","path":"Corefile"}],"name":"coredns"},"name":"config-volume"}]}}
            """;

    private final ClusterSpec spec;
    private final String time;

    Workloads(ClusterSpec spec, String time) {
        this.spec = spec;
        this.time = time;
    }

    private static ObjectNode proxyTemplate() {
        return Json.fill(PROXY_TEMPLATE, "version", ClusterSpec.KUBERNETES_VERSION);
    }

    ObjectNode kubeProxyDaemonSet() {
        ObjectNode ds = SystemObjects.object("apps/v1", "DaemonSet", "kube-proxy", "kube-system");
        ds.with("metadata").putObject("labels").put("k8s-app", "kube-proxy");
        ds.with("metadata").putObject("annotations").put("deprecated.daemonset.template.generation", "1");
        ObjectNode dsSpec = ds.putObject("spec");
        dsSpec.putObject("selector").putObject("matchLabels").put("k8s-app", "kube-proxy");
        dsSpec.set("template", proxyTemplate());
        return ds;
    }

    ObjectNode kubeProxyRevision(ObjectNode daemonSet) {
        ObjectNode revision = SystemObjects.object("apps/v1", "ControllerRevision", "kube-proxy-" + PROXY_REVISION_HASH,
                "kube-system");
        ObjectNode metadata = revision.with("metadata");
        metadata.putObject("labels").put("controller-revision-hash", PROXY_REVISION_HASH).put("k8s-app", "kube-proxy");
        metadata.putArray("ownerReferences").add(owner(daemonSet, "apps/v1", "DaemonSet"));
        ObjectNode data = revision.putObject("data");
        data.putObject("spec").set("template", daemonSet.path("spec").path("template").deepCopy());
        ((ObjectNode) data.with("spec").get("template")).put("$patch", "replace");
        revision.put("revision", 1);
        return revision;
    }

    ObjectNode kubeProxyPod(ObjectNode daemonSet, ObjectNode revision, ClusterSpec.NodeSpec node) {
        ObjectNode pod = SystemObjects.object("v1", "Pod", "", "kube-system");
        ObjectNode template = proxyTemplate();
        ObjectNode metadata = pod.with("metadata");
        metadata.remove("name");
        metadata.put("generateName", "kube-proxy-");
        metadata.putObject("labels").put("controller-revision-hash", PROXY_REVISION_HASH).put("k8s-app", "kube-proxy")
                .put("pod-template-generation", "1");
        metadata.putArray("ownerReferences").add(owner(daemonSet, "apps/v1", "DaemonSet"));
        ObjectNode podSpec = (ObjectNode) template.get("spec");
        podSpec.putObject("affinity").putObject("nodeAffinity")
                .putObject("requiredDuringSchedulingIgnoredDuringExecution").putArray("nodeSelectorTerms").addObject()
                .putArray("matchFields").addObject().put("key", "metadata.name").put("operator", "In")
                .putArray("values").add(node.name());
        podSpec.put("nodeName", node.name());
        podSpec.putArray("tolerations").add(Json.parse("{\"operator\":\"Exists\"}"))
                .add(Json.parse("{\"effect\":\"NoExecute\",\"key\":\"node.kubernetes.io/not-ready\",\"operator\":\"Exists\"}"))
                .add(Json.parse("{\"effect\":\"NoExecute\",\"key\":\"node.kubernetes.io/unreachable\",\"operator\":\"Exists\"}"))
                .add(Json.parse("{\"effect\":\"NoSchedule\",\"key\":\"node.kubernetes.io/disk-pressure\",\"operator\":\"Exists\"}"))
                .add(Json.parse("{\"effect\":\"NoSchedule\",\"key\":\"node.kubernetes.io/memory-pressure\",\"operator\":\"Exists\"}"))
                .add(Json.parse("{\"effect\":\"NoSchedule\",\"key\":\"node.kubernetes.io/pid-pressure\",\"operator\":\"Exists\"}"))
                .add(Json.parse("{\"effect\":\"NoSchedule\",\"key\":\"node.kubernetes.io/unschedulable\",\"operator\":\"Exists\"}"))
                .add(Json.parse("{\"effect\":\"NoSchedule\",\"key\":\"node.kubernetes.io/network-unavailable\",\"operator\":\"Exists\"}"));
        pod.set("spec", podSpec);
        return pod;
    }

    ObjectNode daemonSetStatus(int nodes) {
        return Json.parse("{\"currentNumberScheduled\":" + nodes + ",\"desiredNumberScheduled\":" + nodes
                + ",\"numberAvailable\":" + nodes + ",\"numberMisscheduled\":0,\"numberReady\":" + nodes
                + ",\"observedGeneration\":1,\"updatedNumberScheduled\":" + nodes + "}");
    }

    ObjectNode corednsDeployment() {
        ObjectNode deploy = SystemObjects.object("apps/v1", "Deployment", "coredns", "kube-system");
        deploy.with("metadata").putObject("labels").put("k8s-app", "kube-dns");
        deploy.with("metadata").putObject("annotations").put("deployment.kubernetes.io/revision", "1");
        ObjectNode deploySpec = deploy.putObject("spec");
        deploySpec.put("replicas", 2);
        deploySpec.putObject("selector").putObject("matchLabels").put("k8s-app", "kube-dns");
        deploySpec.putObject("strategy").put("type", "RollingUpdate").putObject("rollingUpdate")
                .put("maxSurge", "25%").put("maxUnavailable", 1);
        deploySpec.set("template", Json.parse(DNS_TEMPLATE));
        return deploy;
    }

    ObjectNode corednsReplicaSet(ObjectNode deployment) {
        ObjectNode rs = SystemObjects.object("apps/v1", "ReplicaSet", "coredns-" + Bootstrap.COREDNS_HASH, "kube-system");
        ObjectNode metadata = rs.with("metadata");
        metadata.putObject("labels").put("k8s-app", "kube-dns").put("pod-template-hash", Bootstrap.COREDNS_HASH);
        metadata.putObject("annotations").put("deployment.kubernetes.io/desired-replicas", "2")
                .put("deployment.kubernetes.io/max-replicas", "3").put("deployment.kubernetes.io/revision", "1");
        metadata.putArray("ownerReferences").add(owner(deployment, "apps/v1", "Deployment"));
        ObjectNode rsSpec = rs.putObject("spec");
        rsSpec.put("replicas", 2);
        rsSpec.putObject("selector").putObject("matchLabels").put("k8s-app", "kube-dns")
                .put("pod-template-hash", Bootstrap.COREDNS_HASH);
        ObjectNode template = Json.parse(DNS_TEMPLATE);
        template.with("metadata").with("labels").put("pod-template-hash", Bootstrap.COREDNS_HASH);
        rsSpec.set("template", template);
        return rs;
    }

    ObjectNode corednsPod(ObjectNode replicaSet, String node) {
        ObjectNode pod = SystemObjects.object("v1", "Pod", "", "kube-system");
        ObjectNode template = Json.parse(DNS_TEMPLATE);
        ObjectNode metadata = pod.with("metadata");
        metadata.remove("name");
        metadata.put("generateName", "coredns-" + Bootstrap.COREDNS_HASH + "-");
        metadata.putObject("labels").put("k8s-app", "kube-dns").put("pod-template-hash", Bootstrap.COREDNS_HASH);
        metadata.putArray("ownerReferences").add(owner(replicaSet, "apps/v1", "ReplicaSet"));
        ObjectNode podSpec = (ObjectNode) template.get("spec");
        podSpec.put("nodeName", node);
        podSpec.withArray("tolerations")
                .add(Json.parse("{\"effect\":\"NoExecute\",\"key\":\"node.kubernetes.io/not-ready\",\"operator\":\"Exists\",\"tolerationSeconds\":300}"))
                .add(Json.parse("{\"effect\":\"NoExecute\",\"key\":\"node.kubernetes.io/unreachable\",\"operator\":\"Exists\",\"tolerationSeconds\":300}"));
        pod.set("spec", podSpec);
        return pod;
    }

    ObjectNode replicaSetStatus(int replicas) {
        return Json.parse("{\"availableReplicas\":" + replicas + ",\"fullyLabeledReplicas\":" + replicas
                + ",\"observedGeneration\":1,\"readyReplicas\":" + replicas + ",\"replicas\":" + replicas + "}");
    }

    ObjectNode deploymentStatus(int replicas, ObjectNode replicaSet) {
        String rs = ObjectMeta.name(replicaSet);
        return Json.parse("{\"availableReplicas\":" + replicas + ",\"conditions\":["
                + "{\"lastTransitionTime\":\"" + time + "\",\"lastUpdateTime\":\"" + time + "\",\"message\":"
                + "\"Deployment has minimum availability.\",\"reason\":\"MinimumReplicasAvailable\",\"status\":\"True\",\"type\":\"Available\"},"
                + "{\"lastTransitionTime\":\"" + time + "\",\"lastUpdateTime\":\"" + time + "\",\"message\":"
                + "\"ReplicaSet \\\"" + rs + "\\\" has successfully progressed.\",\"reason\":\"NewReplicaSetAvailable\","
                + "\"status\":\"True\",\"type\":\"Progressing\"}],\"observedGeneration\":1,\"readyReplicas\":" + replicas
                + ",\"replicas\":" + replicas + ",\"updatedReplicas\":" + replicas + "}");
    }

    static ObjectNode owner(ObjectNode owner, String apiVersion, String kind) {
        return Json.parse("{\"apiVersion\":\"" + apiVersion + "\",\"blockOwnerDeletion\":true,\"controller\":true,"
                + "\"kind\":\"" + kind + "\",\"name\":\"" + ObjectMeta.name(owner) + "\",\"uid\":\""
                + ObjectMeta.uid(owner) + "\"}");
    }

    ClusterSpec spec() {
        return spec;
    }
}
