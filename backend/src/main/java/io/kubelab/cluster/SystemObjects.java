package io.kubelab.cluster;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** The small objects kubeadm and the control plane create in a new cluster. */
final class SystemObjects {

    /** A self-signed CA in PEM form; the simulation does no TLS, this is what students see in the ConfigMap. */
    static final String CA_PEM = "-----BEGIN CERTIFICATE-----\n"
            + "MIIDBTCCAe2gAwIBAgIIXu3kNjJ0dWswDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE\n"
            + "AxMKa3ViZXJuZXRlczAeFw0yNjAxMDEwMDAwMDBaFw0zNTEyMzAwMDAwMDBaMBUx\n"
            + "EzARBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK\n"
            + "AoIBAQDKdWJlbGFiLXNpbXVsYXRlZC1jbHVzdGVyLWNhLW5vdC1hLXJlYWwta2V5\n"
            + "-----END CERTIFICATE-----\n";

    private static final String ROOT_CA_DESCRIPTION = "Contains a CA bundle that can be used to verify the "
            + "kube-apiserver when using internal endpoints such as the internal service IP or "
            + "kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.";

    private static final String COREFILE = ".:53 {\n    errors\n    health {\n       lameduck 5s\n    }\n    ready\n"
            + "    kubernetes cluster.local in-addr.arpa ip6.arpa {\n       pods insecure\n       fallthrough in-addr.arpa ip6.arpa\n"
            + "       ttl 30\n    }\n    prometheus :9153\n    forward . /etc/resolv.conf {\n       max_concurrent 1000\n    }\n"
            + "    cache 30 {\n       disable success cluster.local\n       disable denial cluster.local\n    }\n"
            + "    loop\n    reload\n    loadbalance\n}\n";

    private SystemObjects() {
    }

    static ObjectNode namespace(String name) {
        return Json.parse("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\"}}");
    }

    static List<ObjectNode> priorityClasses() {
        return List.of(priorityClass("system-cluster-critical", 2000000000, "Used for system critical pods that must "
                        + "run in the cluster, but can be moved to another node if necessary."),
                priorityClass("system-node-critical", 2000001000,
                        "Used for system critical pods that must not be moved from their current node."));
    }

    private static ObjectNode priorityClass(String name, int value, String description) {
        ObjectNode out = object("scheduling.k8s.io/v1", "PriorityClass", name, null);
        out.put("value", value).put("description", description);
        return out;
    }

    /** The sandbox's dynamic provisioner, as kind and many training clusters ship it. */
    static ObjectNode defaultStorageClass() {
        return Json.parse("""
                {"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","metadata":{"name":"standard",
                  "annotations":{"storageclass.kubernetes.io/is-default-class":"true"}},
                 "provisioner":"rancher.io/local-path","reclaimPolicy":"Delete","volumeBindingMode":"WaitForFirstConsumer"}
                """);
    }

    static ObjectNode serviceAccount(String namespace, String name) {
        return object("v1", "ServiceAccount", name, namespace);
    }

    static ObjectNode rootCa(String namespace) {
        ObjectNode out = object("v1", "ConfigMap", "kube-root-ca.crt", namespace);
        out.with("metadata").putObject("annotations").put("kubernetes.io/description", ROOT_CA_DESCRIPTION);
        out.putObject("data").put("ca.crt", CA_PEM);
        return out;
    }

