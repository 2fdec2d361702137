package io.kubelab.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A node as its kubelet registers it, Ready, with the capacity of a small VM, and its lease. */
final class Nodes {

    private static final String NODE = """
            {"apiVersion":"v1","kind":"Node","metadata":{"name":"${name}",
              "annotations":{"kubeadm.alpha.kubernetes.io/cri-socket":"${socket}",
                "node.alpha.kubernetes.io/ttl":"0","volumes.kubernetes.io/controller-managed-attach-detach":"true"},
              "labels":{"beta.kubernetes.io/arch":"amd64","beta.kubernetes.io/os":"linux","kubernetes.io/arch":"amd64",
                "kubernetes.io/hostname":"${name}","kubernetes.io/os":"linux"${roleLabels}}},
             "spec":{"podCIDR":"${cidr}","podCIDRs":["${cidr}"]${taints}},
             "status":{"addresses":[{"address":"${ip}","type":"InternalIP"},{"address":"${name}","type":"Hostname"}],
              "allocatable":{"cpu":"${cpu}","ephemeral-storage":"18561997179","hugepages-1Gi":"0","hugepages-2Mi":"0",
                "memory":"${allocatableMemory}Ki","pods":"110"},
              "capacity":{"cpu":"${cpu}","ephemeral-storage":"20134592Ki","hugepages-1Gi":"0","hugepages-2Mi":"0",
                "memory":"${memory}Ki","pods":"110"},
              "conditions":[
                {"lastHeartbeatTime":"${time}","lastTransitionTime":"${time}","message":"kubelet has sufficient memory available","reason":"KubeletHasSufficientMemory","status":"False","type":"MemoryPressure"},
                {"lastHeartbeatTime":"${time}","lastTransitionTime":"${time}","message":"kubelet has no disk pressure","reason":"KubeletHasNoDiskPressure","status":"False","type":"DiskPressure"},
                {"lastHeartbeatTime":"${time}","lastTransitionTime":"${time}","message":"kubelet has sufficient PID available","reason":"KubeletHasSufficientPID","status":"False","type":"PIDPressure"},
                {"lastHeartbeatTime":"${time}","lastTransitionTime":"${time}","message":"kubelet is posting ready status","reason":"KubeletReady","status":"True","type":"Ready"}],
              "daemonEndpoints":{"kubeletEndpoint":{"Port":10250}},
              "nodeInfo":{"architecture":"amd64","bootID":"${bootId}","containerRuntimeVersion":"${runtimeVersion}",
                "kernelVersion":"6.8.0-51-generic","kubeProxyVersion":"${version}","kubeletVersion":"${version}",
                "machineID":"${machineId}","operatingSystem":"linux","osImage":"Ubuntu 22.04.5 LTS","systemUUID":"${bootId}"}}}
            """;

    private static final String LEASE = """
            {"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"${name}","namespace":"kube-node-lease"},
             "spec":{"holderIdentity":"${name}","leaseDurationSeconds":40,"renewTime":"${renew}"}}
            """;

    /** What the kubelet holds back for the eviction threshold (memory.available 100Mi). */
    private static final long RESERVED_KI = 100 * 1024;

    private Nodes() {
    }

    static ObjectNode node(ClusterSpec.NodeSpec node, ClusterSpec.Runtime runtime, String time) {
        return Json.fill(NODE, "socket", runtime.socket(), "runtimeVersion", RuntimeFlavors.of(runtime).version(),
                "name", node.name(), "cidr", node.podCidr(), "ip", node.internalIp(),
                "cpu", Integer.toString(node.cpus()), "memory", Long.toString(node.memoryKi()),
                "allocatableMemory", Long.toString(node.memoryKi() - RESERVED_KI), "time", time,
                "version", ClusterSpec.KUBERNETES_VERSION,
                "bootId", uuidLike(Hashes.hex("boot" + node.name(), 32)),
                "machineId", Hashes.hex("machine" + node.name(), 32),
                "roleLabels", node.controlPlane()
                        ? ",\"node-role.kubernetes.io/control-plane\":\"\",\"node.kubernetes.io/exclude-from-external-load-balancers\":\"\""
                        : "",
                "taints", node.controlPlane()
                        ? ",\"taints\":[{\"effect\":\"NoSchedule\",\"key\":\"node-role.kubernetes.io/control-plane\"}]" : "");
    }

    static ObjectNode lease(ClusterSpec.NodeSpec node, String renew) {
        return Json.fill(LEASE, "name", node.name(), "renew", renew);
    }

    private static String uuidLike(String hex) {
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20, 32);
    }
}
