package io.kubelab.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
            nodeUids.add(ObjectMeta.uid(create(Nodes.node(node, spec.runtime(), time))));
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
        List<ClusterSpec.NodeSpec> controlPlanes = spec.controlPlanes();
        for (int i = 0; i < controlPlanes.size(); i++) {
            // Each control-plane node's etcd joins the members before it (an HA control plane has several).
            ClusterSpec.NodeSpec node = controlPlanes.get(i);
            for (ObjectNode pod : ControlPlanePods.all(node, nodeUids.get(spec.nodes().indexOf(node)), time,
                    controlPlanes.subList(0, i + 1))) {
                runPod(create(pod), node.internalIp(), node.internalIp());
            }
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
        create(withApiServers(Services.kubernetesEndpoints(controlPlane.internalIp()), controlPlanes));
        create(withApiServers(Services.kubernetesSlice(controlPlane.internalIp()), controlPlanes));
        ObjectNode dns = create(Services.kubeDns());
        List<ObjectNode> dnsPods = api.peekAll(ResourceTypes.of("v1", "Pod"), "kube-system").stream()
                .filter(p -> p.path("metadata").path("labels").path("k8s-app").asText().equals("kube-dns")).toList();
        create(Services.kubeDnsEndpoints(dnsPods, time));
        create(Services.kubeDnsSlice(dns, dnsPods));
        assert kubernetes != null;
        if (spec.metricsServer()) {
            // Applied as a course cluster's setup script applies components.yaml: the controllers, scheduler and
            // kubelet bring its pod up when the sandbox starts.
            MetricsServerAddon.install(api, now);
        }
    }

    /**
     * The {@code kubernetes} Endpoints or EndpointSlice listing every kube-apiserver, as their lease reconciler
     * writes it: addresses sorted, one slice endpoint per address. One control-plane node leaves it as it is.
     */
    private static ObjectNode withApiServers(ObjectNode object, List<ClusterSpec.NodeSpec> controlPlanes) {
        if (controlPlanes.size() > 1) {
            List<String> ips = controlPlanes.stream().map(ClusterSpec.NodeSpec::internalIp).sorted().toList();
            if (object.has("subsets")) {
                ArrayNode addresses = ((ObjectNode) object.path("subsets").get(0)).withArray("addresses");
                addresses.removeAll();
                ips.forEach(ip -> addresses.addObject().put("ip", ip));
            } else {
                ArrayNode endpoints = (ArrayNode) object.path("endpoints");
                ObjectNode first = (ObjectNode) endpoints.get(0);
                endpoints.removeAll();
                for (String ip : ips) {
                    ObjectNode endpoint = first.deepCopy();
                    endpoint.putArray("addresses").add(ip);
                    endpoints.add(endpoint);
                }
            }
        }
        return object;
    }

    private void runPod(ObjectNode pod, String hostIp, String podIp) {
        ObjectNode status = RunningPods.status(pod, hostIp, podIp, time, RuntimeFlavors.of(spec.runtime()));
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
