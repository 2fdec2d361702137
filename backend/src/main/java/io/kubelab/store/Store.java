package io.kubelab.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The sandbox's etcd: objects under string keys, one revision counter for every write, each object's
 * {@code metadata.resourceVersion} set to the revision of its last write, optimistic concurrency,
 * consistent paged lists, and watches that resume from any revision not yet compacted.
 *
 * <p>Objects go in and come out as copies: nothing a caller does to an object it passed or received
 * changes what is stored. Watch callbacks run after the write that caused them has finished and in
 * revision order; a callback may write to the store, and the events of that write follow. Callbacks
 * run while the store is locked, so they must not block or wait on another thread (they hand work to
 * a queue, as Kubernetes' informers do); one that throws loses its watch.
 */
public interface Store {

    /** Stores a new object; fails with {@link StoreException.AlreadyExists} when the key is taken. */
    ObjectNode create(String key, ObjectNode object);

    /**
     * As {@link #create}, but stores {@code object} itself instead of a copy: the caller hands over an object
     * that nothing else references and must not touch it afterwards (unless the create failed).
     */
    default ObjectNode createHandingOver(String key, ObjectNode object) {
        return create(key, object);
    }

    Optional<ObjectNode> get(String key);

    /**
     * The stored object itself rather than a copy, for a caller that only reads it while handling one
     * request: it must neither change it nor keep it. Stored objects are replaced, never changed, so it stays
     * as read.
     */
    default Optional<ObjectNode> read(String key) {
        return get(key);
    }

    /**
     * Replaces the object at {@code key}. With {@code expectedRevision} above 0 the stored object must
     * have that resourceVersion, or the update fails with {@link StoreException.Conflict}.
     */
    ObjectNode update(String key, ObjectNode object, long expectedRevision);

    /**
     * As {@link #update}, but stores {@code object} itself instead of a copy: the caller hands over an object
     * that nothing else references and must not touch it afterwards.
     */
    default ObjectNode updateHandingOver(String key, ObjectNode object, long expectedRevision) {
        return update(key, object, expectedRevision);
    }

    /** Removes the object and returns its last state, with the revision of the deletion. */
    ObjectNode delete(String key, long expectedRevision);

    ListResult list(String prefix, ListOptions options);

    /**
     * Watches the keys under {@code prefix}. {@code fromRevision} 0 starts with an ADDED event for every
     * matching object and goes on from now; above 0 replays every change after that revision first.
     * Selection follows Kubernetes: an object that stops matching is reported DELETED, one that starts
     * matching ADDED.
     */
    Watch watch(String prefix, long fromRevision, SelectionPredicate predicate, boolean bookmarks,
                Consumer<WatchEvent> sink);

    /**
     * As {@link #watch(String, long, SelectionPredicate, boolean, Consumer)}, but with {@code shared} the
     * objects of a change's events are one copy handed to every shared watch (an informer's read-only cache, as
     * the watch cache shares one decoded object among watchers): such a sink must not change them.
     */
    default Watch watch(String prefix, long fromRevision, SelectionPredicate predicate, boolean bookmarks,
                        boolean shared, Consumer<WatchEvent> sink) {
        return watch(prefix, fromRevision, predicate, bookmarks, sink);
    }

    /** Sends a BOOKMARK at the current revision to every watch that asked for bookmarks. */
    void bookmark();

    /** The revision of the last write (0 before any). */
    long revision();

    /** Forgets history up to {@code revision}: older lists, continues and watches answer Gone. */
    void compact(long revision);

    long compactedRevision();

    /** How many objects are stored under {@code prefix}. */
    int count(String prefix);

    /** A stopped etcd answers every call with {@link StoreException.Unavailable}. */
    void setAvailable(boolean available);

    interface Watch {
        void stop();

        boolean stopped();
    }
}
