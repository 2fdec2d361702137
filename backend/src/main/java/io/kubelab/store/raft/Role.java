package io.kubelab.store.raft;

/** A member's raft state, with the word etcd's logs use for it. */
public enum Role {
    FOLLOWER("follower"),
    PRE_CANDIDATE("pre-candidate"),
    CANDIDATE("candidate"),
    LEADER("leader");

    private final String word;

    Role(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
