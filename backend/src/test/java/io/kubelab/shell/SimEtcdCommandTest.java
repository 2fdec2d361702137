package io.kubelab.shell;

import io.kubelab.clock.SimClock;
import io.kubelab.cluster.ClusterSpec;
import io.kubelab.cluster.SimCluster;
import io.kubelab.events.ComponentEvents;
import io.kubelab.store.raft.RaftCluster;
import io.kubelab.store.raft.RaftConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimEtcdCommandTest {

    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void statusShowsEachMember() {
        SimClock clock = SimClock.manual(START);
        RaftCluster raft = new RaftCluster(List.of("controlplane", "controlplane2", "controlplane3"), RaftConfig.ETCD,
                clock, new SplittableRandom(1), new ComponentEvents(clock::now, 0), () -> 400, q -> { });
        clock.settle(() -> clock.pending() == 0, Duration.ofMinutes(1));
        raft.stop("controlplane");
        raft.partition(List.of("controlplane2"));
        assertEquals("""
                MEMBER          STATE      TERM   VOTED-FOR       LEADER          COMMIT   REACHES
                controlplane    stopped    2      controlplane3   -               404      -
                controlplane2   follower   2      controlplane3   -               404      -
                controlplane3   leader     2      controlplane3   controlplane3   404      -

                quorum: no (2 of 3 members needed; 2 running)
                leader: none
                """, SimEtcdCommand.status(raft));
    }

    @Test
    void commandsDriveTheMembersOfAnHaCluster() {
        SimCluster cluster = SimCluster.create(ClusterSpec.ha(), SimClock.manual(START), 5);
        cluster.clock().settle(cluster::stable, Duration.ofMinutes(1));
        RaftCluster raft = cluster.etcdMembers().orElseThrow().raft();
        assertTrue(SimEtcdCommand.handles(List.of("stop", "etcd", "controlplane2")));
        assertFalse(SimEtcdCommand.handles(List.of("stop", "etcd")));
        assertEquals("etcd on controlplane2 stopped.\n",
                SimEtcdCommand.run(cluster, List.of("stop", "etcd", "controlplane2")).stdout());
        assertTrue(cluster.isStopped("etcd/controlplane2"));
        assertEquals("controlplane3 cut off from the other etcd members.\n",
                SimEtcdCommand.run(cluster, List.of("partition", "controlplane3")).stdout());
        assertFalse(raft.hasQuorum());
        assertTrue(SimEtcdCommand.run(cluster, List.of("etcd", "status")).stdout().contains("\nquorum: no "));
        assertEquals("Every etcd member reaches every other again.\n",
                SimEtcdCommand.run(cluster, List.of("heal")).stdout());
        assertTrue(raft.hasQuorum());
        assertEquals("etcd on controlplane2 started.\n",
                SimEtcdCommand.run(cluster, List.of("start", "etcd", "controlplane2")).stdout());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> SimEtcdCommand.run(cluster, List.of("partition", "node01")));
        assertEquals("partition: no etcd member on \"node01\"; the members are controlplane, controlplane2, "
                + "controlplane3", unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SimEtcdCommand.run(cluster,
                List.of("partition", "controlplane", "controlplane2", "controlplane3")));
    }

    @Test
    void aSingleControlPlaneHasNoMembersToDrive() {
        SimCluster cluster = SimCluster.create(ClusterSpec.standard(), SimClock.manual(START), 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimEtcdCommand.run(cluster, List.of("etcd", "status")));
        assertEquals("etcd: this cluster has a single etcd (stop it with sim stop etcd); an HA control plane has one "
                + "member on each control-plane node", e.getMessage());
    }
}
