package io.kubelab.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The static pods kubeadm writes to {@code /etc/kubernetes/manifests} on the control-plane node, as the
 * mirror pods the kubelet posts for them.
 */
final class ControlPlanePods {

    private static final String TEMPLATE = """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"${component}-${node}","namespace":"kube-system",
             "labels":{"component":"${component}","tier":"control-plane"},
             "annotations":{${extraAnnotations}"kubernetes.io/config.hash":"${hash}","kubernetes.io/config.mirror":"${hash}",
               "kubernetes.io/config.seen":"${seen}","kubernetes.io/config.source":"file"},
             "ownerReferences":[{"apiVersion":"v1","controller":true,"kind":"Node","name":"${node}","uid":"${nodeUid}"}]},
             "spec":{"containers":[{"name":"${component}","image":"registry.k8s.io/${image}","imagePullPolicy":"IfNotPresent",
               "command":${command},
               ${probes}
               "resources":{"requests":{"cpu":"${cpu}"${memory}}},
               "volumeMounts":${mounts}}],
              "hostNetwork":true,"nodeName":"${node}","priority":2000001000,"priorityClassName":"system-node-critical",
              "securityContext":{"seccompProfile":{"type":"RuntimeDefault"}},
              "tolerations":[{"effect":"NoExecute","operator":"Exists"}],
              "volumes":${volumes}}}
            """;

    private static final String PROBE = """
            "livenessProbe":{"failureThreshold":8,"httpGet":{"host":"${probeHost}","path":"${liveness}","port":${port},"scheme":"${scheme}"},
              "initialDelaySeconds":10,"periodSeconds":10,"timeoutSeconds":15},
            "readinessProbe":{"failureThreshold":3,"httpGet":{"host":"${probeHost}","path":"${readiness}","port":${port},"scheme":"${scheme}"},
              "periodSeconds":1,"timeoutSeconds":15},
            "startupProbe":{"failureThreshold":24,"httpGet":{"host":"${probeHost}","path":"${liveness}","port":${port},"scheme":"${scheme}"},
              "initialDelaySeconds":10,"periodSeconds":10,"timeoutSeconds":15},
            """;

    private ControlPlanePods() {
    }

    static List<ObjectNode> all(ClusterSpec.NodeSpec node, String nodeUid, String seen) {
        return all(node, nodeUid, seen, List.of(node));
    }

    /**
     * The static pods of a control-plane node whose etcd member joins {@code etcdMembers} (itself last): the
     * first node's etcd starts a new cluster; {@code kubeadm join --control-plane} writes the members it found
     * and {@code --initial-cluster-state=existing}.
     */
    static List<ObjectNode> all(ClusterSpec.NodeSpec node, String nodeUid, String seen,
                                List<ClusterSpec.NodeSpec> etcdMembers) {
        String ip = node.internalIp();
        String version = ClusterSpec.KUBERNETES_VERSION;
        return List.of(
                pod(node, nodeUid, seen, "etcd", "etcd:3.5.16-0", "100m", "100Mi",
                        "\"kubeadm.kubernetes.io/etcd.advertise-client-urls\":\"https://" + ip + ":2379\",",
                        etcdCommand(node, etcdMembers),
                        probes("127.0.0.1", "/livez", "/readyz", 2381, "HTTP"),
                        "[{\"mountPath\":\"/var/lib/etcd\",\"name\":\"etcd-data\"},{\"mountPath\":\"/etc/kubernetes/pki/etcd\",\"name\":\"etcd-certs\"}]",
                        "[{\"hostPath\":{\"path\":\"/etc/kubernetes/pki/etcd\",\"type\":\"DirectoryOrCreate\"},\"name\":\"etcd-certs\"},"
                                + "{\"hostPath\":{\"path\":\"/var/lib/etcd\",\"type\":\"DirectoryOrCreate\"},\"name\":\"etcd-data\"}]"),
                pod(node, nodeUid, seen, "kube-apiserver", "kube-apiserver:" + version, "250m", "",
                        "\"kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint\":\"" + ip + ":6443\",",
                        command("kube-apiserver", "--advertise-address=" + ip, "--allow-privileged=true",
                                "--authorization-mode=Node,RBAC", "--client-ca-file=/etc/kubernetes/pki/ca.crt",
                                "--enable-admission-plugins=NodeRestriction", "--enable-bootstrap-token-auth=true",
                                "--etcd-servers=https://127.0.0.1:2379", "--secure-port=6443",
                                "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
                                "--service-account-key-file=/etc/kubernetes/pki/sa.pub",
                                "--service-account-signing-key-file=/etc/kubernetes/pki/sa.key",
                                "--service-cluster-ip-range=10.96.0.0/12",
                                "--tls-cert-file=/etc/kubernetes/pki/apiserver.crt",
                                "--tls-private-key-file=/etc/kubernetes/pki/apiserver.key"),
                        probes(ip, "/livez", "/readyz", 6443, "HTTPS"), pkiMounts(), pkiVolumes()),
                pod(node, nodeUid, seen, "kube-controller-manager", "kube-controller-manager:" + version, "200m", "", "",
                        command("kube-controller-manager", "--allocate-node-cidrs=true",
                                "--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf",
                                "--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf",
                                "--bind-address=127.0.0.1", "--client-ca-file=/etc/kubernetes/pki/ca.crt",
                                "--cluster-cidr=10.244.0.0/16", "--cluster-name=kubernetes",
                                "--controllers=*,bootstrapsigner,tokencleaner",
                                "--kubeconfig=/etc/kubernetes/controller-manager.conf", "--leader-elect=true",
                                "--service-cluster-ip-range=10.96.0.0/12", "--use-service-account-credentials=true"),
                        probes("127.0.0.1", "/healthz", "/healthz", 10257, "HTTPS"), pkiMounts(), pkiVolumes()),
                pod(node, nodeUid, seen, "kube-scheduler", "kube-scheduler:" + version, "100m", "", "",
                        command("kube-scheduler", "--authentication-kubeconfig=/etc/kubernetes/scheduler.conf",
                                "--authorization-kubeconfig=/etc/kubernetes/scheduler.conf", "--bind-address=127.0.0.1",
                                "--kubeconfig=/etc/kubernetes/scheduler.conf", "--leader-elect=true"),
                        probes("127.0.0.1", "/livez", "/readyz", 10259, "HTTPS"),
                        "[{\"mountPath\":\"/etc/kubernetes/scheduler.conf\",\"name\":\"kubeconfig\",\"readOnly\":true}]",
                        "[{\"hostPath\":{\"path\":\"/etc/kubernetes/scheduler.conf\",\"type\":\"FileOrCreate\"},\"name\":\"kubeconfig\"}]"));
    }

