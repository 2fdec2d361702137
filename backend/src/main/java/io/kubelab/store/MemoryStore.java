package io.kubelab.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The in-memory store: the live objects in key order plus a log of every change since the last
 * compaction, which is what lets lists be read at an older revision and watches resume from one.
 */
public final class MemoryStore implements Store {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MemoryStore.class);

    /** One write. {@code previous} is the state before it (null for ADDED). */
    private record Change(long revision, String key, WatchEvent.Type type, ObjectNode object, ObjectNode previous) {
    }

    private final TreeMap<String, ObjectNode> live = new TreeMap<>();
    private final ArrayList<Change> log = new ArrayList<>();
    private final List<WatchImpl> watches = new ArrayList<>();
    private final ArrayDeque<Runnable> deliveries = new ArrayDeque<>();
    /** The copy of each live object that shared watches receive, made once however many such watches start. */
    private final java.util.IdentityHashMap<ObjectNode, ObjectNode> sharedCopies = new java.util.IdentityHashMap<>();
    private boolean delivering;
    private long revision;
    private long compacted;
    private boolean available = true;
    private boolean quorum = true;
    private final int retainedChanges;

    /**
     * A store that keeps the last 10,000 changes for watches and old lists, compacting older ones on its own
     * as etcd's revision-based auto-compaction does, so a busy sandbox's memory stays bounded.
     */
    public MemoryStore() {
        this(10_000);
    }

    public MemoryStore(int retainedChanges) {
        if (retainedChanges < 1) {
            throw new IllegalArgumentException("a store retains at least one change, not " + retainedChanges);
        }
        this.retainedChanges = retainedChanges;
    }

    /**
     * A store holding {@code objects} (each under its key, keeping its resourceVersion) at {@code revision},
     * with no history before it: what a parked sandbox wakes up to. The store takes the objects over: the
     * caller must not keep or change them.
     */
    public static MemoryStore restored(long revision, java.util.Map<String, ObjectNode> objects) {
        MemoryStore store = new MemoryStore();
        store.live.putAll(objects);
        store.revision = revision;
        store.compacted = revision;
        return store;
    }

    /** Every live object by key, as copies: the state a parked sandbox keeps. */
    public synchronized java.util.SortedMap<String, ObjectNode> snapshot() {
        java.util.TreeMap<String, ObjectNode> out = new java.util.TreeMap<>();
        live.forEach((key, object) -> out.put(key, object.deepCopy()));
        return out;
    }

    @Override
    public synchronized ObjectNode create(String key, ObjectNode object) {
        checkAvailable();
        if (live.containsKey(key)) {
            throw new StoreException.AlreadyExists(key);
        }
        return createHandingOver(key, object.deepCopy());
    }

    @Override
    public synchronized ObjectNode createHandingOver(String key, ObjectNode object) {
        checkAvailable();
        if (live.containsKey(key)) {
            throw new StoreException.AlreadyExists(key);
        }
        ObjectNode stored = stamp(object, revision + 1);
        commit(new Change(revision + 1, key, WatchEvent.Type.ADDED, stored, null));
        return stored.deepCopy();
    }

    @Override
    public synchronized Optional<ObjectNode> get(String key) {
        checkAvailable();
        ObjectNode stored = live.get(key);
        return stored == null ? Optional.empty() : Optional.of(stored.deepCopy());
    }

    @Override
    public synchronized Optional<ObjectNode> read(String key) {
        checkAvailable();
        return Optional.ofNullable(live.get(key));
    }

    @Override
    public synchronized ObjectNode update(String key, ObjectNode object, long expectedRevision) {
        return updateHandingOver(key, object.deepCopy(), expectedRevision);
    }

    @Override
    public synchronized ObjectNode updateHandingOver(String key, ObjectNode object, long expectedRevision) {
        checkAvailable();
        ObjectNode current = existing(key, expectedRevision);
        ObjectNode stored = stamp(object, revision + 1);
        commit(new Change(revision + 1, key, WatchEvent.Type.MODIFIED, stored, current));
        return stored.deepCopy();
    }

    @Override
    public synchronized ObjectNode delete(String key, long expectedRevision) {
        checkAvailable();
        ObjectNode current = existing(key, expectedRevision);
        ObjectNode tombstone = stamp(current.deepCopy(), revision + 1);
        commit(new Change(revision + 1, key, WatchEvent.Type.DELETED, tombstone, current));
        return tombstone.deepCopy();
    }

    private ObjectNode existing(String key, long expectedRevision) {
        ObjectNode current = live.get(key);
        if (current == null) {
            throw new StoreException.NotFound(key);
        }
        long actual = revisionOf(current);
        if (expectedRevision > 0 && expectedRevision != actual) {
            throw new StoreException.Conflict(key, expectedRevision, actual);
        }
        return current;
    }

    private void commit(Change change) {
        revision = change.revision();
        if (change.previous() != null) {
            sharedCopies.remove(change.previous());
        }
        if (change.type() == WatchEvent.Type.DELETED) {
            live.remove(change.key());
        } else {
            live.put(change.key(), change.object());
        }
        log.add(change);
        if (log.size() > 2 * retainedChanges) {
            compact(revision - retainedChanges);
        }
        SharedCopy copy = new SharedCopy(change.object(),
                change.type() == WatchEvent.Type.DELETED ? null : sharedCopies);
        for (WatchImpl watch : watches) {
            if (!watch.stopped && change.key().startsWith(watch.prefix)) {
                WatchEvent event = watch.filter(change);
                if (event != null) {
                    deliveries.add(() -> watch.deliver(event, copy));
                }
            }
        }
        deliver();
    }

    /** The one copy of a change's object that every shared watch receives, made when the first needs it. */
    private static final class SharedCopy {
        private final ObjectNode source;
        private final Map<ObjectNode, ObjectNode> live;
        private ObjectNode copy;

        /** {@code live}: where to remember the copy of a live object for shared watches starting later (or null). */
        SharedCopy(ObjectNode source, Map<ObjectNode, ObjectNode> live) {
            this.source = source;
            this.live = live;
        }

        ObjectNode of(ObjectNode object) {
            if (object != source) {
                // Made for this watch alone (the state a selection saw leave): nobody else holds it.
                return object;
            }
            if (copy == null) {
                copy = source.deepCopy();
                if (live != null) {
                    live.put(source, copy);
                }
            }
            return copy;
        }
    }

    /**
     * Runs queued callbacks in order; a callback's own writes queue behind it rather than nesting. A
     * callback that throws loses its watch (as a broken watch connection would) and harms nobody else:
     * the write that triggered it has succeeded and says so.
     */
    private void deliver() {
        if (delivering) {
            return;
        }
        delivering = true;
        try {
            Runnable next;
            while ((next = deliveries.poll()) != null) {
                next.run();
            }
        } finally {
            delivering = false;
        }
    }

    @Override
    public synchronized ListResult list(String prefix, ListOptions options) {
        checkAvailable();
        long at;
        String start = prefix;
        if (options.continueToken().isPresent()) {
            ContinueTokens.Position position = ContinueTokens.decode(options.continueToken().get());
            if (position.revision() != ContinueTokens.LATEST && position.revision() < compacted) {
                throw new StoreException.ContinueExpired(ContinueTokens.encodeStart(ContinueTokens.LATEST,
                        position.start()));
            }
            if (position.revision() > revision) {
                throw new StoreException.RevisionTooLarge(position.revision(), revision);
            }
            at = position.revision() == ContinueTokens.LATEST ? revision : position.revision();
            start = prefix + position.start();
        } else if (options.revision() > 0) {
            if (options.revision() > revision) {
                throw new StoreException.RevisionTooLarge(options.revision(), revision);
            }
            if (options.revision() < compacted) {
                throw new StoreException.ListExpired();
            }
            at = options.revision();
        } else {
            at = revision;
        }
        NavigableMap<String, ObjectNode> state = stateAt(at, prefix, start);
        List<ObjectNode> items = new ArrayList<>();
        String lastKey = null;
        long remaining = 0;
        boolean more = false;
        for (Map.Entry<String, ObjectNode> entry : state.entrySet()) {
            if (!options.predicate().matches(entry.getValue())) {
                continue;
            }
            if (options.limit() > 0 && items.size() >= options.limit()) {
                more = true;
                remaining++;
                continue;
            }
            items.add(options.shared() ? entry.getValue() : entry.getValue().deepCopy());
            lastKey = entry.getKey();
        }
        if (!more) {
            return new ListResult(items, at, Optional.empty(), Optional.empty());
        }
        String token = ContinueTokens.encode(at, lastKey.substring(prefix.length()));
        // Kubernetes counts the rest only when no selector had to be applied.
        Optional<Long> count = options.predicate().matchesEverything() ? Optional.of(remaining) : Optional.empty();
        return new ListResult(items, at, Optional.of(token), count);
    }

    /** The objects under {@code prefix} from {@code start} on, as they were at revision {@code at}. */
    private NavigableMap<String, ObjectNode> stateAt(long at, String prefix, String start) {
        String end = prefix + Character.MAX_VALUE;
        NavigableMap<String, ObjectNode> current = live.subMap(start, true, end, false);
        if (at == revision) {
            return current;
        }
        // Undo newest first: each key ends up as it was before its earliest change after `at`.
        Map<String, ObjectNode> before = new HashMap<>();
        for (int i = log.size() - 1; i >= 0 && log.get(i).revision() > at; i--) {
            Change change = log.get(i);
            if (change.key().compareTo(start) >= 0 && change.key().startsWith(prefix)) {
                before.put(change.key(), change.previous());
            }
        }
        TreeMap<String, ObjectNode> state = new TreeMap<>(current);
        before.forEach((key, object) -> {
            if (object == null) {
                state.remove(key);
            } else {
                state.put(key, object);
            }
        });
        return state;
    }

    @Override
    public Watch watch(String prefix, long fromRevision, SelectionPredicate predicate, boolean bookmarks,
                       Consumer<WatchEvent> sink) {
        return watch(prefix, fromRevision, predicate, bookmarks, false, sink);
    }

    @Override
    public synchronized Watch watch(String prefix, long fromRevision, SelectionPredicate predicate, boolean bookmarks,
                                    boolean shared, Consumer<WatchEvent> sink) {
        checkAvailable();
        if (fromRevision < 0) {
            throw new IllegalArgumentException("a watch starts at revision 0 or later, not " + fromRevision);
        }
        if (fromRevision > revision) {
            throw new StoreException.RevisionTooLarge(fromRevision, revision);
        }
        if (fromRevision > 0 && fromRevision < compacted) {
            throw new StoreException.Compacted(fromRevision, compacted);
        }
        WatchImpl watch = new WatchImpl(prefix, predicate, bookmarks, shared, sink);
        if (fromRevision == 0) {
            for (Map.Entry<String, ObjectNode> entry : live.subMap(prefix, prefix + Character.MAX_VALUE).entrySet()) {
                if (predicate.matches(entry.getValue())) {
                    ObjectNode object = entry.getValue();
                    WatchEvent event = new WatchEvent(WatchEvent.Type.ADDED, object, revisionOf(object));
                    SharedCopy copy = shared ? new SharedCopy(object, sharedCopies) : null;
                    if (copy != null) {
                        copy.copy = sharedCopies.get(object);
                    }
                    deliveries.add(() -> watch.deliver(event, copy));
                }
            }
        } else {
            for (Change change : log) {
                if (change.revision() > fromRevision && change.key().startsWith(prefix)) {
                    WatchEvent event = watch.filter(change);
                    if (event != null) {
                        deliveries.add(() -> watch.deliver(event));
                    }
                }
            }
        }
        watches.add(watch);
        deliver();
        return watch;
    }

    @Override
    public synchronized void bookmark() {
        ObjectNode marker = JsonNodeFactory.instance.objectNode();
        marker.putObject("metadata").put("resourceVersion", Long.toString(revision));
        for (WatchImpl watch : watches) {
            if (watch.bookmarks && !watch.stopped) {
                WatchEvent event = new WatchEvent(WatchEvent.Type.BOOKMARK, marker, revision);
                deliveries.add(() -> watch.deliver(event));
            }
        }
        deliver();
    }

    @Override
    public synchronized long revision() {
        return revision;
    }

    @Override
    public synchronized void compact(long upTo) {
        if (upTo > revision) {
            throw new StoreException.RevisionTooLarge(upTo, revision);
        }
        if (upTo <= compacted) {
            return;
        }
        int drop = 0;
        while (drop < log.size() && log.get(drop).revision() <= upTo) {
            drop++;
        }
        log.subList(0, drop).clear();
        compacted = upTo;
    }

    @Override
    public synchronized long compactedRevision() {
        return compacted;
    }

    @Override
    public synchronized int count(String prefix) {
        return live.subMap(prefix, prefix + Character.MAX_VALUE).size();
    }

    @Override
    public synchronized void setAvailable(boolean available) {
        this.available = available;
    }

    /**
     * Whether the etcd members behind this store have a majority (an HA control plane's raft says so); without
     * one every call fails with {@link StoreException.NoQuorum}.
     */
    public synchronized void setQuorum(boolean quorum) {
        this.quorum = quorum;
    }

    private void checkAvailable() {
        if (!available) {
            throw new StoreException.Unavailable();
        }
        if (!quorum) {
            throw new StoreException.NoQuorum();
        }
    }

    static long revisionOf(ObjectNode object) {
        JsonNode rv = object.path("metadata").path("resourceVersion");
        try {
            return Long.parseLong(rv.asText("0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static ObjectNode stamp(ObjectNode object, long revision) {
        JsonNode metadata = object.get("metadata");
        ObjectNode meta = metadata instanceof ObjectNode m ? m : object.putObject("metadata");
        meta.put("resourceVersion", Long.toString(revision));
        return object;
    }

    private final class WatchImpl implements Watch {
        final String prefix;
        final SelectionPredicate predicate;
        final boolean bookmarks;
        final boolean shared;
        final Consumer<WatchEvent> sink;
        volatile boolean stopped;

        WatchImpl(String prefix, SelectionPredicate predicate, boolean bookmarks, boolean shared,
                  Consumer<WatchEvent> sink) {
            this.prefix = prefix;
            this.predicate = predicate;
            this.bookmarks = bookmarks;
            this.shared = shared;
            this.sink = sink;
        }

        /** What this watch sees of a change, or null: selection turns edges into ADDED and DELETED. */
        WatchEvent filter(Change change) {
            return switch (change.type()) {
                case ADDED -> predicate.matches(change.object()) ? event(WatchEvent.Type.ADDED, change) : null;
                case DELETED -> predicate.matches(change.previous()) ? event(WatchEvent.Type.DELETED, change) : null;
                case MODIFIED -> {
                    boolean was = predicate.matches(change.previous());
                    boolean is = predicate.matches(change.object());
                    // Leaving the selection reads as a deletion of the object as it was, at this revision.
                    yield was && is ? event(WatchEvent.Type.MODIFIED, change)
                            : is ? event(WatchEvent.Type.ADDED, change)
                            : was ? new WatchEvent(WatchEvent.Type.DELETED,
                            stamp(change.previous().deepCopy(), change.revision()), change.revision()) : null;
                }
                case BOOKMARK -> null;
            };
        }

        private static WatchEvent event(WatchEvent.Type type, Change change) {
            return new WatchEvent(type, change.object(), change.revision());
        }

        void deliver(WatchEvent event) {
            deliver(event, null);
        }

        void deliver(WatchEvent event, SharedCopy copy) {
            if (stopped) {
                return;
            }
            try {
                ObjectNode object = shared && copy != null ? copy.of(event.object()) : event.object().deepCopy();
                sink.accept(new WatchEvent(event.type(), object, event.revision()));
            } catch (RuntimeException e) {
                LOG.warn("watch on {} stopped: its handler failed on {} at revision {}", prefix, event.type(),
                        event.revision(), e);
                stopped = true;
                watches.remove(this);
            }
        }

        @Override
        public void stop() {
            stopped = true;
            synchronized (MemoryStore.this) {
                watches.remove(this);
            }
        }

        @Override
        public boolean stopped() {
            return stopped;
        }
    }
}
