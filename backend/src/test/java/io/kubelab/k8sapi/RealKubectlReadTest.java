package io.kubelab.k8sapi;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The other reading verbs (explain, api-resources, api-versions, events, logs, wait, version) with the real
 * kubectl over our HTTP API against our terminal, on the realistic cluster.
 */
class RealKubectlReadTest {

    private static KubeApiHarness harness;
    private static RealKubectl kubectl;

    @BeforeAll
    static void start() {
        kubectl = RealKubectl.version(32);
        harness = RealisticCluster.harness();
    }

    private static void same(List<String> lines) {
        new Differential(harness, kubectl).sameReads(lines).assertNone();
    }

    @Test
    void discoveryAndSchema() {
        same(List.of("api-resources", "api-resources -o wide", "api-resources --namespaced=false",
                "api-resources --namespaced=true -o name", "api-resources --api-group=apps", "api-resources --api-group=",
                "api-resources --verbs=list,watch", "api-resources --verbs=create -o name --sort-by=name",
                "api-resources --sort-by=kind --no-headers", "api-versions", "explain pods",
                "explain deploy.spec.strategy", "explain svc.spec.ports --recursive",
                "explain cronjob.spec.jobTemplate.spec.template.spec.containers.resources", "explain ingress --recursive",
                "explain hpa.spec.metrics", "explain pods.spec.nope", "explain nope"));
    }

    @Test
    void events() {
        same(List.of("events", "events -A", "events -n data", "events --for pod/broken", "events --for=deploy/web",
                "events --types=Warning -A", "events --types=Normal,Warning -n shop", "events -n shop -o yaml", "events -n data -o json", "events -n data -o name",
                "events --for pod/huge -n data -o jsonpath={.kind}",
                "events --for pod/nope", "events -n nowhere", "events --types=Bogus"));
    }

    @Test
    void logs() {
        // Several pods or containers print in Go's random map order: only lines whose text cannot tell.
        same(List.of("logs deploy/web", "logs deploy/web -c sidecar --tail=3", "logs job/once --all-containers --prefix",
                "logs -l app=web --tail=1 -c sidecar", "logs -n shop -l app=api --tail=0 --all-containers",
                "logs -n data db-0 --tail=2 --timestamps", "logs job/once", "logs job/once --timestamps",
                "logs deploy/web -c sidecar --since=30s", "logs deploy/web -c sidecar --since-time=2026-11-25T10:05:00Z",
                "logs broken", "logs broken --previous", "logs huge -n data", "logs deploy/web -c nope", "logs nope",
                "logs deploy/nope", "logs -n data sts/db --limit-bytes=20", "logs -n shop ds/agent"));
    }

    @Test
    void waitForConditionsThatHold() {
        same(List.of("wait --for=condition=Ready pod -l app=web --timeout=5s",
                "wait --for=condition=Available deploy/web --timeout=5s", "wait --for=condition=Complete job/once",
                "wait --for=jsonpath={.status.phase}=Running pod -l app=api -n shop",
                "wait --for=jsonpath={.spec.replicas}=3 deploy/web", "wait --for=delete pod/nope --timeout=1s",
                "wait --for=condition=Ready pod/huge -n data --timeout=1s", "wait --for=bogus pod/broken"));
    }

    @Test
    void waitBlocksUntilTheClusterGetsThere() {
        harness.terminal("kubectl scale deploy api -n shop --replicas=3");
        RealKubectl.Result ready = harness.kubectl(kubectl, List.of("wait", "--for=condition=Available=true",
                "deploy/api", "-n", "shop", "--timeout=60s"), "", Map.of(), Duration.ofSeconds(1));
        assertEquals(new RealKubectl.Result("deployment.apps/api condition met\n", "", 0), ready);
        // A finalizer holds the pod until kubectl waits; removing it then lets the deletion finish.
        String pod = harness.terminal("kubectl get pods -n shop -l app=api -o name").stdout().split("\n")[0];
        harness.terminal("kubectl patch -n shop " + pod + " -p '{\"metadata\":{\"finalizers\":[\"kubelab.io/hold\"]}}'");
        harness.terminal("kubectl delete -n shop " + pod + " --wait=false");
        RealKubectl.Result gone = harness.kubectlWhile(kubectl, List.of("wait", "--for=delete", pod, "-n", "shop",
                "--timeout=60s"), Duration.ofSeconds(1), Duration.ofSeconds(1),
                "kubectl patch -n shop " + pod + " --type=json -p '[{\"op\":\"remove\",\"path\":\"/metadata/finalizers\"}]'");
        assertEquals(new RealKubectl.Result(pod + " condition met\n", "", 0), gone);
        harness.terminal("kubectl scale deploy api -n shop --replicas=1");
        RealKubectl.Result replicas = harness.kubectl(kubectl, List.of("wait",
                "--for=jsonpath={.status.readyReplicas}=1", "deploy/api", "-n", "shop", "--timeout=60s"), "",
                Map.of(), Duration.ofSeconds(1));
        assertEquals(new RealKubectl.Result("deployment.apps/api condition met\n", "", 0), replicas);
        // Other tests read this shared cluster: leave it settled.
        harness.settle();
    }

    @Test
    void serverVersionAndClusterInfo() {
        RealKubectl.Result version = harness.kubectl(kubectl, "version");
        assertTrue(version.stdout().contains("\nServer Version: v1.32.2\n"), version.stdout());
        // Our terminal colours cluster-info (a terminal) and names the cluster's own address: the shape only.
        RealKubectl.Result info = harness.kubectl(kubectl, "cluster-info");
        String server = "http://127.0.0.1:" + harness.port() + "/k8s/harness";
        assertEquals("Kubernetes control plane is running at " + server + "\nCoreDNS is running at " + server
                + "/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster "
                + "problems, use 'kubectl cluster-info dump'.\n", info.stdout());
    }
}
