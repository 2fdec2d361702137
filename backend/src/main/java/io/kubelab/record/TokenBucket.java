package io.kubelab.record;

import java.time.Duration;
import java.time.Instant;

/**
 * client-go's token-bucket rate limiter ({@code flowcontrol.NewTokenBucketRateLimiterWithClock}, over
 * {@code golang.org/x/time/rate}): it starts full with {@code burst} tokens and refills continuously at
 * {@code qps} tokens a second, never above {@code burst}.
 */
final class TokenBucket {

    private final double qps;
    private final int burst;
    private double tokens;
    private Instant last;

    /** @param qps a float32 in Go; passed as one here so that the refill arithmetic matches to the last bit */
    TokenBucket(float qps, int burst, Instant now) {
        this.qps = qps;
        this.burst = burst;
        this.tokens = burst;
        this.last = now;
    }

    /** {@code TryAccept}: takes a token if one is there. */
    boolean tryAccept(Instant now) {
        if (now.isAfter(last)) {
            double elapsed = Duration.between(last, now).toNanos() / 1e9;
            tokens = Math.min(burst, tokens + elapsed * qps);
            last = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