    private static ObjectNode pod(ClusterSpec.NodeSpec node, String nodeUid, String seen, String component, String image,
                                  String cpu, String memory, String extraAnnotations, String command, String probes,
                                  String mounts, String volumes) {
        return Json.fill(TEMPLATE, "component", component, "node", node.name(), "nodeUid", nodeUid, "seen", seen,
                "hash", Hashes.hex(component + node.name(), 32), "image", image, "cpu", cpu,
                "memory", memory.isEmpty() ? "" : ",\"memory\":\"" + memory + "\"",
                "extraAnnotations", extraAnnotations, "command", command, "probes", probes,
                "mounts", mounts, "volumes", volumes);
    }

    /** etcd's flags as kubeadm writes them, sorted by name. */
    private static String etcdCommand(ClusterSpec.NodeSpec node, List<ClusterSpec.NodeSpec> etcdMembers) {
        String ip = node.internalIp();
        List<String> args = new ArrayList<>(List.of("etcd", "--advertise-client-urls=https://" + ip + ":2379",
                "--cert-file=/etc/kubernetes/pki/etcd/server.crt", "--client-cert-auth=true",
                "--data-dir=/var/lib/etcd", "--experimental-initial-corrupt-check=true",
                "--experimental-watch-progress-notify-interval=5s",
                "--initial-advertise-peer-urls=https://" + ip + ":2380",
                "--initial-cluster=" + String.join(",", etcdMembers.stream()
                        .map(m -> m.name() + "=https://" + m.internalIp() + ":2380").toList())));
        if (etcdMembers.size() > 1) {
            args.add("--initial-cluster-state=existing");
        }
        args.addAll(List.of("--key-file=/etc/kubernetes/pki/etcd/server.key",
                "--listen-client-urls=https://127.0.0.1:2379,https://" + ip + ":2379",
                "--listen-metrics-urls=http://127.0.0.1:2381",
                "--listen-peer-urls=https://" + ip + ":2380", "--name=" + node.name(),
                "--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt", "--peer-client-cert-auth=true",
                "--peer-key-file=/etc/kubernetes/pki/etcd/peer.key",
                "--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt", "--snapshot-count=10000",
                "--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt"));
        return command(args.toArray(String[]::new));
    }

    private static String probes(String host, String liveness, String readiness, int port, String scheme) {
        return PROBE.replace("${probeHost}", host).replace("${liveness}", liveness).replace("${readiness}", readiness)
                .replace("${port}", Integer.toString(port)).replace("${scheme}", scheme);
    }

    private static String command(String... args) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < args.length; i++) {
            out.append(i == 0 ? "" : ",").append('"').append(args[i]).append('"');
        }
        return out.append(']').toString();
    }

    private static String pkiMounts() {
        return "[{\"mountPath\":\"/etc/ssl/certs\",\"name\":\"ca-certs\",\"readOnly\":true},"
                + "{\"mountPath\":\"/etc/kubernetes/pki\",\"name\":\"k8s-certs\",\"readOnly\":true}]";
    }

    private static String pkiVolumes() {
        return "[{\"hostPath\":{\"path\":\"/etc/ssl/certs\",\"type\":\"DirectoryOrCreate\"},\"name\":\"ca-certs\"},"
                + "{\"hostPath\":{\"path\":\"/etc/kubernetes/pki\",\"type\":\"DirectoryOrCreate\"},\"name\":\"k8s-certs\"}]";
    }
}
