package io.kubelab.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.runtime.ContainerLogs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What the system pods of a freshly started cluster have logged: the first lines each component writes
 * on start, in its own format (klog for Kubernetes' binaries, JSON for etcd, CoreDNS's banner), so
 * {@code kubectl logs -n kube-system ...} shows what it shows on a new kubeadm cluster.
 */
final class SystemLogs {

    private static final DateTimeFormatter KLOG = DateTimeFormatter.ofPattern("MMdd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private SystemLogs() {
    }

    static void seed(ContainerLogs logs, List<ObjectNode> pods, Instant start, String controlPlaneIp) {
        for (ObjectNode pod : pods) {
            String name = ObjectMeta.name(pod);
            String app = pod.path("metadata").path("labels").path("component")
                    .asText(pod.path("metadata").path("labels").path("k8s-app").asText(""));
            String container = pod.path("spec").path("containers").path(0).path("name").asText();
            for (String line : lines(app, start, controlPlaneIp, pod.path("spec").path("nodeName").asText())) {
                logs.append("kube-system", name, container, start, line);
            }
        }
    }

    private static List<String> lines(String app, Instant start, String ip, String node) {
        String t = KLOG.format(start);
        String ts = ObjectMeta.microTime(start);
        return switch (app) {
            case "kube-dns" -> List.of(".:53",
                    "[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908",
                    "CoreDNS-1.11.3", "linux/amd64, go1.21.11, a6338e9");
            case "kube-proxy" -> List.of(
                    "I" + t + "       1 server_linux.go:66] \"Using iptables proxy\"",
                    "I" + t + "       1 server.go:698] \"Successfully retrieved node IP(s)\" IPs=[\"" + ip + "\"]",
                    "I" + t + "       1 server.go:735] \"Version info\" version=\"" + ClusterSpec.KUBERNETES_VERSION + "\"",
                    "I" + t + "       1 config.go:199] \"Starting service config controller\"",
                    "I" + t + "       1 config.go:105] \"Starting endpoint slice config controller\"",
                    "I" + t + "       1 config.go:329] \"Starting node config controller\"",
                    "I" + t + "       1 shared_informer.go:320] Caches are synced for node config");
            case "etcd" -> List.of(
                    "{\"level\":\"info\",\"ts\":\"" + ts + "\",\"caller\":\"etcdmain/etcd.go:73\",\"msg\":\"Running: \"}",
                    "{\"level\":\"info\",\"ts\":\"" + ts + "\",\"caller\":\"embed/etcd.go:128\",\"msg\":\"configuring peer listeners\",\"listen-peer-urls\":[\"https://" + ip + ":2380\"]}",
                    "{\"level\":\"info\",\"ts\":\"" + ts + "\",\"caller\":\"etcdserver/server.go:2062\",\"msg\":\"published local member to cluster through raft\",\"local-member-attributes\":\"{Name:" + node + " ClientURLs:[https://" + ip + ":2379]}\"}",
                    "{\"level\":\"info\",\"ts\":\"" + ts + "\",\"caller\":\"embed/serve.go:250\",\"msg\":\"serving client traffic securely\",\"traffic\":\"grpc+http\",\"address\":\"" + ip + ":2379\"}");
            case "kube-apiserver" -> List.of(
                    "I" + t + "       1 options.go:238] external host was not specified, using " + ip,
                    "I" + t + "       1 server.go:143] Version: " + ClusterSpec.KUBERNETES_VERSION,
                    "I" + t + "       1 secure_serving.go:213] Serving securely on [::]:6443",
                    "I" + t + "       1 controller.go:615] quota admission added evaluator for: serviceaccounts");
            case "kube-scheduler" -> List.of(
                    "I" + t + "       1 serving.go:386] Generated self-signed cert in-memory",
                    "I" + t + "       1 server.go:167] \"Starting Kubernetes Scheduler\" version=\"" + ClusterSpec.KUBERNETES_VERSION + "\"",
                    "I" + t + "       1 leaderelection.go:257] attempting to acquire leader lease kube-system/kube-scheduler...",
                    "I" + t + "       1 leaderelection.go:271] successfully acquired lease kube-system/kube-scheduler");
            case "kube-controller-manager" -> List.of(
                    "I" + t + "       1 serving.go:386] Generated self-signed cert in-memory",
                    "I" + t + "       1 controllermanager.go:197] \"Starting\" version=\"" + ClusterSpec.KUBERNETES_VERSION + "\"",
                    "I" + t + "       1 leaderelection.go:257] attempting to acquire leader lease kube-system/kube-controller-manager...",
                    "I" + t + "       1 leaderelection.go:271] successfully acquired lease kube-system/kube-controller-manager");
            default -> List.of();
        };
    }
}
