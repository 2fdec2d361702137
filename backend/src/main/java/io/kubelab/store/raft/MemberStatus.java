package io.kubelab.store.raft;

import java.util.Optional;

/**
 * One member as {@code sim etcd status} shows it.
 *
 * @param name        the member's name, which is its node's
 * @param running     whether its etcd process runs
 * @param role        its raft state (its last one while stopped)
 * @param term        its current term
 * @param votedFor    whom it voted for in that term
 * @param leader      the leader it follows (itself when it leads)
 * @param commitIndex the last log index it holds as committed
 * @param reachable   the other members it can exchange messages with
 */
public record MemberStatus(String name, boolean running, Role role, long term, Optional<String> votedFor,
                           Optional<String> leader, long commitIndex, java.util.List<String> reachable) {
}
