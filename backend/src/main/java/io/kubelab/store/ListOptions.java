package io.kubelab.store;

import java.util.Optional;

/**
 * How to list: which objects, at most how many ({@code limit} 0 means all), from which continue token,
 * and at which revision (0 means the latest; a continue token brings its own).
 */
public record ListOptions(SelectionPredicate predicate, long limit, Optional<String> continueToken, long revision,
                          boolean shared) {

    public ListOptions(SelectionPredicate predicate, long limit, Optional<String> continueToken, long revision) {
        this(predicate, limit, continueToken, revision, false);
    }

    public static ListOptions all() {
        return new ListOptions(SelectionPredicate.everything(), 0, Optional.empty(), 0);
    }

    public static ListOptions matching(SelectionPredicate predicate) {
        return new ListOptions(predicate, 0, Optional.empty(), 0);
    }

    public ListOptions withLimit(long limit) {
        return new ListOptions(predicate, limit, continueToken, revision, shared);
    }

    public ListOptions withContinue(String token) {
        return new ListOptions(predicate, limit, Optional.of(token), revision, shared);
    }

    public ListOptions atRevision(long revision) {
        return new ListOptions(predicate, limit, continueToken, revision, shared);
    }

    /**
     * The stored objects themselves rather than copies, for a reader that changes nothing (kubectl's get):
     * listing a hundred pods is then a walk, not a hundred deep copies. Stored objects are never changed
     * in place, so what such a reader holds stays as it was read.
     */
    public ListOptions sharedObjects() {
        return new ListOptions(predicate, limit, continueToken, revision, true);
    }
}
