package io.kubelab.store;

/**
 * Why a store operation failed. The API server turns each into the Kubernetes {@code Status} that
 * etcd's failure would have produced (NotFound, AlreadyExists, Conflict, Gone, ...).
 */
public abstract sealed class StoreException extends RuntimeException {

    StoreException(String message) {
        super(message, null, false, false);
    }

    /** No object at the key (or none matching a precondition's UID). */
    public static final class NotFound extends StoreException {
        public final String key;

        public NotFound(String key) {
            super("key not found: " + key);
            this.key = key;
        }
    }

    public static final class AlreadyExists extends StoreException {
        public final String key;

        public AlreadyExists(String key) {
            super("key exists: " + key);
            this.key = key;
        }
    }

    /** The caller's resourceVersion is not the stored one. */
    public static final class Conflict extends StoreException {
        public final String key;
        public final long expected;
        public final long actual;

        public Conflict(String key, long expected, long actual) {
            super("resourceVersion " + expected + " of " + key + " is not the stored " + actual);
            this.key = key;
            this.expected = expected;
            this.actual = actual;
        }
    }

    /** A watch from a revision older than the compacted one. */
    public static final class Compacted extends StoreException {
        public final long requested;
        public final long compacted;

        public Compacted(long requested, long compacted) {
            super("too old resource version: " + requested + " (" + compacted + ")");
            this.requested = requested;
            this.compacted = compacted;
        }
    }

    /**
     * A continue token whose revision was compacted away. As in Kubernetes, the answer carries a new
     * token that goes on from the same key at the latest revision, for callers content with an
     * inconsistent list.
     */
    public static final class ContinueExpired extends StoreException {
        public final String continueToken;

        public ContinueExpired(String continueToken) {
            super("The provided continue parameter is too old to display a consistent list result. You can start a "
                    + "new list without the continue parameter, or use the continue value from the response to get "
                    + "partial results.");
            this.continueToken = continueToken;
        }
    }

    /** A list at a revision older than the compacted one. */
    public static final class ListExpired extends StoreException {
        public ListExpired() {
            super("The resourceVersion for the provided list is too old.");
        }
    }

    public static final class InvalidContinue extends StoreException {
        public InvalidContinue(String why) {
            super("continue key is not valid: " + why);
        }
    }

    /** A revision the store has not reached yet. */
    public static final class RevisionTooLarge extends StoreException {
        public final long requested;
        public final long current;

        public RevisionTooLarge(long requested, long current) {
            super("Too large resource version: " + requested + ", current: " + current);
            this.requested = requested;
            this.current = current;
        }
    }

    /** The simulated etcd is stopped. */
    public static final class Unavailable extends StoreException {
        public Unavailable() {
            super("etcdserver: request timed out");
        }
    }

    /**
     * etcd is running but its members cannot form a majority: proposals and linearizable reads wait for a
     * leader that never comes and fail after etcd's request timeout (5s plus two election timeouts).
     */
    public static final class NoQuorum extends StoreException {
        public NoQuorum() {
            super("etcdserver: request timed out");
        }
    }
}
