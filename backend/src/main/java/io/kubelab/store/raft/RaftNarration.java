package io.kubelab.store.raft;

import io.kubelab.clock.GoDuration;
import io.kubelab.events.ComponentEvents;

import java.time.Duration;
import java.util.List;

/** The etcd members' component events: what raft does, one plain sentence each. */
final class RaftNarration {

    static final String COMPONENT = "etcd";

    private final ComponentEvents events;
    private final int size;

    RaftNarration(ComponentEvents events, int size) {
        this.events = events;
        this.size = size;
    }

    void leaderLost(String member, String leader, Duration silence) {
        emit(member, "leader-lost", "etcd on " + member + " lost its leader " + leader + ": no heartbeat for "
                + GoDuration.format(silence) + ", longer than its election timeout.");
    }

    void preVote(String member, long term, List<String> yes) {
        List<String> others = yes.subList(1, yes.size());
        emit(member, "pre-vote", "etcd on " + member + " asked the other members whether it could win an election for term "
                + term + " (pre-vote); " + (others.isEmpty() ? "none of them said yes." : join(others) + " said yes."));
    }

    void preVoteFailed(String member, long term, List<String> yes) {
        emit(member, "pre-vote-failed", "etcd on " + member + " does not start an election for term " + term
                + ": only " + join(yes) + " agreed in the pre-vote, and it needs " + majority() + " of the " + size
                + " members. It keeps asking quietly, without raising its term.");
    }

    void campaign(String member, long term) {
        emit(member, "campaign", "etcd on " + member + " started an election for term " + term
                + " and voted for itself.");
    }

    void vote(String voter, String candidate, long term) {
        emit(voter, "vote", "etcd on " + voter + " voted for " + candidate + " in the election for term " + term + ".");
    }

    void electionLost(String member, long term, List<String> votes) {
        emit(member, "election-failed", "etcd on " + member + " did not win the election for term " + term
                + ": it has votes from " + join(votes) + " only, and it needs " + majority() + " of the " + size
                + " members.");
    }

    void elected(String member, long term, List<String> votes) {
        emit(member, "elected", "etcd on " + member + " won the election for term " + term + " with votes from "
                + join(votes) + ".");
    }

    void follows(String member, String leader, long term) {
        emit(member, "follow", "etcd on " + member + " follows leader " + leader + " in term " + term + ".");
    }

    void steppedDownNoQuorum(String member, long term, Duration period) {
        emit(member, "step-down", "etcd on " + member + " stepped down as leader of term " + term + ": for "
                + GoDuration.format(period) + " it heard from fewer than " + majority() + " of the " + size
                + " members.");
    }

    void steppedDownHigherTerm(String member, long term, String other, long otherTerm) {
        emit(member, "step-down", "etcd on " + member + " stepped down as leader of term " + term + ": " + other
                + " is at term " + otherTerm + ", which is newer.");
    }

    void quorumLost(List<String> largestGroup) {
        emit(null, "quorum-lost", "etcd lost quorum: no " + majority() + " of the " + size
                + " members are running and reach each other (" + (largestGroup.isEmpty() ? "none is running"
                : "at most " + join(largestGroup)) + "), so writes and consistent reads time out with "
                + "\"etcdserver: request timed out\".");
    }

    void quorumRegained(List<String> group) {
        emit(null, "quorum-regained", "etcd has quorum again: " + join(group) + " (" + group.size() + " of " + size
                + ") are running and reach each other; requests go through once they have a leader.");
    }

    void partitioned(List<String> cut, List<String> rest) {
        emit(null, "partition", "The network now separates etcd on " + join(cut) + " from "
                + (rest.isEmpty() ? "nothing" : join(rest)) + ".");
    }

    void healed() {
        emit(null, "heal", "The network between the etcd members is whole again.");
    }

    private int majority() {
        return size / 2 + 1;
    }

    private void emit(String node, String action, String message) {
        events.emit(COMPONENT, node, action, "", COMPONENT, COMPONENT, message);
    }

    static String join(List<String> names) {
        if (names.size() <= 1) {
            return names.isEmpty() ? "" : names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
