package io.kubelab.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.apiserver.ApiRequest;
import io.kubelab.apiserver.ApiServer;
import io.kubelab.apiserver.ObjectMeta;
import io.kubelab.apiserver.UserInfo;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a new sandbox's cluster to the state of a freshly installed kubeadm 1.32 cluster: namespaces,
 * nodes, the system pods running, the {@code kubernetes} and {@code kube-dns} services with their
 * endpoints, CoreDNS and kube-proxy workloads, ConfigMaps, ServiceAccounts, leases, priority classes and
 * the default RBAC policy. Everything goes through the API server, as kubeadm's own calls do.
 */
public final class Bootstrap {

    static final UserInfo KUBEADM = UserInfo.component("kubeadm");
    static final String COREDNS_HASH = "668d6bf9bc";

    private final ApiServer api;
    private final ClusterSpec spec;
    private final Instant now;
    private final String time;

    private Bootstrap(ApiServer api, ClusterSpec spec, Instant now) {
        this.api = api;
        this.spec = spec;
        this.now = now;
        this.time = ObjectMeta.time(now);
    }

    public static void run(ApiServer api, ClusterSpec spec, Instant now, List<ObjectNode> policy) {
        new Bootstrap(api, spec, now).run(policy);
    }

    private void run(List<ObjectNode> policy) {
        for (String ns : List.of("default", "kube-node-lease", "kube-public", "kube-system")) {
            create(SystemObjects.namespace(ns));
        }
        SystemObjects.priorityClasses().forEach(this::create);
        create(SystemObjects.defaultStorageClass());
        policy.forEach(this::create);
        List<String> nodeUids = new ArrayList<>();
        for (ClusterSpec.NodeSpec node : spec.nodes()) {
            nodeUids.add(ObjectMeta.uid(create(Nodes.node(node, time))));
            create(Nodes.lease(node, ObjectMeta.microTime(now)));
        }
        for (String ns : List.of("default", "kube-node-lease", "kube-public", "kube-system")) {
            create(SystemObjects.serviceAccount(ns, "default"));
            create(SystemObjects.rootCa(ns));
        }
        create(SystemObjects.serviceAccount("kube-system", "coredns"));
        create(SystemObjects.serviceAccount("kube-system", "kube-proxy"));
        SystemObjects.configMaps(spec).forEach(this::create);
        SystemObjects.leaderLeases(spec.controlPlane().name(), ObjectMeta.microTime(now)).forEach(this::create);

        ClusterSpec.NodeSpec controlPlane = spec.controlPlane();
        for (ObjectNode pod : ControlPlanePods.all(controlPlane, nodeUids.get(0), time)) {
            runPod(create(pod), controlPlane.internalIp(), controlPlane.internalIp());
        }
        Workloads workloads = new Workloads(spec, time);
        ObjectNode daemonSet = create(workloads.kubeProxyDaemonSet());
        ObjectNode revision = create(workloads.kubeProxyRevision(daemonSet));
        for (ClusterSpec.NodeSpec node : spec.nodes()) {
            runPod(create(workloads.kubeProxyPod(daemonSet, revision, node)), node.internalIp(), node.internalIp());
        }
        updateStatus(daemonSet, workloads.daemonSetStatus(spec.nodes().size()));

        ObjectNode deployment = create(workloads.corednsDeployment());
        ObjectNode replicaSet = create(workloads.corednsReplicaSet(deployment));
        List<String> dnsIps = new ArrayList<>();
        String cidr = controlPlane.podCidr();
        String prefix = cidr.substring(0, cidr.lastIndexOf('.') + 1);
        for (int i = 0; i < 2; i++) {
            String ip = prefix + (i + 2);
            dnsIps.add(ip);
            runPod(create(workloads.corednsPod(replicaSet, controlPlane.name())), controlPlane.internalIp(), ip);
        }
        updateStatus(replicaSet, workloads.replicaSetStatus(2));
        updateStatus(deployment, workloads.deploymentStatus(2, replicaSet));

        ObjectNode kubernetes = create(Services.kubernetes());
        create(Services.kubernetesEndpoints(controlPlane.internalIp()));
        create(Services.kubernetesSlice(controlPlane.internalIp()));
        ObjectNode dns = create(Services.kubeDns());
        List<ObjectNode> dnsPods = api.peekAll(ResourceTypes.of("v1", "Pod"), "kube-system").stream()
                .filter(p -> p.path("metadata").path("labels").path("k8s-app").asText().equals("kube-dns")).toList();
        create(Services.kubeDnsEndpoints(dnsPods, time));
        create(Services.kubeDnsSlice(dns, dnsPods));
        assert kubernetes != null;
    }

    private void runPod(ObjectNode pod, String hostIp, String podIp) {
        ObjectNode status = RunningPods.status(pod, hostIp, podIp, time);
        pod.set("status", status);
        updateStatus(pod, status);
    }

    private ObjectNode create(ObjectNode object) {
        ResourceType type = type(object);
        ApiRequest request = ApiRequest.of(KUBEADM, ApiRequest.Verb.CREATE, type,
                type.namespaced() ? ObjectMeta.namespace(object) : "", "").withBody(object);
        return api.handle(request).body();
    }

    private void updateStatus(ObjectNode object, ObjectNode status) {
        ResourceType type = type(object);
        ObjectNode body = object.deepCopy();
        body.set("status", status);
        ApiRequest request = ApiRequest.of(KUBEADM, ApiRequest.Verb.UPDATE, type, ObjectMeta.namespace(object),
                ObjectMeta.name(object)).withSubresource("status").withBody(body);
        api.handle(request);
    }

    private static ResourceType type(ObjectNode object) {
        return ResourceTypes.of(object.path("apiVersion").asText(), object.path("kind").asText());
    }
}
