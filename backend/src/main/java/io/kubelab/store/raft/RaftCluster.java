package io.kubelab.store.raft;

import io.kubelab.clock.SimClock;
import io.kubelab.events.ComponentEvents;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * The etcd members of an HA control plane and the raft they run: terms, votes, leader, check-quorum and
 * pre-vote, as etcd 3.5 configures them ({@link RaftConfig#ETCD}).
 *
 * <p>Nothing ticks. A leader's heartbeats while the network holds are certain to arrive, so they are not
 * played one by one: a follower that hears its leader has no timer at all. Timers exist only where the outcome
 * is open: a follower that lost its leader (its randomised election timeout), a leader that lost its majority
 * (check-quorum), a campaign that could now succeed. A pre-candidate that cannot reach a majority would only
 * fail again, so its retries are not scheduled; they are counted off on its own timer when the network
 * changes. A healthy cluster therefore costs nothing while nothing changes.
 *
 * <p>Quorum is what the API server needs: a majority of members running and reaching each other. Requests
 * made during an election wait for the leader it is certain to produce, so only the loss of a majority
 * makes them fail; {@code quorumSink} hears each change. Deterministic for a given seeded random.
 */
public final class RaftCluster {

    final RaftConfig config;
    final SimClock clock;
    final RaftNarration narration;
    final List<RaftMember> members = new ArrayList<>();
    private final RandomGenerator random;
    private final LongSupplier revision;
    private final Consumer<Boolean> quorumSink;
    final Elections elections = new Elections(this);
    private final RaftTimers timers = new RaftTimers(this);
    /** Log entries that are not store writes: the bootstrap's membership entries and each leader's empty entry. */
    long entries;
    /** The term of the cluster's last committed entry. */
    long logTerm = 1;
    private boolean quorum = true;
    private int nextGroup = 1;
    boolean closed;

    /**
     * Members named {@code names} (their nodes' names), newly bootstrapped: followers at term 1 with no
     * leader, each election timer running, so the first to time out wins the first election.
     *
     * @param revision   the store's revision: each write is one raft entry, so log indexes follow it
     * @param quorumSink told {@code false} when a majority is lost and {@code true} when it is back
     */
    public RaftCluster(List<String> names, RaftConfig config, SimClock clock, RandomGenerator random,
                       ComponentEvents events, LongSupplier revision, Consumer<Boolean> quorumSink) {
        if (names.isEmpty() || names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("etcd members need distinct names, not " + names);
        }
        this.config = config;
        this.clock = clock;
        this.random = random;
        this.revision = revision;
        this.quorumSink = quorumSink;
        this.narration = new RaftNarration(events, names.size());
        this.entries = names.size();
        Instant now = clock.now();
        for (String name : names) {
            RaftMember m = new RaftMember(name);
            m.term = 1;
            m.logTerm = 1;
            m.logIndex = globalIndex();
            m.deadline = now.plus(randomizedTimeout());
            members.add(m);
        }
        reconcile();
    }

    /** Stops the member's etcd process; what it wrote to its WAL (term, vote, log) survives. */
    public void stop(String name) {
        RaftMember m = member(name);
        if (m.running) {
            freeze(m);
            m.running = false;
            m.deadline = null;
            m.stepDownAt = null;
            m.leader = null;
            m.lastHeard = null;
            reconcile();
        }
    }

    /** Starts the member again: a follower of no one until a leader's heartbeat or its own timeout. */
    public void start(String name) {
        RaftMember m = member(name);
        if (!m.running) {
            m.running = true;
            m.role = Role.FOLLOWER;
            m.synced = false;
            m.failureNarrated = false;
            m.deadline = clock.now().plus(randomizedTimeout());
            reconcile();
        }
    }

    /** Cuts {@code names} off from every other member; they still reach each other. */
    public void partition(Collection<String> names) {
        List<RaftMember> cut = names.stream().distinct().map(this::member).toList();
        if (cut.isEmpty()) {
            return;
        }
        int group = nextGroup++;
        cut.forEach(m -> m.group = group);
        narration.partitioned(cut.stream().map(m -> m.name).toList(),
                members.stream().filter(m -> !cut.contains(m)).map(m -> m.name).toList());
        reconcile();
    }

    /** Joins every partition again. */
    public void heal() {
        if (members.stream().anyMatch(m -> m.group != 0)) {
            members.forEach(m -> m.group = 0);
            narration.healed();
            reconcile();
        }
    }

    /** Stops every timer: the cluster this belongs to is parked or gone. */
    public void close() {
        closed = true;
        timers.cancel();
    }

    public List<String> memberNames() {
        return members.stream().map(m -> m.name).toList();
    }

    public boolean hasMember(String name) {
        return members.stream().anyMatch(m -> m.name.equals(name));
    }

    /** Whether a majority of members run and reach each other. */
    public boolean hasQuorum() {
        return quorum;
    }

    /** The leader that has a majority behind it, if there is one now. */
    public Optional<String> leader() {
        return Optional.ofNullable(quorumLeader()).map(m -> m.name);
    }

    public List<MemberStatus> status() {
        return members.stream().map(m -> new MemberStatus(m.name, m.running, m.role, m.term,
                Optional.ofNullable(m.votedFor), Optional.ofNullable(liveLeaderOf(m)), lastIndex(m),
                m.running ? peers(m).stream().map(p -> p.name).toList() : List.of())).toList();
    }

    // ---- the state machine ----

    /** After any change: who follows whom, which leader must step down, quorum, and the next timers. */
    void reconcile() {
        if (closed) {
            return;
        }
        Instant now = clock.now();
        for (RaftMember l : members) {
            if (l.running && l.role == Role.LEADER) {
                peers(l).stream().filter(p -> p.term > l.term).findFirst().ifPresent(p -> {
                    narration.steppedDownHigherTerm(l.name, l.term, p.name, p.term);
                    becomeFollower(l, p.term, now);
                });
            }
        }
        for (RaftMember m : members) {
            if (!m.running || m.role == Role.LEADER) {
                continue;
            }
            RaftMember l = reachableLeader(m);
            if (l != null && l.term >= m.term) {
                follow(m, l, now);
            } else if (m.deadline == null) {
                // Its leader went silent: the election timer runs again from the last heartbeat.
                m.lastHeard = now;
                m.deadline = now.plus(randomizedTimeout());
            }
        }
        for (RaftMember l : members) {
            if (l.running && l.role == Role.LEADER && config.checkQuorum()) {
                boolean active = peers(l).size() + 1 >= majority();
                if (active) {
                    l.stepDownAt = null;
                } else if (l.stepDownAt == null) {
                    l.stepDownAt = checkQuorumStepDown(l, now);
                }
            }
        }
        updateSync();
        updateQuorum();
        timers.schedule(now);
    }

    private void follow(RaftMember m, RaftMember l, Instant now) {
        boolean joined = m.role != Role.FOLLOWER || !l.name.equals(m.leader) || m.term != l.term;
        if (m.term != l.term) {
            m.term = l.term;
            m.votedFor = null;
        }
        m.role = Role.FOLLOWER;
        m.leader = l.name;
        m.lastHeard = now;
        m.deadline = null;
        m.failureNarrated = false;
        if (joined) {
            narration.follows(m.name, l.name, l.term);
        }
    }

    void becomeFollower(RaftMember m, long term, Instant now) {
        if (term > m.term) {
            m.term = term;
            m.votedFor = null;
        }
        m.role = Role.FOLLOWER;
        m.leader = null;
        m.lastHeard = null;
        m.stepDownAt = null;
        m.deadline = now.plus(randomizedTimeout());
    }

    /** etcd's leader checks its majority every election timeout from its election; it fails the first full one. */
    private Instant checkQuorumStepDown(RaftMember l, Instant now) {
        long period = config.electionTimeout().toNanos();
        long elapsed = Duration.between(l.leaderSince, now).toNanos();
        long nextCheck = (elapsed / period + 1) * period;
        long fails = elapsed % period == 0 ? nextCheck : nextCheck + period;
        return l.leaderSince.plusNanos(fails);
    }

    private void updateSync() {
        RaftMember leader = quorumLeader();
        for (RaftMember m : members) {
            boolean synced = leader != null && m.running
                    && (m == leader || (m.role == Role.FOLLOWER && m.deadline == null && leader.name.equals(m.leader)));
            if (m.synced && !synced) {
                freeze(m);
            }
            m.synced = synced;
        }
    }

    private void updateQuorum() {
        Map<Integer, List<String>> groups = new TreeMap<>();
        for (RaftMember m : members) {
            if (m.running) {
                groups.computeIfAbsent(m.group, g -> new ArrayList<>()).add(m.name);
            }
        }
        List<String> largest = groups.values().stream().max((a, b) -> Integer.compare(a.size(), b.size()))
                .orElse(List.of());
        boolean now = largest.size() >= majority();
        if (now != quorum) {
            quorum = now;
            if (now) {
                narration.quorumRegained(largest);
            } else {
                narration.quorumLost(largest);
            }
            quorumSink.accept(now);
        }
    }

    // ---- helpers for Elections and RaftTimers ----

    Duration randomizedTimeout() {
        return config.heartbeat().multipliedBy(config.electionTicks() + random.nextInt(config.electionTicks()));
    }

    int majority() {
        return members.size() / 2 + 1;
    }

    /** The running members that {@code m} exchanges messages with. */
    List<RaftMember> peers(RaftMember m) {
        return members.stream().filter(p -> p != m && p.running && p.group == m.group).toList();
    }

    boolean couldWin(RaftMember m) {
        return peers(m).size() + 1 >= majority();
    }

    /** A member inside its leader's lease ignores campaigns (etcd's check-quorum rule). */
    boolean inLease(RaftMember p, Instant now) {
        return p.leader != null && (p.role == Role.LEADER || p.deadline == null
                || (p.lastHeard != null && now.isBefore(p.lastHeard.plus(config.electionTimeout()))));
    }

    long globalIndex() {
        return entries + revision.getAsLong();
    }

    long lastIndex(RaftMember m) {
        return m.synced ? globalIndex() : m.logIndex;
    }

    long lastTerm(RaftMember m) {
        return m.synced ? logTerm : m.logTerm;
    }

    private void freeze(RaftMember m) {
        if (m.synced) {
            m.logTerm = logTerm;
            m.logIndex = globalIndex();
            m.synced = false;
        }
    }

    private RaftMember reachableLeader(RaftMember m) {
        return peers(m).stream().filter(p -> p.role == Role.LEADER).max((a, b) -> Long.compare(a.term, b.term))
                .orElse(null);
    }

    private RaftMember quorumLeader() {
        return members.stream().filter(m -> m.running && m.role == Role.LEADER && couldWin(m))
                .max((a, b) -> Long.compare(a.term, b.term)).orElse(null);
    }

    private String liveLeaderOf(RaftMember m) {
        if (!m.running) {
            return null;
        }
        return m.role == Role.LEADER ? m.name : m.deadline == null ? m.leader : null;
    }

    private RaftMember member(String name) {
        return members.stream().filter(m -> m.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no etcd member \"" + name + "\"; the members are "
                        + String.join(", ", memberNames())));
    }
}
