package io.kubelab.record;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Optional;

/**
 * client-go's {@code EventCorrelator} with its default options: aggregate, then count repeats, then
 * rate-limit. The order matters and is kept: a repeat that the spam filter drops has still raised the
 * count the logger remembers, so the next one that gets through jumps ahead.
 */
final class EventCorrelator {

    /** An event to write ({@code patch} present for a repeat), or nothing when it was filtered. */
    record Result(ObjectNode event, Optional<ObjectNode> patch) {
    }

    private final EventAggregator aggregator = new EventAggregator();
    private final EventLogger logger = new EventLogger();
    private final SpamFilter spamFilter = new SpamFilter();

    Optional<Result> correlate(ObjectNode event, Instant now) {
        EventAggregator.Aggregated aggregated = aggregator.aggregate(event, now);
        EventLogger.Observed observed = logger.observe(aggregated.event(), aggregated.key());
        if (spamFilter.filter(observed.event(), now)) {
            return Optional.empty();
        }
        return Optional.of(new Result(observed.event(), observed.patch()));
    }

    /** {@code UpdateState}, with the event the server stored. */
    void update(ObjectNode stored) {
        logger.update(stored);
    }
}
