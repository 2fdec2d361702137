package io.kubelab.store.raft;

import java.time.Duration;

/**
 * How the members time their elections. {@link #ETCD} holds etcd 3.5's defaults: {@code --heartbeat-interval=100}
 * (one raft tick), {@code --election-timeout=1000} (ten ticks), pre-vote on ({@code --pre-vote}, default true
 * since 3.5) and check-quorum on (etcd always sets it).
 *
 * @param heartbeat     the leader's heartbeat interval, which is also the raft tick
 * @param electionTicks the election timeout in ticks; each member waits a random number of ticks in
 *                      {@code [electionTicks, 2 * electionTicks)} before it campaigns, as etcd's raft does
 * @param preVote       whether a member first asks whether it could win before it raises its term
 * @param checkQuorum   whether a leader steps down when it has not heard from a majority for an election timeout
 */
public record RaftConfig(Duration heartbeat, int electionTicks, boolean preVote, boolean checkQuorum) {

    public static final RaftConfig ETCD = new RaftConfig(Duration.ofMillis(100), 10, true, true);

    public RaftConfig {
        if (heartbeat.isNegative() || heartbeat.isZero() || electionTicks < 1) {
            throw new IllegalArgumentException("a raft tick above zero and at least one election tick are needed");
        }
    }

    /** The election timeout before randomisation: also how long a follower's lease on its leader lasts. */
    public Duration electionTimeout() {
        return heartbeat.multipliedBy(electionTicks);
    }

    public RaftConfig withPreVote(boolean value) {
        return new RaftConfig(heartbeat, electionTicks, value, checkQuorum);
    }
}
