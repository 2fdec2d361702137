package io.kubelab.controller.cronjob;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The CronJob controller's arithmetic on schedule times ({@code pkg/controller/cronjob/utils.go}): which
 * scheduled time is due, how many were missed, and when to look again.
 */
final class ScheduleTimes {

    /** {@code nextScheduleDelta}: the controller looks 100 ms after a scheduled time, against clock skew. */
    static final Duration NEXT_SCHEDULE_DELTA = Duration.ofMillis(100);
    static final int MANY_MISSED = 100;

    enum Missed { NONE, FEW, MANY }

    /** The answer of {@code mostRecentScheduleTime}. */
    record MostRecent(Instant earliest, Optional<Instant> mostRecent, Missed missed) {
    }

    static final class InvalidScheduleException extends RuntimeException {
        InvalidScheduleException(String message) {
            super(message);
        }
    }

    private ScheduleTimes() {
    }

    /** Go's zero time stands in for "no next activation" (an impossible date). */
    private static Instant next(CronSchedule schedule, Instant t) {
        return schedule.next(t).orElse(Instant.parse("0001-01-01T00:00:00Z"));
    }

    /**
     * {@code mostRecentScheduleTime}: from the last schedule time (or the creation time, or, when asked, the
     * starting deadline), the latest scheduled time at or before {@code now} and how many were missed.
     */
    static MostRecent mostRecent(JsonNode cronJob, Instant now, CronSchedule schedule, boolean withDeadline) {
        Instant earliest = Instant.parse(cronJob.path("metadata").path("creationTimestamp").asText());
        String last = cronJob.path("status").path("lastScheduleTime").asText("");
        if (!last.isEmpty()) {
            earliest = Instant.parse(last);
        }
        JsonNode deadline = cronJob.path("spec").path("startingDeadlineSeconds");
        if (withDeadline && deadline.isNumber()) {
            Instant schedulingDeadline = now.minusSeconds(deadline.asLong());
            if (schedulingDeadline.isAfter(earliest)) {
                earliest = schedulingDeadline;
            }
        }
        Instant t1 = next(schedule, earliest);
        Instant t2 = next(schedule, t1);
        if (now.isBefore(t1)) {
            return new MostRecent(earliest, Optional.empty(), Missed.NONE);
        }
        if (now.isBefore(t2)) {
            return new MostRecent(earliest, Optional.of(t1), Missed.NONE);
        }
        long between = Math.round(Duration.between(t1, t2).toMillis() / 1000.0);
        if (between < 1) {
            throw new InvalidScheduleException("time difference between two schedules is less than 1 second");
        }
        long elapsed = Duration.between(t1, now).getSeconds();
        long missedCount = elapsed / between + 1;
        Instant potentialEarliest = t1.plusSeconds((missedCount - 1 - 1) * between);
        Instant mostRecent = null;
        for (Instant t = next(schedule, potentialEarliest); !t.isAfter(now) && t.getEpochSecond() > 0;
             t = next(schedule, t)) {
            mostRecent = t;
        }
        Missed missed = missedCount > MANY_MISSED ? Missed.MANY : missedCount > 0 ? Missed.FEW : Missed.NONE;
        return new MostRecent(earliest, Optional.ofNullable(mostRecent), missed);
    }

    /** {@code nextScheduleTimeDuration}: how long until the controller should look at the CronJob again. */
    static Duration untilNext(JsonNode cronJob, Instant now, CronSchedule schedule) {
        Instant from;
        try {
            MostRecent r = mostRecent(cronJob, now, schedule, false);
            from = r.mostRecent().orElse(r.missed() == Missed.NONE ? r.earliest() : now);
        } catch (InvalidScheduleException e) {
            from = now;
        }
        return Duration.between(now, next(schedule, from).plus(NEXT_SCHEDULE_DELTA));
    }
}