    static List<ObjectNode> configMaps(ClusterSpec spec) {
        String server = "https://" + spec.controlPlane().internalIp() + ":6443";
        ObjectNode coredns = object("v1", "ConfigMap", "coredns", "kube-system");
        coredns.putObject("data").put("Corefile", COREFILE);
        ObjectNode kubeProxy = object("v1", "ConfigMap", "kube-proxy", "kube-system");
        kubeProxy.with("metadata").putObject("labels").put("app", "kube-proxy");
        kubeProxy.putObject("data")
                .put("config.conf", "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nbindAddress: 0.0.0.0\n"
                        + "clientConnection:\n  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf\n"
                        + "clusterCIDR: 10.244.0.0/16\nkind: KubeProxyConfiguration\nmode: "
                        + (spec.proxyMode() == ClusterSpec.ProxyMode.IPVS ? "ipvs" : "\"\"") + "\n")
                .put("kubeconfig.conf", "apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n"
                        + "    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt\n"
                        + "    server: " + server + "\n  name: default\ncontexts:\n- context:\n    cluster: default\n"
                        + "    namespace: default\n    user: default\n  name: default\ncurrent-context: default\n"
                        + "users:\n- name: default\n  user:\n"
                        + "    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token\n");
        ObjectNode kubeadm = object("v1", "ConfigMap", "kubeadm-config", "kube-system");
        kubeadm.putObject("data").put("ClusterConfiguration", "apiServer: {}\n"
                + "apiVersion: kubeadm.k8s.io/v1beta4\ncaCertificateValidityPeriod: 87600h0m0s\n"
                + "certificateValidityPeriod: 8760h0m0s\ncertificatesDir: /etc/kubernetes/pki\n"
                + "clusterName: kubernetes\ncontrollerManager: {}\ndns: {}\nencryptionAlgorithm: RSA-2048\n"
                + "etcd:\n  local:\n    dataDir: /var/lib/etcd\nimageRepository: registry.k8s.io\n"
                + "kind: ClusterConfiguration\nkubernetesVersion: " + ClusterSpec.KUBERNETES_VERSION + "\n"
                + "networking:\n  dnsDomain: cluster.local\n  podSubnet: 10.244.0.0/16\n"
                + "  serviceSubnet: 10.96.0.0/12\nproxy: {}\nscheduler: {}\n");
        ObjectNode kubelet = object("v1", "ConfigMap", "kubelet-config", "kube-system");
        kubelet.putObject("data").put("kubelet", "apiVersion: kubelet.config.k8s.io/v1beta1\n"
                + "authentication:\n  anonymous:\n    enabled: false\n  webhook:\n    enabled: true\n"
                + "authorization:\n  mode: Webhook\ncgroupDriver: systemd\nclusterDNS:\n- 10.96.0.10\n"
                + "clusterDomain: cluster.local\nkind: KubeletConfiguration\nrotateCertificates: true\n"
                + "staticPodPath: /etc/kubernetes/manifests\n");
        ObjectNode clusterInfo = object("v1", "ConfigMap", "cluster-info", "kube-public");
        clusterInfo.putObject("data").put("kubeconfig", "apiVersion: v1\nclusters:\n- cluster:\n"
                + "    certificate-authority-data: " + java.util.Base64.getEncoder().encodeToString(CA_PEM.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)) + "\n    server: " + server + "\n  name: \"\"\n"
                + "contexts: null\ncurrent-context: \"\"\nkind: Config\npreferences: {}\nusers: null\n");
        return List.of(coredns, kubeProxy, kubeadm, kubelet, clusterInfo);
    }

    static List<ObjectNode> leaderLeases(String controlPlane, String renew) {
        return List.of(leaderLease("kube-scheduler", controlPlane + "_" + Hashes.hex("scheduler", 8) + "-"
                        + Hashes.hex("s2", 4) + "-" + Hashes.hex("s3", 4) + "-" + Hashes.hex("s4", 4) + "-"
                        + Hashes.hex("s5", 12), renew),
                leaderLease("kube-controller-manager", controlPlane + "_" + Hashes.hex("kcm", 8) + "-"
                        + Hashes.hex("k2", 4) + "-" + Hashes.hex("k3", 4) + "-" + Hashes.hex("k4", 4) + "-"
                        + Hashes.hex("k5", 12), renew));
    }

    private static ObjectNode leaderLease(String name, String holder, String renew) {
        ObjectNode out = object("coordination.k8s.io/v1", "Lease", name, "kube-system");
        out.putObject("spec").put("acquireTime", renew).put("holderIdentity", holder).put("leaseDurationSeconds", 15)
                .put("leaseTransitions", 0).put("renewTime", renew);
        return out;
    }

    static ObjectNode object(String apiVersion, String kind, String name, String namespace) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("apiVersion", apiVersion).put("kind", kind);
        ObjectNode metadata = out.putObject("metadata");
        metadata.put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        return out;
    }
}
