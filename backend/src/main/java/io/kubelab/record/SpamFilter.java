package io.kubelab.record;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;

/**
 * client-go's {@code EventSourceObjectSpamFilter}: one token bucket per source and object (whatever the
 * reason), {@link #BURST} events at once and then one per five minutes.
 */
final class SpamFilter {

    /** {@code defaultSpamBurst}. */
    static final int BURST = 25;
    /** {@code defaultSpamQPS}, a float32 in Go. */
    static final float QPS = 1f / 300f;

    private final Map<String, TokenBucket> cache = new Lru<>(Lru.MAX_ENTRIES);

    /** Whether the event must be dropped. */
    boolean filter(JsonNode event, Instant now) {
        String key = CoreEvents.spamKey(event);
        TokenBucket bucket = cache.get(key);
        if (bucket == null) {
            bucket = new TokenBucket(QPS, BURST, now);
        }
        boolean drop = !bucket.tryAccept(now);
        cache.put(key, bucket);
        return drop;
    }
}
