package io.kubelab.cluster;

import io.kubelab.apiserver.ApiServer;
import io.kubelab.clock.SimClock;
import io.kubelab.cloud.ServiceController;
import io.kubelab.controller.Controller;
import io.kubelab.controller.Informers;
import io.kubelab.controller.cronjob.CronJobController;
import io.kubelab.controller.daemon.DaemonSetController;
import io.kubelab.controller.deployment.DeploymentController;
import io.kubelab.controller.disruption.DisruptionController;
import io.kubelab.controller.endpoint.EndpointsController;
import io.kubelab.controller.endpointslice.EndpointSliceController;
import io.kubelab.controller.garbagecollector.GarbageCollector;
import io.kubelab.controller.job.JobController;
import io.kubelab.controller.namespace.NamespaceController;
import io.kubelab.controller.nodelifecycle.NodeLifecycleController;
import io.kubelab.controller.podautoscaler.HorizontalController;
import io.kubelab.controller.podgc.PodGcController;
import io.kubelab.controller.replicaset.ReplicaSetController;
import io.kubelab.controller.resourcequota.ResourceQuotaController;
import io.kubelab.controller.rootca.RootCaPublisher;
import io.kubelab.controller.serviceaccount.ServiceAccountsController;
import io.kubelab.controller.statefulset.StatefulSetController;
import io.kubelab.controller.tainteviction.TaintEvictionController;
import io.kubelab.controller.ttlafterfinished.TtlAfterFinishedController;
import io.kubelab.controller.volume.PersistentVolumeController;
import io.kubelab.controller.volume.ProtectionController;
import io.kubelab.dns.CoreDns;
import io.kubelab.events.ComponentEvents;
import io.kubelab.kubelet.Kubelet;
import io.kubelab.model.ResourceType;
import io.kubelab.model.ResourceTypes;
import io.kubelab.proxy.KubeProxy;
import io.kubelab.runtime.ContainerLogs;
import io.kubelab.runtime.ContainerRuntime;
import io.kubelab.runtime.image.SimulatedImages;
import io.kubelab.scheduler.Scheduler;
import io.kubelab.store.Store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * A sandbox's running components, wired as a kubeadm cluster runs them: kube-controller-manager's
 * controllers, kube-scheduler, per node a container runtime, kubelet and kube-proxy, CoreDNS and the pod
 * network, metrics-server's backend, and (HA) the etcd members; and how stopping or starting one by name
 * ({@code scheduler}, {@code kubelet/node01}, {@code node/node01}, ...) reaches them.
 */
final class Components {

    private static final ResourceType NODES = ResourceTypes.of("v1", "Node");

    private final ClusterSpec spec;
    private final Store store;
    private final ApiServer api;
    private final Predicate<String> stopped;
    private final List<Controller> controllers = new ArrayList<>();
    private final Map<String, KubeProxy> proxies = new LinkedHashMap<>();
    private final Map<String, ContainerRuntime> runtimes = new LinkedHashMap<>();
    private final Map<String, Kubelet> kubelets = new LinkedHashMap<>();
    private CoreDns dns;
    private Scheduler scheduler;
    private ClusterNetwork network;
    private EtcdMembers etcdMembers;
    private MetricsServerBackend metricsServer;

    private Components(ClusterSpec spec, Store store, ApiServer api, Predicate<String> stopped) {
        this.spec = spec;
        this.store = store;
        this.api = api;
        this.stopped = stopped;
    }

    /** @param stopped what the student has stopped, by name (read when a component starts again) */
    static Components wire(ClusterSpec spec, SimClock clock, Store store, ApiServer api, ComponentEvents events,
                           ContainerLogs logs, long seed, Predicate<String> stopped) {
        Components c = new Components(spec, store, api, stopped);
        c.start(clock, events, logs, seed);
        return c;
    }

