package io.kubelab.record;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * groupcache's {@code lru.Cache} as client-go's event caches use it: reads and writes both make an entry the
 * most recent, and adding past the limit forgets the least recent.
 */
final class Lru<K, V> extends LinkedHashMap<K, V> {

    /** {@code maxLruCacheEntries} in events_cache.go. */
    static final int MAX_ENTRIES = 4096;

    private final int limit;

    Lru(int limit) {
        super(16, 0.75f, true);
        this.limit = limit;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > limit;
    }
}
