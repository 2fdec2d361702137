package io.kubelab.shell;

import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimCommandTest {

    SimCluster cluster;
    Shell shell;

    @BeforeEach
    void setUp() {
        cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(Instant.parse("2026-11-25T10:00:00Z")), 1);
        shell = new Shell(cluster);
    }

    @Test
    void timeAdvancesAndSettles() {
        assertEquals("2026-11-25T10:00:00Z (paused)\n", shell.execute("sim time").stdout());
        assertEquals("Advanced 1m30s; simulated time is now 2026-11-25T10:01:30Z.\n",
                shell.execute("sim advance 90s").stdout());
        assertEquals("Settled after 0s of simulated time.\n", shell.execute("sim settle").stdout());
        boolean[] ran = {false};
        cluster.clock().schedule(java.time.Duration.ofSeconds(40), () -> ran[0] = true);
        assertEquals("Settled after 40s of simulated time.\n", shell.execute("sim settle --max 5m").stdout());
        assertTrue(ran[0]);
        cluster.clock().schedule(java.time.Duration.ofMinutes(10), () -> { });
        CommandResult capped = shell.execute("sim settle --max=1m");
        assertEquals(1, capped.exitCode());
        assertTrue(capped.stderr().startsWith("Not settled after 1m0s"), capped.stderr());
    }

    @Test
    void speedPauseAndResume() {
        assertEquals("Simulated time now runs realtime at 10x.\n", shell.execute("sim speed 10").stdout());
        assertEquals(SimClock.Mode.REALTIME, cluster.clock().mode());
        shell.execute("sim pause");
        assertEquals(SimClock.Mode.PAUSED, cluster.clock().mode());
        assertEquals("Simulated time resumed: realtime at 10x.\n", shell.execute("sim resume").stdout());
        assertEquals("Simulated time now runs instant: time jumps to the next event.\n",
                shell.execute("sim speed instant").stdout());
    }

    @Test
    void stoppingEtcdMakesTheApiServerFail() {
        assertEquals("etcd stopped.\n", shell.execute("sim stop etcd").stdout());
        assertEquals("clock:              2026-11-25T10:00:00Z (paused)\napiserver:          running\n"
                + "controller-manager: running\netcd:               stopped\nscheduler:          running\n"
                + "controlplane:       kubelet running, kube-proxy running\n"
                + "node01:             kubelet running, kube-proxy running\n"
                + "node02:             kubelet running, kube-proxy running\n", shell.execute("sim status").stdout());
        assertTrue(cluster.isStopped("etcd"));
        shell.execute("sim start etcd");
        assertTrue(!cluster.isStopped("etcd"));
    }

    @Test
    void aStoppedKubeProxyIsShownPerNodeAndItsRulesCanBeRead() {
        assertEquals("kube-proxy on node01 stopped.\n", shell.execute("sim stop kube-proxy node01").stdout());
        assertTrue(cluster.isStopped("kube-proxy/node01"));
        assertTrue(shell.execute("sim status").stdout().contains("node01:             kubelet running, kube-proxy stopped\n"));
        String rules = shell.execute("sim node node01 iptables").stdout();
        assertTrue(rules.contains("-A KUBE-SERVICES -d 10.96.0.1/32 -p tcp"), rules);
        assertTrue(shell.execute("sim node node01 ipvs").stdout().startsWith("IP Virtual Server version 1.2.1"));
        CommandResult unknown = shell.execute("sim node node09 iptables");
        assertEquals("sim: no node \"node09\"; the nodes are controlplane, node01, node02\n", unknown.stderr());
        assertEquals(2, shell.execute("sim stop kube-proxy").exitCode());
    }

    @Test
    void aFailedNodeIsShownAndACurlFromOutsideFindsNothingThere() {
        assertEquals("Node node02 failed: it no longer answers, and its kubelet stops posting status.\n",
                shell.execute("sim node node02 fail").stdout());
        assertTrue(shell.execute("sim status").stdout().contains("node02:             failed\n"));
        CommandResult refused = shell.execute("sim curl http://172.30.2.2:30999/");
        assertEquals(7, refused.exitCode());
        assertEquals("curl: (7) Failed to connect to 172.30.2.2 port 30999 after 0 ms: Couldn't connect to server\n",
                refused.stderr());
        CommandResult down = shell.execute("sim curl 172.30.2.3:30999");
        assertEquals(28, down.exitCode(), down.stderr());
        assertEquals("Node node02 is back; its kubelet starts again.\n", shell.execute("sim node node02 recover").stdout());
        assertEquals(6, shell.execute("sim curl http://web.example/").exitCode());
    }

    @Test
    void oneControllerCanBeStopped() {
        assertEquals("The deployment controller of kube-controller-manager stopped.\n",
                shell.execute("sim stop controller-manager deployment").stdout());
        assertTrue(cluster.isStopped("controller-manager/deployment"));
        assertTrue(shell.execute("sim status").stdout().contains("controller-manager: running (stopped: deployment)\n"));
        assertTrue(shell.execute("sim stop controller-manager nope").stderr()
                .startsWith("sim: stop: kube-controller-manager has no controller \"nope\"; its controllers are "));
        shell.execute("sim start controller-manager deployment");
        assertTrue(!cluster.isStopped("controller-manager/deployment"));
    }

    @Test
    void badInputIsExplained() {
        assertEquals(2, shell.execute("sim advance soon").exitCode());
        assertEquals(2, shell.execute("sim speed fast").exitCode());
        assertEquals(2, shell.execute("sim stop kubelet").exitCode());
        assertEquals(2, shell.execute("sim").exitCode());
        assertTrue(shell.execute("sim --help").stdout().startsWith("Usage: sim COMMAND"));
    }
}
