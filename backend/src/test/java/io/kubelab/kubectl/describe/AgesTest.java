package io.kubelab.kubectl.describe;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Describe's dates and ages of timestamps (the durations themselves are {@code model.HumanDuration}'s). */
class AgesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "2026-11-25T10:00:00Z | Wed, 25 Nov 2026 10:00:00 +0000",
            "2026-01-02T03:04:05.678901Z | Fri, 02 Jan 2026 03:04:05 +0000",
            "'' | Mon, 01 Jan 0001 00:00:00 +0000"
    })
    void rfc1123zDates(String timestamp, String expected) {
        assertEquals(expected, Ages.date(timestamp));
    }

    @Test
    void anUnsetTimestampHasAnUnknownAge() {
        assertEquals("<unknown>", Ages.since("", Instant.parse("2026-11-25T10:00:00Z")));
        assertEquals("5m", Ages.since("2026-11-25T09:55:00Z", Instant.parse("2026-11-25T10:00:00Z")));
    }
}
