package io.kubelab.store.raft;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A member's campaign when its election timer fires: the pre-vote (may I win?), then the vote (raise the
 * term, vote for myself, ask the others), following etcd's raft ({@code raft.go}: {@code campaign},
 * {@code Step}'s vote rules, {@code isUpToDate}). Messages arrive at once: the simulated network has no
 * latency, so a campaign is decided the instant it starts.
 */
final class Elections {

    private final RaftCluster raft;

    Elections(RaftCluster raft) {
        this.raft = raft;
    }

    void campaign(RaftMember m, Instant now) {
        boolean narrate = !m.failureNarrated;
        if (m.leader != null && narrate && m.lastHeard != null) {
            raft.narration.leaderLost(m.name, m.leader, Duration.between(m.lastHeard, now));
        }
        m.leader = null;
        m.lastHeard = null;
        if (raft.config.preVote()) {
            // The pre-vote asks for term + 1 without raising the term: a member that cannot win leaves no trace.
            m.role = Role.PRE_CANDIDATE;
            List<String> yes = poll(m, m.term + 1, true, now);
            if (yes.size() < raft.majority()) {
                fail(m, now, () -> raft.narration.preVoteFailed(m.name, m.term + 1, yes));
                return;
            }
            raft.narration.preVote(m.name, m.term + 1, yes);
        }
        m.term++;
        m.votedFor = m.name;
        m.role = Role.CANDIDATE;
        if (narrate || raft.couldWin(m)) {
            raft.narration.campaign(m.name, m.term);
        }
        List<String> votes = poll(m, m.term, false, now);
        if (votes.size() < raft.majority()) {
            fail(m, now, () -> raft.narration.electionLost(m.name, m.term, votes));
            return;
        }
        becomeLeader(m, votes, now);
    }

    /** The members that grant {@code m} their (pre-)vote for {@code term}, {@code m} first. */
    private List<String> poll(RaftMember m, long term, boolean pre, Instant now) {
        List<String> granted = new ArrayList<>(List.of(m.name));
        for (RaftMember p : raft.peers(m)) {
            if (raft.inLease(p, now)) {
                // It still hears a leader: etcd ignores the request rather than unsettle a working cluster.
                continue;
            }
            if (!pre && term > p.term) {
                if (p.role == Role.LEADER) {
                    raft.narration.steppedDownHigherTerm(p.name, p.term, m.name, term);
                }
                raft.becomeFollower(p, term, now);
            }
            if (term < p.term || !upToDate(m, p)) {
                continue;
            }
            boolean canVote = m.name.equals(p.votedFor) || (p.votedFor == null && p.leader == null)
                    || (pre && term > p.term);
            if (!canVote) {
                continue;
            }
            granted.add(p.name);
            if (!pre) {
                p.votedFor = m.name;
                // Granting a vote restarts the voter's election timer.
                p.deadline = now.plus(raft.randomizedTimeout());
                raft.narration.vote(p.name, m.name, term);
            }
        }
        return granted;
    }

    /** Raft's election restriction: the candidate's log must be at least as up to date as the voter's. */
    private boolean upToDate(RaftMember candidate, RaftMember voter) {
        long ct = raft.lastTerm(candidate);
        long vt = raft.lastTerm(voter);
        return ct > vt || (ct == vt && raft.lastIndex(candidate) >= raft.lastIndex(voter));
    }

    private void fail(RaftMember m, Instant now, Runnable narrate) {
        m.deadline = now.plus(raft.randomizedTimeout());
        if (!m.failureNarrated) {
            narrate.run();
            m.failureNarrated = true;
        }
    }

    private void becomeLeader(RaftMember m, List<String> votes, Instant now) {
        m.role = Role.LEADER;
        m.leader = m.name;
        m.deadline = null;
        m.leaderSince = now;
        m.stepDownAt = null;
        m.failureNarrated = false;
        // A new leader appends an empty entry of its term: its log is now the cluster's.
        raft.logTerm = m.term;
        raft.entries++;
        m.synced = true;
        raft.narration.elected(m.name, m.term, votes);
        for (RaftMember p : raft.peers(m)) {
            if (votes.contains(p.name)) {
                p.role = Role.FOLLOWER;
                p.leader = m.name;
                p.lastHeard = now;
                p.deadline = null;
                p.failureNarrated = false;
            }
        }
    }
}
