package io.kubelab.cluster;

import io.kubelab.clock.SimClock;
import io.kubelab.events.ComponentEvents;
import io.kubelab.store.MemoryStore;
import io.kubelab.store.Store;
import io.kubelab.store.raft.RaftCluster;
import io.kubelab.store.raft.RaftConfig;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The stacked etcd members of an HA control plane (one per control-plane node), wired to the sandbox: their
 * raft decides whether the store has quorum, and stopping a member or its node stops it. A cluster with one
 * control-plane node has none of this: its single etcd is the store's own stop switch.
 */
public final class EtcdMembers {

    private static final long RANDOM_SALT = 0x7261_6674L;

    private final RaftCluster raft;

    private EtcdMembers(RaftCluster raft) {
        this.raft = raft;
    }

    /** The members of {@code spec}'s control plane, if it has several; they hold their first election at once. */
    static Optional<EtcdMembers> of(ClusterSpec spec, SimClock clock, Store store, ComponentEvents events, long seed) {
        if (!spec.highlyAvailable() || !(store instanceof MemoryStore memory)) {
            return Optional.empty();
        }
        RaftCluster raft = new RaftCluster(spec.controlPlanes().stream().map(ClusterSpec.NodeSpec::name).toList(),
                RaftConfig.ETCD, clock, new SplittableRandom(seed ^ RANDOM_SALT), events, memory::revision,
                memory::setQuorum);
        return Optional.of(new EtcdMembers(raft));
    }

    /**
     * Follows a component stop or start of {@link SimCluster}: {@code etcd/NODE} is that member's process,
     * {@code node/NODE} the machine it runs on; a member runs when neither is stopped.
     */
    void apply(String component, boolean running, Predicate<String> stopped) {
        int slash = component.indexOf('/');
        String kind = slash < 0 ? component : component.substring(0, slash);
        String node = slash < 0 ? "" : component.substring(slash + 1);
        if (!(kind.equals("etcd") || kind.equals("node")) || !raft.hasMember(node)) {
            return;
        }
        if (running && !stopped.test("etcd/" + node) && !stopped.test("node/" + node)) {
            raft.start(node);
        } else if (!running) {
            raft.stop(node);
        }
    }

    /** The members' raft: status, partitions. */
    public RaftCluster raft() {
        return raft;
    }

    void close() {
        raft.close();
    }
}
