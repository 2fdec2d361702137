package io.kubelab.store.raft;

import java.time.Instant;

/**
 * One etcd member's raft state. {@code term} and {@code votedFor} are what etcd keeps in its WAL, so
 * they survive a restart; the rest is volatile. Times are simulated instants.
 */
final class RaftMember {

    final String name;
    boolean running = true;
    /** Members exchange messages only within the same partition group; 0 is the healed network. */
    int group;
    Role role = Role.FOLLOWER;
    long term;
    String votedFor;
    /** The leader this member last heard from (raft's {@code lead}); null when it knows none. */
    String leader;
    /** When it last heard from that leader: a follower inside its lease ignores other members' campaigns. */
    Instant lastHeard;
    /** When its election timer fires next; null while a live leader's heartbeats keep resetting it. */
    Instant deadline;
    /** A leader's check-quorum step-down, due when it has not heard from a majority for an election timeout. */
    Instant stepDownAt;
    /** When it became leader: check-quorum runs every election timeout from then. */
    Instant leaderSince;
    /** Whether its log follows a leader that commits (then its log is the cluster's) or is frozen below. */
    boolean synced;
    long logTerm;
    long logIndex;
    /** Whether the failure of its current string of campaigns was already narrated (retries are not). */
    boolean failureNarrated;

    RaftMember(String name) {
        this.name = name;
    }
}
