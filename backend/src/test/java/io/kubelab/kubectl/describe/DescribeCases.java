package io.kubelab.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelab.cluster.SimCluster;
import io.kubelab.model.ResourceTypes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** The objects of {@link DescribeScenario} the golden files describe, one or more of every kind. */
final class DescribeCases {

    record Case(String type, String namespace, String name, String file) {
    }

    /** A scenario the golden files were taken from: how to build it, which objects to describe, where its files are. */
    enum Scenario {
        MAIN("", DescribeScenario::build, DescribeCases::all),
        MORE("more", MoreScenario::build, MoreScenario::cases);

        final java.nio.file.Path dir;
        final java.util.function.Function<java.time.Instant, SimCluster> build;
        final java.util.function.Function<SimCluster, List<Case>> cases;

        Scenario(String dir, java.util.function.Function<java.time.Instant, SimCluster> build,
                 java.util.function.Function<SimCluster, List<Case>> cases) {
            this.dir = DescribeOracle.GOLDEN.resolve(dir);
            this.build = build;
            this.cases = cases;
        }
    }

    private DescribeCases() {
    }

    static List<Case> all(SimCluster cluster) {
        List<Case> cases = new ArrayList<>();
        add(cases, "pod", "default", first(cluster, "v1", "Pod", "default", o -> name(o).startsWith("web-")), "pod-web.txt");
        add(cases, "pod", "default", "crasher", "pod-crasher.txt");
        add(cases, "pod", "default", "hungry", "pod-pending.txt");
        add(cases, "pod", "default", "db-0", "pod-statefulset.txt");
        add(cases, "pod", "default", first(cluster, "v1", "Pod", "default", o -> name(o).startsWith("pi-")), "pod-job.txt");
        add(cases, "pod", "kube-system", "etcd-controlplane", "pod-static.txt");
        add(cases, "pod", "kube-system", first(cluster, "v1", "Pod", "kube-system", o -> name(o).startsWith("coredns-")), "pod-coredns.txt");
        add(cases, "pod", "kube-system", first(cluster, "v1", "Pod", "kube-system", o -> name(o).startsWith("kube-proxy-")), "pod-kube-proxy.txt");
        add(cases, "deployment", "default", "web", "deployment.txt");
        add(cases, "deployment", "kube-system", "coredns", "deployment-coredns.txt");
        add(cases, "replicaset", "default", first(cluster, "apps/v1", "ReplicaSet", "default", o -> name(o).startsWith("web-")), "replicaset.txt");
        add(cases, "service", "default", "web", "service.txt");
        add(cases, "service", "default", "web-np", "service-nodeport.txt");
        add(cases, "service", "default", "db", "service-headless.txt");
        add(cases, "service", "kube-system", "kube-dns", "service-kube-dns.txt");
        add(cases, "node", "", "controlplane", "node-controlplane.txt");
        add(cases, "node", "", "node01", "node01.txt");
        add(cases, "node", "", "node02", "node02-cordoned.txt");
        add(cases, "namespace", "", "team", "namespace-quota.txt");
        add(cases, "namespace", "", "default", "namespace.txt");
        add(cases, "configmap", "default", "web-config", "configmap.txt");
        add(cases, "secret", "default", "web-secret", "secret.txt");
        add(cases, "serviceaccount", "default", "builder", "serviceaccount.txt");
        add(cases, "serviceaccount", "default", "default", "serviceaccount-default.txt");
        add(cases, "daemonset", "default", "logger", "daemonset.txt");
        add(cases, "daemonset", "kube-system", "kube-proxy", "daemonset-kube-proxy.txt");
        add(cases, "statefulset", "default", "db", "statefulset.txt");
        add(cases, "job", "default", "pi", "job.txt");
        add(cases, "cronjob", "default", "tick", "cronjob.txt");
        add(cases, "endpoints", "default", "web", "endpoints.txt");
        add(cases, "endpointslice", "default", first(cluster, "discovery.k8s.io/v1", "EndpointSlice", "default",
                o -> name(o).startsWith("web-") && !name(o).startsWith("web-np")), "endpointslice.txt");
        add(cases, "ingress", "default", "web", "ingress.txt");
        add(cases, "networkpolicy", "default", "web-allow", "networkpolicy.txt");
        add(cases, "pv", "", "pv-shared", "persistentvolume.txt");
        add(cases, "pvc", "default", "shared", "persistentvolumeclaim.txt");
        add(cases, "pvc", "default", "data-db-0", "persistentvolumeclaim-template.txt");
        add(cases, "storageclass", "", "standard", "storageclass.txt");
        add(cases, "hpa", "default", "web", "horizontalpodautoscaler.txt");
        add(cases, "pdb", "default", "web", "poddisruptionbudget.txt");
        add(cases, "quota", "team", "team-quota", "resourcequota.txt");
        add(cases, "limitrange", "team", "team-limits", "limitrange.txt");
        add(cases, "role", "default", "pod-reader", "role.txt");
        add(cases, "rolebinding", "default", "read-pods", "rolebinding.txt");
        add(cases, "clusterrole", "", "system:kube-scheduler", "clusterrole.txt");
        add(cases, "clusterrolebinding", "", "kubeadm:cluster-admins", "clusterrolebinding.txt");
        add(cases, "priorityclass", "", "high", "priorityclass.txt");
        add(cases, "lease", "kube-node-lease", "node01", "lease.txt");
        add(cases, "controllerrevision", "default", first(cluster, "apps/v1", "ControllerRevision", "default",
                o -> name(o).startsWith("logger-")), "controllerrevision.txt");
        add(cases, "event", "default", first(cluster, "v1", "Event", "default",
                o -> o.path("involvedObject").path("name").asText().equals("crasher")), "event.txt");
        return cases;
    }

    static void add(List<Case> cases, String type, String namespace, String name, String file) {
        cases.add(new Case(type, namespace, name, file));
    }

    static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    static String first(SimCluster cluster, String apiVersion, String kind, String namespace, Predicate<JsonNode> which) {
        return cluster.api().peekAll(ResourceTypes.of(apiVersion, kind), namespace).stream()
                .filter(which).map(DescribeCases::name).sorted(Comparator.naturalOrder()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + kind + " in " + namespace));
    }
}
