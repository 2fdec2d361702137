package io.kubelab.kubectl.describe;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** apimachinery's {@code duration.HumanDuration} at each of its boundaries, and describe's dates. */
class AgesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "PT-2S, <invalid>", "PT-1.5S, 0s", "PT0S, 0s", "PT0.9S, 0s", "PT59S, 59s", "PT119S, 119s",
            "PT2M, 2m", "PT2M5S, 2m5s", "PT9M59S, 9m59s", "PT10M, 10m", "PT10M59S, 10m", "PT179M, 179m",
            "PT3H, 3h", "PT3H5M, 3h5m", "PT7H59M, 7h59m", "PT8H, 8h", "PT47H59M, 47h", "PT48H, 2d", "PT53H, 2d5h",
            "PT191H, 7d23h", "PT192H, 8d", "PT17519H, 729d", "PT17520H, 2y", "PT17640H, 2y5d", "PT70080H, 8y"
    })
    void humanDuration(String duration, String expected) {
        assertEquals(expected, Ages.human(Duration.parse(duration)));
    }

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
