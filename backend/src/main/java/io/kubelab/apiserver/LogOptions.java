package io.kubelab.apiserver;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** {@code PodLogOptions}: which container, which instance, how much, from when, with timestamps or not. */
public record LogOptions(String container, boolean follow, boolean previous, OptionalLong sinceSeconds,
                         Optional<Instant> sinceTime, boolean timestamps, OptionalLong tailLines, OptionalLong limitBytes) {

    public static final LogOptions DEFAULT = new LogOptions("", false, false, OptionalLong.empty(), Optional.empty(),
            false, OptionalLong.empty(), OptionalLong.empty());

    public LogOptions withContainer(String value) {
        return new LogOptions(value, follow, previous, sinceSeconds, sinceTime, timestamps, tailLines, limitBytes);
    }

    public LogOptions withTail(long lines) {
        return new LogOptions(container, follow, previous, sinceSeconds, sinceTime, timestamps, OptionalLong.of(lines),
                limitBytes);
    }

    public LogOptions withPrevious(boolean value) {
        return new LogOptions(container, follow, value, sinceSeconds, sinceTime, timestamps, tailLines, limitBytes);
    }

    public LogOptions withTimestamps(boolean value) {
        return new LogOptions(container, follow, previous, sinceSeconds, sinceTime, value, tailLines, limitBytes);
    }

    public LogOptions withSinceSeconds(long seconds) {
        return new LogOptions(container, follow, previous, OptionalLong.of(seconds), sinceTime, timestamps, tailLines,
                limitBytes);
    }

    public LogOptions withLimitBytes(long bytes) {
        return new LogOptions(container, follow, previous, sinceSeconds, sinceTime, timestamps, tailLines,
                OptionalLong.of(bytes));
    }
}
