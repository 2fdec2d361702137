package io.kubelab.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What kubeadm 1.32 (and the Ubuntu 22.04 image under it) leaves on a node: the static pod manifests and
 * kubeconfigs on the control plane, the kubelet's configuration and systemd drop-in everywhere. The
 * simulation does no TLS, so certificates and keys are placeholders of the right shape.
 */
final class KubeadmFiles {

    static final String MANIFESTS = "/etc/kubernetes/manifests";
    static final String KUBELET_CONFIG = "/var/lib/kubelet/config.yaml";
    static final String DROP_IN = "/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf";
    static final String FLAGS_ENV = "/var/lib/kubelet/kubeadm-flags.env";
    static final String KUBEADM_ARGS = "--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock "
            + "--pod-infra-container-image=registry.k8s.io/pause:3.10";

    private static final List<String> PKI = List.of("apiserver", "apiserver-etcd-client", "apiserver-kubelet-client",
            "ca", "front-proxy-ca", "front-proxy-client", "etcd/ca", "etcd/healthcheck-client", "etcd/peer", "etcd/server");

    private static final String DROP_IN_TEXT = """
            # Note: This dropin only works with kubeadm and kubelet v1.11+
            [Service]
            Environment="KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf"
            Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"
            # This is a file that "kubeadm init" and "kubeadm join" generates at runtime, populating the KUBELET_KUBEADM_ARGS variable dynamically
            EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env
            # This is a file that the user can use for overrides of the kubelet args as a last resort. Preferably, the user should use
            # the .NodeRegistration.KubeletExtraArgs object in the configuration files instead. KUBELET_EXTRA_ARGS should be sourced from this file.
            EnvironmentFile=-/etc/default/kubelet
            ExecStart=
            ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS
            """;

    private static final String KUBELET_CONFIG_TEXT = """
            apiVersion: kubelet.config.k8s.io/v1beta1
            authentication:
              anonymous:
                enabled: false
              webhook:
                cacheTTL: 0s
                enabled: true
              x509:
                clientCAFile: /etc/kubernetes/pki/ca.crt
            authorization:
              mode: Webhook
              webhook:
                cacheAuthorizedTTL: 0s
                cacheUnauthorizedTTL: 0s
            cgroupDriver: systemd
            clusterDNS:
            - 10.96.0.10
            clusterDomain: cluster.local
            containerRuntimeEndpoint: ""
            cpuManagerReconcilePeriod: 0s
            crashLoopBackOff: {}
            evictionPressureTransitionPeriod: 0s
            fileCheckFrequency: 0s
            healthzBindAddress: 127.0.0.1
            healthzPort: 10248
            httpCheckFrequency: 0s
            imageMaximumGCAge: 0s
            imageMinimumGCAge: 0s
            kind: KubeletConfiguration
            logging:
              flushFrequency: 0
              options:
                json:
                  infoBufferSize: "0"
                text:
                  infoBufferSize: "0"
              verbosity: 0
            memorySwap: {}
            nodeStatusReportFrequency: 0s
            nodeStatusUpdateFrequency: 0s
            resolvConf: /run/systemd/resolve/resolv.conf
            rotateCertificates: true
            runtimeRequestTimeout: 0s
            shutdownGracePeriod: 0s
            shutdownGracePeriodCriticalPods: 0s
            staticPodPath: /etc/kubernetes/manifests
            streamingConnectionIdleTimeout: 0s
            syncFrequency: 0s
            volumeStatsAggPeriod: 0s
            """;

    private static final String OS_RELEASE = """
            PRETTY_NAME="Ubuntu 22.04.5 LTS"
            NAME="Ubuntu"
            VERSION_ID="22.04"
            VERSION="22.04.5 LTS (Jammy Jellyfish)"
            VERSION_CODENAME=jammy
            ID=ubuntu
            ID_LIKE=debian
            HOME_URL="https://www.ubuntu.com/"
            SUPPORT_URL="https://help.ubuntu.com/"
            BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
            PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
            UBUNTU_CODENAME=jammy
            """;

    private KubeadmFiles() {
    }

    /** Directories that exist empty on every node. */
    static List<String> emptyDirs() {
        return List.of(MANIFESTS, "/root", "/tmp", "/var/lib/kubelet/pki", "/var/log/pods", "/etc/cni/net.d");
    }

    /** A node's files depend on the cluster's shape alone: built once per shape and node, then shared. */
    private static final java.util.Map<java.util.List<Object>, SortedMap<String, String>> SEEDS =
            new java.util.concurrent.ConcurrentHashMap<>();

    static SortedMap<String, String> seed(ClusterSpec spec, ClusterSpec.NodeSpec node) {
        return SEEDS.computeIfAbsent(java.util.List.of(spec, node.name()),
                key -> java.util.Collections.unmodifiableSortedMap(build(spec, node)));
    }

