package io.kubelab.store.raft;

import io.kubelab.clock.SimClock;

import java.time.Duration;
import java.time.Instant;

/**
 * The raft's only timers: at most one work timer (an election or step-down that will change something, which
 * {@code sim settle} waits for) and one background timer (a cut-off member raising its term without pre-vote),
 * each set to the earliest instant that matters and moved whenever the members change.
 */
final class RaftTimers {

    private final RaftCluster raft;
    private SimClock.Timer work;
    private SimClock.Timer background;

    RaftTimers(RaftCluster raft) {
        this.raft = raft;
    }

    /** Sets the timers to the earliest step-down or campaign that matters; none while nothing is open. */
    void schedule(Instant now) {
        Instant workDue = null;
        Instant backgroundDue = null;
        for (RaftMember m : raft.members) {
            if (!m.running) {
                continue;
            }
            if (m.role == Role.LEADER) {
                workDue = earlier(workDue, m.stepDownAt);
            } else if (m.deadline != null) {
                if (m.role == Role.FOLLOWER || raft.couldWin(m)) {
                    while (m.deadline.isBefore(now)) {
                        // Retries it made while it could not win, counted off on its own timer.
                        m.deadline = m.deadline.plus(raft.randomizedTimeout());
                    }
                    workDue = earlier(workDue, m.deadline);
                } else if (!raft.config.preVote()) {
                    // Without pre-vote a cut-off member raises its term at every timeout: that changes things.
                    backgroundDue = earlier(backgroundDue, m.deadline);
                }
            }
        }
        cancel();
        if (workDue != null) {
            work = raft.clock.scheduleAt(workDue, this::onTimer);
        }
        if (backgroundDue != null) {
            background = raft.clock.scheduleBackground(Duration.between(now, backgroundDue), this::onTimer);
        }
    }

    void cancel() {
        if (work != null) {
            work.cancel();
            work = null;
        }
        if (background != null) {
            background.cancel();
            background = null;
        }
    }

    private void onTimer() {
        Instant now = raft.clock.now();
        for (int guard = 0; guard < 10 * raft.members.size() && !raft.closed; guard++) {
            RaftMember due = raft.members.stream().filter(m -> m.running && m.role == Role.LEADER
                    && m.stepDownAt != null && !m.stepDownAt.isAfter(now)).findFirst().orElse(null);
            if (due != null) {
                raft.narration.steppedDownNoQuorum(due.name, due.term, raft.config.electionTimeout());
                raft.becomeFollower(due, due.term, now);
            } else {
                due = raft.members.stream().filter(m -> m.running && m.role != Role.LEADER && m.deadline != null
                        && !m.deadline.isAfter(now)).findFirst().orElse(null);
                if (due == null) {
                    break;
                }
                raft.elections.campaign(due, now);
            }
            raft.reconcile();
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }
}
