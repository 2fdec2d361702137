package io.kubelab.k8sapi;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

/** {@code kubectl get} in all its forms: the real kubectl over our HTTP API prints what our terminal prints. */
class RealKubectlGetTest {

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
    void everyKindByPluralShortNameAndKind() {
        same(List.of("get pods", "get po -A", "get deployments -A", "get deploy -n shop", "get rs -A",
                "get statefulsets -A", "get sts -n data", "get ds -A", "get jobs", "get cronjobs -A", "get cj -n shop",
                "get svc -A", "get services -n shop", "get ep -A", "get endpointslices -A", "get cm", "get configmaps -A",
                "get secrets -A", "get ing", "get ingressclass", "get netpol -A", "get pv", "get pvc -A", "get sc",
                "get hpa", "get pdb", "get roles -A", "get rolebindings -A", "get clusterroles node-viewer",
                "get clusterrolebinding robot-views-nodes", "get sa -n shop", "get ns", "get nodes", "get no",
                "get events -n data", "get leases -A", "get limits -A", "get quota -A", "get priorityclasses",
                "get apiservices", "get controllerrevisions -A", "get csr", "get Deployment", "get deployment.apps",
                "get deployments.v1.apps -A"));
    }

    @Test
    void namesListsAndAll() {
        same(List.of("get deploy/web", "get deploy/web svc/web", "get deploy,svc", "get deploy,svc -n shop",
                "get all", "get all -n shop", "get all -A", "get pod broken", "get deploy web api",
                "get cm,secret -n shop", "get ns shop data"));
    }

    @Test
    void outputFormats() {
        same(List.of("get pods -o wide", "get pods -A -o wide", "get deploy -A -o wide", "get svc -A -o wide",
                "get nodes -o wide", "get sts,ds -A -o wide", "get jobs,cj -A -o wide", "get rs -A -o wide",
                "get ing -o wide", "get pvc,pv -A -o wide", "get hpa -o wide", "get rolebindings -A -o wide",
                "get clusterrolebinding robot-views-nodes -o wide",
                "get deploy web -o yaml", "get svc api -n shop -o json", "get pod huge -n data -o yaml",
                "get cm settings -o json", "get ns shop -o yaml", "get deploy -o name -A", "get all -o name",
                "get pods -o jsonpath={.items[*].metadata.name}",
                "get deploy web -o jsonpath={.spec.template.spec.containers[*].image}",
                "get nodes -o jsonpath='{range .items[*]}{.metadata.name}{\"\\t\"}{.status.nodeInfo.kubeletVersion}{\"\\n\"}{end}'",
                "get pods -A -o jsonpath-as-json={.items[*].metadata.name}",
                "get deploy web -o go-template={{.metadata.name}}:{{.spec.replicas}}",
                "get pods -o go-template='{{range .items}}{{.metadata.name}} {{.status.phase}}{{\"\\n\"}}{{end}}'",
                "get pods -A -o custom-columns=NAME:.metadata.name,NS:.metadata.namespace,NODE:.spec.nodeName",
                "get svc -A -o custom-columns=NAME:.metadata.name,TYPE:.spec.type,PORTS:.spec.ports[*].port",
                "get deploy web -o jsonpath={.status}", "get pods -o yaml", "get svc -n shop -o json"));
    }

    @Test
    void sortingAndSelectors() {
        same(List.of("get pods -A --sort-by=.metadata.name", "get pods -A --sort-by=.metadata.creationTimestamp",
                "get pods -A --sort-by=.spec.nodeName", "get svc -A --sort-by=.spec.type",
                "get deploy -A --sort-by=.spec.replicas", "get pv --sort-by=.spec.capacity.storage",
                "get pods -l app=web", "get pods -A -l app!=web", "get pods -A -l 'app in (web,api)'",
                "get pods -A -l 'app notin (web,api)'", "get pods -A -l tier", "get pods -A -l '!tier'",
                "get pods -A -l app=web,tier=frontend", "get ns -l team", "get ns -l team=sales",
                "get pods -A --field-selector=status.phase=Pending", "get pods -A --field-selector=spec.nodeName=node01",
                "get pods --field-selector=metadata.name=broken", "get pods -A --field-selector=status.phase!=Running",
                "get pods -A --show-labels", "get deploy -A -L app -L tier", "get pods -A -Lapp,tier",
                "get pods -A --no-headers", "get deploy,svc -A --show-kind", "get pods --show-kind",
                "get pods -A --chunk-size=2", "get cm -A --chunk-size=1", "get pods -A --chunk-size=3 -o name",
                "get deploy -A --chunk-size=1 -o wide"));
    }

    @Test
    void errors() {
        same(List.of("get pod nope", "get pod nope --ignore-not-found", "get pods nope -o yaml --ignore-not-found",
                "get nope", "get deploy/nope svc/web", "get pods -l 'app in (web'", "get pods -l '=='",
                "get pods --field-selector=spec.bogus=x", "get pods -o jsonpath={.items[*].metadata.name",
                "get pods -o jsonpath={.bogus}", "get deploy web -o jsonpath={.spec.nope}",
                "get pods -o custom-columns=NAME", "get pods -o bogus", "get pods -n nowhere",
                "get ns nowhere", "get pods --sort-by=.spec.nope", "get deploy web -n shop"));
    }
}