    private static SortedMap<String, String> build(ClusterSpec spec, ClusterSpec.NodeSpec node) {
        SortedMap<String, String> out = new TreeMap<>();
        String server = "https://" + spec.controlPlane().internalIp() + ":6443";
        out.put("/etc/hostname", node.name() + "\n");
        out.put("/etc/hosts", "127.0.0.1 localhost\n" + node.internalIp() + " " + node.name() + "\n");
        out.put("/etc/os-release", OS_RELEASE);
        out.put(KUBELET_CONFIG, KUBELET_CONFIG_TEXT);
        out.put(FLAGS_ENV, "KUBELET_KUBEADM_ARGS=\"" + KUBEADM_ARGS.replace(ClusterSpec.Runtime.CONTAINERD.socket(),
                spec.runtime().socket()) + "\"\n");
        out.put(DROP_IN, DROP_IN_TEXT);
        out.put("/etc/kubernetes/pki/ca.crt", SystemObjects.CA_PEM);
        if (!node.controlPlane()) {
            out.put("/etc/kubernetes/kubelet.conf", kubeconfig("default-cluster", server, "default-auth",
                    "default-context", null));
            return out;
        }
        for (ObjectNode pod : ControlPlanePods.all(node, "", "")) {
            String component = pod.path("metadata").path("labels").path("component").asText();
            out.put(MANIFESTS + "/" + component + ".yaml", ManifestYaml.write(manifestOf(pod)));
        }
        out.put("/etc/kubernetes/admin.conf", kubeconfig("kubernetes", server, "kubernetes-admin", null, "admin"));
        out.put("/etc/kubernetes/super-admin.conf", kubeconfig("kubernetes", server, "kubernetes-super-admin", null,
                "super-admin"));
        out.put("/etc/kubernetes/controller-manager.conf", kubeconfig("kubernetes", server,
                "system:kube-controller-manager", null, "controller-manager"));
        out.put("/etc/kubernetes/scheduler.conf", kubeconfig("kubernetes", server, "system:kube-scheduler", null,
                "scheduler"));
        out.put("/etc/kubernetes/kubelet.conf", kubeconfig("kubernetes", server, "system:node:" + node.name(), null,
                null));
        for (String name : PKI) {
            if (!name.equals("ca")) {
                out.put("/etc/kubernetes/pki/" + name + ".crt", pem("CERTIFICATE", name + ".crt", 17));
            }
            out.put("/etc/kubernetes/pki/" + name + ".key", pem("RSA PRIVATE KEY", name + ".key", 25));
        }
        out.put("/etc/kubernetes/pki/sa.key", pem("RSA PRIVATE KEY", "sa.key", 25));
        out.put("/etc/kubernetes/pki/sa.pub", pem("PUBLIC KEY", "sa.pub", 7));
        return out;
    }

    /**
     * The manifest kubeadm wrote for a control-plane mirror pod: the pod without what the kubelet and the
     * API server added (node name and owner, the {@code kubernetes.io/config.*} annotations, the toleration
     * every static pod gets, the node suffix of the name).
     */
    static ObjectNode manifestOf(ObjectNode mirror) {
        ObjectNode out = mirror.deepCopy();
        ObjectNode meta = out.with("metadata");
        String node = out.path("spec").path("nodeName").asText();
        String name = meta.path("name").asText();
        meta.put("name", name.endsWith("-" + node) ? name.substring(0, name.length() - node.length() - 1) : name);
        meta.remove("ownerReferences");
        ObjectNode annotations = (ObjectNode) meta.get("annotations");
        if (annotations != null) {
            annotations.remove(List.of("kubernetes.io/config.hash", "kubernetes.io/config.mirror",
                    "kubernetes.io/config.seen", "kubernetes.io/config.source"));
            if (annotations.isEmpty()) {
                meta.remove("annotations");
            }
        }
        meta.putNull("creationTimestamp");
        ObjectNode spec = out.with("spec");
        spec.remove("nodeName");
        spec.remove("tolerations");
        out.remove("status");
        out.putObject("status");
        return out;
    }

    private static String kubeconfig(String cluster, String server, String user, String context, String certs) {
        String contextName = context != null ? context : user + "@" + cluster;
        String ca = Base64.getEncoder().encodeToString(SystemObjects.CA_PEM.getBytes(StandardCharsets.UTF_8));
        String credentials = certs == null
                ? "    client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem\n"
                + "    client-key: /var/lib/kubelet/pki/kubelet-client-current.pem\n"
                : "    client-certificate-data: " + base64(pem("CERTIFICATE", certs + ".crt", 19)) + "\n"
                + "    client-key-data: " + base64(pem("RSA PRIVATE KEY", certs + ".key", 25)) + "\n";
        return "apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: " + ca + "\n"
                + "    server: " + server + "\n  name: " + cluster + "\ncontexts:\n- context:\n    cluster: " + cluster
                + "\n    user: " + user + "\n  name: " + contextName + "\ncurrent-context: " + contextName
                + "\nkind: Config\npreferences: {}\nusers:\n- name: " + user + "\n  user:\n" + credentials;
    }

    /** A PEM block of {@code lines} 64-character lines, its body derived from {@code seed}: no real key. */
    private static String pem(String label, String seed, int lines) {
        StringBuilder body = new StringBuilder();
        int i = 0;
        while (body.length() < lines * 48) {
            body.append(Hashes.hex(seed + i++, 32));
        }
        String encoded = base64(body.substring(0, lines * 48));
        StringBuilder out = new StringBuilder("-----BEGIN ").append(label).append("-----\n");
        for (int at = 0; at < encoded.length(); at += 64) {
            out.append(encoded, at, Math.min(encoded.length(), at + 64)).append('\n');
        }
        return out.append("-----END ").append(label).append("-----\n").toString();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static boolean isManifest(String path) {
        return NodeFiles.parent(path).equals(MANIFESTS) && !path.substring(MANIFESTS.length() + 1).startsWith(".");
    }

    static JsonNode firstContainer(ObjectNode pod) {
        return pod.path("spec").path("containers").path(0);
    }
}
