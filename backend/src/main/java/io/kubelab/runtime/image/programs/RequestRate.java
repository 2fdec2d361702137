package io.kubelab.runtime.image.programs;

import java.time.Instant;

/**
 * A server's recent request rate: requests counted in one-second buckets over the last {@link #WINDOW_SECONDS},
 * so the CPU a process reports follows the load it serves (what {@code kubectl top} and the HPA see).
 */
final class RequestRate {

    static final int WINDOW_SECONDS = 10;

    private final long[] seconds = new long[WINDOW_SECONDS];
    private final int[] counts = new int[WINDOW_SECONDS];

    void served(Instant at) {
        long second = at.getEpochSecond();
        int slot = (int) Math.floorMod(second, (long) WINDOW_SECONDS);
        if (seconds[slot] != second) {
            seconds[slot] = second;
            counts[slot] = 0;
        }
        counts[slot]++;
    }

    /** Requests per second over the window that ends at {@code now}. */
    double perSecond(Instant now) {
        long current = now.getEpochSecond();
        long total = 0;
        for (int i = 0; i < WINDOW_SECONDS; i++) {
            if (current - seconds[i] < WINDOW_SECONDS && seconds[i] <= current) {
                total += counts[i];
            }
        }
        return total / (double) WINDOW_SECONDS;
    }
}