    private void start(SimClock clock, ComponentEvents events, ContainerLogs logs, long seed) {
        etcdMembers = EtcdMembers.of(spec, clock, store, events, seed).orElse(null);
        Informers informers = new Informers(api, clock, new SplittableRandom(seed ^ store.revision() ^ 0x5eed), events);
        controllers.add(new PersistentVolumeController(informers, clock));
        controllers.add(new ProtectionController(informers, clock));
        controllers.add(new NamespaceController(informers, clock));
        controllers.add(new ServiceAccountsController(informers, clock));
        controllers.add(new RootCaPublisher(informers, clock, SystemObjects.CA_PEM));
        controllers.add(new ReplicaSetController(informers, clock));
        controllers.add(new DeploymentController(informers, clock));
        controllers.add(new DaemonSetController(informers, clock));
        controllers.add(new StatefulSetController(informers, clock));
        controllers.add(new JobController(informers, clock));
        controllers.add(new CronJobController(informers, clock));
        controllers.add(new TtlAfterFinishedController(informers, clock));
        controllers.add(new ResourceQuotaController(informers, clock));
        controllers.add(new DisruptionController(informers, clock));
        controllers.add(new ServiceController(informers, clock));
        controllers.add(new EndpointsController(informers, clock));
        controllers.add(new EndpointSliceController(informers, clock));
        controllers.add(new GarbageCollector(informers, clock));
        controllers.add(new PodGcController(informers, clock));
        for (ClusterSpec.NodeSpec node : spec.nodes()) {
            proxies.put(node.name(), new KubeProxy(node.name(), node.internalIp(), SimCluster.CLUSTER_CIDR,
                    spec.proxyMode() == ClusterSpec.ProxyMode.IPVS ? KubeProxy.Mode.IPVS : KubeProxy.Mode.IPTABLES,
                    informers));
        }
        dns = new CoreDns(informers);
        network = new ClusterNetwork(spec, runtimes, proxies, dns, events);
        // The catalogue is shared; each sandbox reads it on its own clock.
        SimulatedImages images = SimulatedImages.standard(clock::now);
        for (ClusterSpec.NodeSpec node : spec.nodes()) {
            ContainerRuntime runtime = new ContainerRuntime(node.name(), node.internalIp(), node.podCidr(),
                    RuntimeFlavors.of(spec.runtime()), images, clock, events,
                    new SplittableRandom(seed ^ store.revision() ^ node.name().hashCode()), logs);
            runtimes.put(node.name(), runtime);
            kubelets.put(node.name(), new Kubelet(node.name(), api, clock, events,
                    new SplittableRandom(seed ^ node.name().hashCode() ^ 0x6b), runtime, network::forPod));
        }
        controllers.add(new NodeLifecycleController(informers, clock));
        controllers.add(new TaintEvictionController(informers, clock));
        controllers.add(new HorizontalController(informers, clock));
        metricsServer = new MetricsServerBackend(clock, api, spec, runtimes,
                node -> !stopped.test("kubelet/" + node) && !stopped.test("node/" + node), seed);
        api.setMetricsSource(metricsServer);
        api.setPodExec((node, uid, container, argv, stdin) -> {
            ContainerRuntime runtime = runtimes.get(node);
            if (runtime == null || stopped.test("kubelet/" + node) || stopped.test("node/" + node)) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(runtime.exec(uid, container, argv, stdin)
                    .map(r -> new io.kubelab.apiserver.PodExec.Result(r.stdout(), r.stderr(), r.exitCode()))
                    .orElse(io.kubelab.apiserver.PodExec.NOT_RUNNING));
        });
        scheduler = new Scheduler(api, clock, events, new SplittableRandom(seed ^ store.revision() ^ 0x5c4ed));
    }

    /** Everything stops, as the cluster parks. */
    void stopAll() {
        controllers.forEach(c -> c.setRunning(false));
        proxies.values().forEach(p -> p.setRunning(false));
        scheduler.stop();
        kubelets.values().forEach(k -> k.setRunning(false));
        metricsServer.stop();
        if (etcdMembers != null) {
            etcdMembers.close();
        }
    }

    /** Stops ({@code running} false) or starts the component named {@code component}. */
    void apply(String component, boolean running) {
        if (etcdMembers != null) {
            etcdMembers.apply(component, running, stopped);
        }
        if (component.equals("etcd")) {
            store.setAvailable(running);
        } else if (component.equals("apiserver")) {
            api.setRunning(running);
        } else if (component.equals("controller-manager")) {
            controllers.forEach(c -> c.setRunning(running && !stopped.test("controller-manager/" + c.name())));
        } else if (component.startsWith("controller-manager/")) {
            String name = component.substring("controller-manager/".length());
            controllers.stream().filter(c -> c.name().equals(name))
                    .forEach(c -> c.setRunning(running && !stopped.test("controller-manager")));
        } else if (component.equals("scheduler")) {
            scheduler.setRunning(running);
        } else if (component.startsWith("kubelet/")) {
            Kubelet kubelet = kubelets.get(component.substring("kubelet/".length()));
            if (kubelet != null) {
                kubelet.setRunning(running);
            }
        } else if (component.startsWith("node/")) {
            String node = component.substring("node/".length());
            if (runtimes.containsKey(node)) {
                // A node that fails loses everything on it; its kubelet, runtime and kube-proxy go with it.
                if (!running) {
                    kubelets.get(node).setNodeRunning(false);
                    proxies.get(node).setRunning(false);
                } else {
                    runtimes.get(node).setRunning(true);
                    proxies.get(node).setRunning(!stopped.test("kube-proxy/" + node));
                    kubelets.get(node).setRunning(!stopped.test("kubelet/" + node));
                }
            }
        } else if (component.startsWith("kube-proxy/")) {
            KubeProxy proxy = proxies.get(component.substring("kube-proxy/".length()));
            if (proxy != null) {
                proxy.setRunning(running);
            }
        }
    }

    /**
     * Whether a node that stopped heartbeating (failed, or its kubelet stopped) still shows Ready while the
     * node lifecycle controller runs: its grace period is then still to play out, which settling waits for.
     */
    boolean awaitingNodeVerdict() {
        if (stopped.test("controller-manager") || stopped.test("controller-manager/node-lifecycle")
                || stopped.test("etcd") || stopped.test("apiserver")) {
            return false;
        }
        for (ClusterSpec.NodeSpec node : spec.nodes()) {
            if (stopped.test("node/" + node.name()) || stopped.test("kubelet/" + node.name())) {
                boolean ready = api.peek(NODES, "", node.name()).map(n -> {
                    for (com.fasterxml.jackson.databind.JsonNode c : n.path("status").path("conditions")) {
                        if (c.path("type").asText().equals("Ready")) {
                            return c.path("status").asText().equals("True");
                        }
                    }
                    return false;
                }).orElse(false);
                if (ready) {
                    return true;
                }
            }
        }
        return false;
    }

    List<Controller> controllers() {
        return controllers;
    }

    Map<String, KubeProxy> proxies() {
        return proxies;
    }

    Map<String, ContainerRuntime> runtimes() {
        return runtimes;
    }

    CoreDns dns() {
        return dns;
    }

    ClusterNetwork network() {
        return network;
    }

    EtcdMembers etcdMembers() {
        return etcdMembers;
    }
}
