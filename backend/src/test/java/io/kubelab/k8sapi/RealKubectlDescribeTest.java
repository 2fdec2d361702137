package io.kubelab.k8sapi;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * {@code kubectl describe} of every kind the realistic cluster holds: the real kubectl over our HTTP API prints
 * what our terminal prints, but for the event ages kubectl computes from its own clock. (A ConfigMap or Secret
 * with several keys is left out: kubectl prints their keys in Go's random map order.)
 */
class RealKubectlDescribeTest {

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
    void workloads() {
        same(List.of("describe deploy web", "describe deployment api -n shop", "describe sts db -n data",
                "describe ds agent -n shop", "describe job once", "describe cj nightly -n shop", "describe rs -n shop",
                "describe pods -l app=web", "describe pod broken", "describe pod huge -n data", "describe pods -n data",
                "describe hpa web", "describe pdb web"));
    }

    @Test
    void networkingConfigStorageAndAccess() {
        same(List.of("describe svc web", "describe svc -n shop", "describe svc db -n data", "describe ep web",
                "describe ing web", "describe ingressclass nginx", "describe netpol deny-all -n shop",
                "describe cm kube-root-ca.crt", "describe secret creds -n shop", "describe pv pv1",
                "describe pvc claim -n data", "describe sc local", "describe role reader -n shop",
                "describe rolebinding robot-reads -n shop", "describe clusterrole node-viewer",
                "describe clusterrolebinding robot-views-nodes", "describe sa robot -n shop", "describe ns shop",
                "describe node node01", "describe nodes controlplane", "describe priorityclass system-node-critical",
                "describe lease -n kube-node-lease node02", "describe quota -A", "describe deploy",
                "describe pod nope", "describe nope", "describe deploy -l app=nope"));
    }
}
