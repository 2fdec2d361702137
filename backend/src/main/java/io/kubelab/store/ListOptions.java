package io.kubelab.store;

import java.util.Optional;

/**
 * How to list: which objects, at most how many ({@code limit} 0 means all), from which continue token,
 * and at which revision (0 means the latest; a continue token brings its own).
 */
public record ListOptions(SelectionPredicate predicate, long limit, Optional<String> continueToken, long revision) {

    public static ListOptions all() {
        return new ListOptions(SelectionPredicate.everything(), 0, Optional.empty(), 0);
    }

    public static ListOptions matching(SelectionPredicate predicate) {
        return new ListOptions(predicate, 0, Optional.empty(), 0);
    }

    public ListOptions withLimit(long limit) {
        return new ListOptions(predicate, limit, continueToken, revision);
    }

    public ListOptions withContinue(String token) {
        return new ListOptions(predicate, limit, Optional.of(token), revision);
    }

    public ListOptions atRevision(long revision) {
        return new ListOptions(predicate, limit, continueToken, revision);
    }
}
