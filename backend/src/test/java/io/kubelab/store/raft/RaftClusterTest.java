package io.kubelab.store.raft;

import io.kubelab.clock.SimClock;
import io.kubelab.events.ComponentEvent;
import io.kubelab.events.ComponentEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RaftClusterTest {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final List<String> NAMES = List.of("controlplane", "controlplane2", "controlplane3");

    /** A three-member raft on a manual clock, with what it told the store and the events it emitted. */
    static final class Fixture {
        final SimClock clock = SimClock.manual(T0);
        final ComponentEvents events = new ComponentEvents(clock::now, 0);
        final AtomicLong revision = new AtomicLong(400);
        final List<Boolean> quorum = new ArrayList<>();
        final RaftCluster raft;

        Fixture(long seed, RaftConfig config) {
            raft = new RaftCluster(NAMES, config, clock, new SplittableRandom(seed), events, revision::get, quorum::add);
        }

        Fixture(long seed) {
            this(seed, RaftConfig.ETCD);
        }

        Duration settle() {
            return clock.settle(() -> clock.pending() == 0, Duration.ofMinutes(1)).elapsed();
        }

        MemberStatus member(String name) {
            return raft.status().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
        }

        List<String> messages(String action) {
            return events.since(0).stream().filter(e -> e.action().equals(action)).map(ComponentEvent::message).toList();
        }

        List<ComponentEvent> all(String action) {
            return events.since(0).stream().filter(e -> e.action().equals(action)).toList();
        }

        String leader() {
            return raft.leader().orElseThrow();
        }

        String aFollower() {
            return NAMES.stream().filter(n -> !n.equals(leader())).findFirst().orElseThrow();
        }
    }

    @Test
    void theFirstElectionYieldsOneLeaderWithinTheElectionTimeoutRange() {
        Fixture f = new Fixture(1);
        Duration took = f.settle();
        assertTrue(took.compareTo(Duration.ofMillis(1000)) >= 0 && took.compareTo(Duration.ofMillis(2000)) < 0,
                took.toString());
        List<MemberStatus> status = f.raft.status();
        assertEquals(1, status.stream().filter(m -> m.role() == Role.LEADER).count());
        String leader = f.leader();
        for (MemberStatus m : status) {
            assertEquals(2, m.term(), m.name());
            assertEquals(leader, m.leader().orElseThrow(), m.name());
            assertEquals(leader, m.votedFor().orElseThrow(), m.name());
            assertEquals(3 + 1 + 400, m.commitIndex(), m.name());
        }
        List<String> elected = f.messages("elected");
        assertEquals(1, elected.size());
        assertTrue(elected.get(0).startsWith("etcd on " + leader + " won the election for term 2 with votes from "
                + leader + ", "), elected.get(0));
        assertEquals(2, f.messages("vote").size());
        assertTrue(f.quorum.isEmpty(), "quorum never changed");
        assertTrue(f.raft.hasQuorum());
    }

    @Test
    void aHealthyClusterSchedulesNothing() {
        Fixture f = new Fixture(2);
        f.settle();
        assertEquals(0, f.clock.scheduled(), "no heartbeat timers while the leader's heartbeats are certain");
        long seq = f.events.lastSeq();
        f.revision.addAndGet(50);
        f.clock.advance(Duration.ofHours(1));
        assertEquals(seq, f.events.lastSeq());
        assertEquals(2, f.member("controlplane").term());
        assertEquals(3 + 1 + 450, f.member(f.aFollower()).commitIndex());
    }

    @Test
    void stoppingTheLeaderElectsAnotherWithinTheElectionTimeoutRange() {
        Fixture f = new Fixture(3);
        f.settle();
        String old = f.leader();
        f.clock.advance(Duration.ofSeconds(30));
        Instant stopped = f.clock.now();
        f.raft.stop(old);
        assertTrue(f.raft.hasQuorum(), "two of three still make a majority");
        assertTrue(f.raft.leader().isEmpty(), "no leader until a follower times out");
        f.settle();
        String leader = f.leader();
        assertNotEquals(old, leader);
        ComponentEvent elected = f.all("elected").get(1);
        Duration gap = Duration.between(stopped, elected.time());
        assertTrue(gap.compareTo(Duration.ofMillis(1000)) >= 0 && gap.compareTo(Duration.ofMillis(2000)) < 0,
                gap.toString());
        assertEquals(3, f.member(leader).term());
        String lost = f.messages("leader-lost").get(0);
        assertTrue(lost.matches("etcd on controlplane\\d? lost its leader " + old
                + ": no heartbeat for 1\\.\\ds, longer than its election timeout\\."), lost);
        assertTrue(f.quorum.isEmpty());
        assertEquals(0, f.clock.scheduled());

        // The old leader comes back as a follower of the new one, at the new term.
        f.raft.start(old);
        assertEquals(Role.FOLLOWER, f.member(old).role());
        assertEquals(leader, f.member(old).leader().orElseThrow());
        assertEquals(3, f.member(old).term());
        assertEquals("etcd on " + old + " follows leader " + leader + " in term 3.",
                f.messages("follow").get(f.messages("follow").size() - 1));
    }

    @Test
    void stoppingTwoOfThreeLosesQuorumAndStartingOneRegainsIt() {
        Fixture f = new Fixture(4);
        f.settle();
        String leader = f.leader();
        String follower = f.aFollower();
        String survivor = NAMES.stream().filter(n -> !n.equals(leader) && !n.equals(follower)).findFirst().orElseThrow();
        f.raft.stop(follower);
        assertEquals(List.of(), f.quorum);
        f.raft.stop(survivor);
        assertEquals(List.of(false), f.quorum);
        assertFalse(f.raft.hasQuorum());
        assertEquals("etcd lost quorum: no 2 of the 3 members are running and reach each other (at most " + leader
                + "), so writes and consistent reads time out with \"etcdserver: request timed out\".",
                f.messages("quorum-lost").get(0));
        // Check-quorum: the leader gives up within two election timeouts.
        Instant lost = f.clock.now();
        f.settle();
        Duration took = Duration.between(lost, f.all("step-down").get(0).time());
        assertTrue(took.compareTo(Duration.ofMillis(1000)) >= 0 && took.compareTo(Duration.ofMillis(2000)) <= 0,
                took.toString());
        assertEquals("etcd on " + leader + " stepped down as leader of term 2: for 1s it heard from fewer than 2 of "
                + "the 3 members.", f.messages("step-down").get(0));
        f.clock.advance(Duration.ofSeconds(3));
        assertEquals(Role.PRE_CANDIDATE, f.member(leader).role());
        assertEquals(2, f.member(leader).term(), "pre-vote keeps a member that cannot win from raising its term");
        assertEquals(1, f.messages("pre-vote-failed").size(), "retries are not narrated");
        f.clock.advance(Duration.ofMinutes(10));
        assertEquals(0, f.clock.scheduled(), "a pre-candidate that cannot win has no timer");

        f.raft.start(survivor);
        assertEquals(List.of(false, true), f.quorum);
        assertTrue(f.raft.hasQuorum());
        f.settle();
        assertTrue(f.raft.leader().isPresent());
        assertEquals(3, f.member(survivor).term());
    }

    @Test
    void aPartitionedFollowerDoesNotDisruptTheLeaderWhenItRejoins() {
        Fixture f = new Fixture(5);
        f.settle();
        String leader = f.leader();
        String cut = f.aFollower();
        f.raft.partition(List.of(cut));
        assertTrue(f.raft.hasQuorum());
        f.clock.advance(Duration.ofMinutes(5));
        assertEquals(Role.PRE_CANDIDATE, f.member(cut).role());
        assertEquals(2, f.member(cut).term());
        assertEquals(List.of(), f.member(cut).reachable());
        f.raft.heal();
        assertEquals(leader, f.leader());
        assertEquals(leader, f.member(cut).leader().orElseThrow());
        for (MemberStatus m : f.raft.status()) {
            assertEquals(2, m.term(), m.name());
        }
        assertEquals(1, f.messages("elected").size(), "no second election");
        assertTrue(f.messages("step-down").isEmpty());
    }

    @Test
    void withoutPreVoteARejoiningMemberDisruptsTheLeader() {
        Fixture f = new Fixture(5, RaftConfig.ETCD.withPreVote(false));
        f.settle();
        String leader = f.leader();
        String cut = f.aFollower();
        f.raft.partition(List.of(cut));
        f.revision.addAndGet(5);
        f.clock.advance(Duration.ofSeconds(30));
        assertTrue(f.member(cut).term() > 10, "its term rose at every timeout: " + f.member(cut).term());
        f.raft.heal();
        assertTrue(f.messages("step-down").get(0).startsWith("etcd on " + leader + " stepped down as leader of term 2: "
                + cut + " is at term "), f.messages("step-down").get(0));
        f.settle();
        assertNotEquals(cut, f.leader(), "its log is behind: it cannot win");
        assertTrue(f.member(f.leader()).term() > f.member(cut).term() - 1);
    }

    @Test
    void aLeaderCutOffInTheMinorityStepsDownAndTheMajorityElectsAnother() {
        Fixture f = new Fixture(6);
        f.settle();
        String old = f.leader();
        f.raft.partition(List.of(old));
        assertTrue(f.raft.hasQuorum());
        f.settle();
        String leader = f.leader();
        assertNotEquals(old, leader);
        assertEquals(Role.PRE_CANDIDATE, f.member(old).role());
        assertEquals(1, f.messages("step-down").size());
        f.raft.heal();
        assertEquals(leader, f.member(old).leader().orElseThrow());
        assertEquals(3, f.member(old).term());
    }

    @Test
    void aMemberWhoseLogIsBehindCannotWin() {
        Fixture f = new Fixture(7);
        f.settle();
        String leader = f.leader();
        String behind = f.aFollower();
        String other = NAMES.stream().filter(n -> !n.equals(leader) && !n.equals(behind)).findFirst().orElseThrow();
        f.raft.partition(List.of(behind));
        f.revision.addAndGet(10);
        f.raft.stop(leader);
        assertFalse(f.raft.hasQuorum());
        f.raft.heal();
        assertTrue(f.raft.hasQuorum());
        f.settle();
        assertEquals(other, f.leader());
        assertEquals(f.member(other).commitIndex(), f.member(behind).commitIndex());
    }

    @Test
    void theSameSeedPlaysTheSameHistory() {
        assertEquals(history(11), history(11));
        assertNotEquals(history(11), List.of());
    }

    private static List<String> history(long seed) {
        Fixture f = new Fixture(seed);
        f.settle();
        f.raft.stop(f.leader());
        f.settle();
        f.raft.partition(List.of(f.leader()));
        f.clock.advance(Duration.ofSeconds(20));
        f.raft.heal();
        f.settle();
        return f.events.since(0).stream().map(e -> e.time() + " " + e.node().orElse("-") + " " + e.message()).toList();
    }
}
