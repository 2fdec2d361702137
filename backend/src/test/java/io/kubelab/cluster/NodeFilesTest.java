package io.kubelab.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelab.clock.SimClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The nodes' files: kubeadm's seed, the static pod manifests it derives, and what a parked sandbox keeps. */
class NodeFilesTest {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void theSeedIsWhatKubeadmLeaves() {
        SimCluster cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(T0), 3);
        NodeFiles cp = cluster.host("controlplane").orElseThrow().files();
        assertEquals(List.of("etcd.yaml", "kube-apiserver.yaml", "kube-controller-manager.yaml", "kube-scheduler.yaml"),
                cp.children("/etc/kubernetes/manifests"));
        assertEquals(List.of("admin.conf", "controller-manager.conf", "kubelet.conf", "manifests", "pki",
                "scheduler.conf", "super-admin.conf"), cp.children("/etc/kubernetes"));
        assertTrue(cp.children("/etc/kubernetes/pki").containsAll(List.of("apiserver.crt", "ca.key", "etcd", "sa.pub")));
        assertEquals(List.of(), cluster.host("node01").orElseThrow().files().children("/etc/kubernetes/manifests"));
        assertEquals("node02", cluster.host("172.30.2.3").orElseThrow().name());
    }

    @Test
    void aManifestReadsBackAsItsMirrorPod() {
        SimCluster cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(T0), 3);
        NodeFiles cp = cluster.host("controlplane").orElseThrow().files();
        for (String component : List.of("etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler")) {
            ObjectNode manifest = ManifestYaml.parse(cp.read("/etc/kubernetes/manifests/" + component + ".yaml").orElseThrow());
            ObjectNode mirror = cluster.api().peek(StaticPods.PODS, "kube-system", component + "-controlplane").orElseThrow();
            assertEquals(mirror.path("spec").path("containers").path(0).path("command"),
                    manifest.path("spec").path("containers").path(0).path("command"), component);
            assertEquals(mirror.path("spec").path("volumes"), manifest.path("spec").path("volumes"), component);
            assertEquals(ManifestYaml.write(manifest), cp.read("/etc/kubernetes/manifests/" + component + ".yaml")
                    .orElseThrow(), component);
        }
    }

    @Test
    void changedFilesSurviveParking() {
        SimClock clock = SimClock.manual(T0);
        SimCluster cluster = SimCluster.create(ClusterSpec.standard(), clock, 3);
        NodeFiles cp = cluster.host("controlplane").orElseThrow().files();
        String scheduler = cp.read("/etc/kubernetes/manifests/kube-scheduler.yaml").orElseThrow();
        cp.write("/tmp/kube-scheduler.yaml", scheduler);
        cp.delete("/etc/kubernetes/manifests/kube-scheduler.yaml");
        cluster.host("node01").orElseThrow().files().mkdirs("/root/work");
        assertTrue(cluster.isStopped("scheduler"));

        SimCluster woken = SimCluster.wake(cluster.park(), clock);
        NodeFiles after = woken.host("controlplane").orElseThrow().files();
        assertEquals(scheduler, after.read("/tmp/kube-scheduler.yaml").orElseThrow());
        assertFalse(after.isFile("/etc/kubernetes/manifests/kube-scheduler.yaml"));
        assertTrue(woken.host("node01").orElseThrow().files().isDirectory("/root/work"));
        assertTrue(woken.isStopped("scheduler"));
        after.write("/etc/kubernetes/manifests/kube-scheduler.yaml", scheduler);
        assertFalse(woken.isStopped("scheduler"));
        assertTrue(woken.api().peek(StaticPods.PODS, "kube-system", "kube-scheduler-controlplane").isPresent());
    }

    @Test
    void yamlIsWrittenAsKubeadmWritesIt() {
        ObjectNode pod = Json.parse("{\"b\":{\"list\":[{\"x\":\"1\",\"a\":true}],\"empty\":{},\"none\":[]},"
                + "\"a\":\"--flag=value\",\"c\":\"\",\"d\":\"true\",\"e\":\"has: colon\",\"f\":\"line1\\nline2\\n\"}");
        assertEquals("a: --flag=value\nb:\n  empty: {}\n  list:\n  - a: true\n    x: \"1\"\n  none: []\nc: \"\"\n"
                + "d: \"true\"\ne: \"has: colon\"\nf: |\n  line1\n  line2\n", ManifestYaml.write(pod));
        assertEquals(pod, ManifestYaml.parse(ManifestYaml.write(pod)));
    }
}
